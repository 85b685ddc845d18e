// The streamed JSON writer gives exactly the bytes of JSON.stringify(value, null, 2), and so the
// streamed Crisscross JSON export gives exactly the bytes of exportCrisscrossJson.
import { describe, expect, it } from 'vitest';
import {
  clipJson,
  collectionJson,
  crisscrossDocument,
  exportCrisscrossJson,
  highlightJson,
  sortedLinks,
} from '../../../src/core/export/crisscross-json';
import { StreamedJson, streamedArray } from '../../../src/core/export/json-stream';
import { sortById, type ExportBundle } from '../../../src/core/export/library-data';
import { makeBundle, META } from './fixtures';
import { generateBundle } from './generated-library';

/** Writes `arrays` into the template's placeholders, `batch` items per call. */
function stream(template: unknown, arrays: Record<string, unknown[]>, batch: number): string {
  const json = new StreamedJson(template);
  let out = json.start();
  for (const name of json.names) {
    const items = arrays[name]!;
    for (let i = 0; i < items.length; i += batch) out += json.items(items.slice(i, i + batch));
    out += json.close();
  }
  return out;
}

function streamedCrisscross(bundle: ExportBundle, batch: number): string {
  const sections = {
    clips: sortById(bundle.clips).map(clipJson),
    highlights: sortById(bundle.highlights).map(highlightJson),
    collections: sortById(bundle.collections).map(collectionJson),
    ...(bundle.links ? { links: sortedLinks(bundle.links) } : {}),
  };
  const template = crisscrossDocument(META, {
    clips: streamedArray('clips'),
    highlights: streamedArray('highlights'),
    collections: streamedArray('collections'),
    ...(bundle.links ? { links: streamedArray('links') } : {}),
  });
  return `${stream(template, sections, batch)}\n`;
}

describe('StreamedJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes, arrays empty, short, nested or last', () => {
    const items = [{ a: 1, b: [1, 2, { c: 'line\nbreak "q"' }], d: {} }, [], 'x', null, 3.5, { e: [] }];
    const cases: [unknown, Record<string, unknown[]>][] = [
      [{ head: 1, list: streamedArray('list') }, { list: items }],
      [{ list: streamedArray('list'), tail: { deep: true } }, { list: [] }],
      [{ a: { b: { c: streamedArray('deep') } }, z: [1] }, { deep: items }],
      [
        { one: streamedArray('one'), two: streamedArray('two'), three: streamedArray('three') },
        { one: [1], two: [], three: items },
      ],
      [[streamedArray('top'), 'after'], { top: items }],
    ];
    for (const [template, arrays] of cases) {
      const filled = JSON.parse(JSON.stringify(template), (_key, value) =>
        Array.isArray(value) && typeof value[0] === 'string' && value[0].startsWith('\u0000streamed-array:')
          ? arrays[value[0].slice('\u0000streamed-array:'.length)]
          : value,
      );
      for (const batch of [1, 2, 100]) expect(stream(template, arrays, batch)).toBe(JSON.stringify(filled, null, 2));
    }
  });

  it('writes null for what JSON cannot hold, as an array does', () => {
    const json = new StreamedJson({ list: streamedArray('list') });
    const text = json.start() + json.items([undefined, () => 1]) + json.close();
    expect(text).toBe(JSON.stringify({ list: [undefined, () => 1] }, null, 2));
  });
});

describe('the streamed Crisscross JSON export', () => {
  it('is byte-identical to exportCrisscrossJson on the fixtures, with and without links', () => {
    const bundle = makeBundle();
    for (const each of [bundle, { ...bundle, links: [{ a: 'c:1', b: 'c:2', id: 'x' }] }, { clips: [], highlights: [], collections: [] }]) {
      for (const batch of [1, 3, 1000]) expect(streamedCrisscross(each, batch)).toBe(exportCrisscrossJson(each, META).data);
    }
  });

  it('is byte-identical to exportCrisscrossJson on a generated library of 500 clips', () => {
    const bundle = generateBundle(500, { seed: 7 });
    expect(bundle.highlights.length).toBeGreaterThan(100);
    expect(streamedCrisscross(bundle, 37)).toBe(exportCrisscrossJson(bundle, META).data);
  });
});
