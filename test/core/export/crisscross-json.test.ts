// The Crisscross JSON export: versioned, ordered, deterministic, described by its JSON Schema, and byte-identical after a round trip.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportCrisscrossJson } from '../../../src/core/export/crisscross-json';
import { parseCrisscrossJson } from '../../../src/core/export/crisscross-json-import';
import { exportJsonSchema } from '../../../src/core/export/crisscross-schema';
import type { ExportBundle } from '../../../src/core/export/library-data';
import { CLIP_ID_FAST, CLIP_ID_TRICKY, makeBundle, META } from './fixtures';

const SCHEMA_PATH = fileURLToPath(new URL('../../../src/core/export/export-format.schema.json', import.meta.url));

function text(bundle: ExportBundle = makeBundle()): string {
  return exportCrisscrossJson(bundle, META).data as string;
}

/** The same objects with their keys in reverse order, as another database or browser might hand them over. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  return value;
}

describe('exportCrisscrossJson', () => {
  it('writes a versioned document with metadata first and a suggested file name', () => {
    const file = exportCrisscrossJson(makeBundle(), META);
    expect(file.fileName).toBe('crisscross-export-2024-05-01.json');
    expect(file.mimeType).toBe('application/json');
    const data = JSON.parse(file.data as string);
    expect(Object.keys(data)).toEqual(['format', 'version', 'exportedAt', 'app', 'clips', 'highlights', 'collections']);
    expect(data.format).toBe('crisscross');
    expect(data.version).toBe(1);
    expect(data.exportedAt).toBe('2024-05-01T09:30:00.000Z');
    expect(data.app).toEqual({ name: 'Crisscross', version: '0.1.0' });
  });

  it('sorts items by id and writes each clip’s keys in a fixed order, long fields last', () => {
    const data = JSON.parse(text());
    expect(data.clips.map((c: { id: string }) => c.id)).toEqual([CLIP_ID_TRICKY, CLIP_ID_FAST]);
    const ids = data.highlights.map((h: { id: string }) => h.id);
    expect(ids).toEqual([...ids].sort());
    // prettier-ignore
    expect(Object.keys(data.clips[0])).toEqual([
      'id', 'url', 'canonicalUrl', 'aliases', 'title', 'author', 'siteName', 'publishedAt', 'language', 'excerpt',
      'tags', 'source', 'wordCount', 'truncated', 'savedAt', 'updatedAt', 'text', 'html',
    ]);
    // A collection's items keep the user's order.
    expect(data.collections[0].items.map((i: { id: string }) => i.id)).toEqual(makeBundle().collections[0]!.items.map((i) => i.id));
  });

  it('gives the same bytes whatever order the items and their keys come in', () => {
    const bundle = makeBundle();
    const shuffled: ExportBundle = reversedKeys({
      clips: [...bundle.clips].reverse(),
      highlights: [...bundle.highlights].reverse(),
      collections: bundle.collections,
    });
    expect(text(shuffled)).toBe(text(bundle));
  });

  it('gives identical bytes after export → import → export', () => {
    const first = text();
    const parsed = parseCrisscrossJson(first);
    if (!parsed.ok) throw parsed.error;
    const second = exportCrisscrossJson(parsed.value.bundle, parsed.value.meta!).data;
    expect(second).toBe(first);
    expect(parsed.value.meta).toEqual(META);
  });

  it('loses nothing: the parsed bundle equals the exported one', () => {
    const bundle = makeBundle();
    const parsed = parseCrisscrossJson(text(bundle));
    if (!parsed.ok) throw parsed.error;
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(parsed.value.bundle).toEqual({
      clips: byId(bundle.clips),
      highlights: byId(bundle.highlights),
      collections: bundle.collections,
    });
  });

  it('keeps links opaque but ordered: absent, empty and present all round-trip', () => {
    const links = [
      { to: 'b', id: 'link-2', from: 'a', note: { z: 1, a: [3, 2] } },
      { id: 'link-1', from: 'c', to: 'd' },
    ];
    for (const value of [undefined, [], links]) {
      const bundle = { ...makeBundle(), ...(value ? { links: value } : {}) };
      const first = text(bundle);
      const parsed = parseCrisscrossJson(first);
      if (!parsed.ok) throw parsed.error;
      expect(parsed.value.bundle.links).toEqual(value && JSON.parse(first).links);
      expect(exportCrisscrossJson(parsed.value.bundle, META).data).toBe(first);
    }
    const data = JSON.parse(text({ ...makeBundle(), links }));
    expect(data.links).toEqual([
      { from: 'c', id: 'link-1', to: 'd' },
      { from: 'a', id: 'link-2', note: { a: [3, 2], z: 1 }, to: 'b' },
    ]);
  });
});

describe('export-format.schema.json', () => {
  const generated = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;

  it('is the schema generated from the zod schema the importer uses (UPDATE_EXPORT_SCHEMA=1 rewrites it; then run prettier)', () => {
    if (process.env.UPDATE_EXPORT_SCHEMA) writeFileSync(SCHEMA_PATH, generated);
    // Compared as data, so Prettier may format the file.
    expect(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))).toEqual(JSON.parse(generated));
  });

  it('accepts every export and refuses what the importer refuses', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
    const data = JSON.parse(text({ ...makeBundle(), links: [{ id: 'x' }] }));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const broken = structuredClone(data);
    broken.clips[0].url = 'javascript:alert(1)';
    broken.highlights[0].note = 42;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/clips/0/url', '/highlights/0/note']));
  });
});
