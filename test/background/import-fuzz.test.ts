// Import fuzzing: seeded damage to a real export (cut short, characters dropped, values swapped for
// wrong types, hostile strings, deep nesting). Every file is either imported whole, leaving a library
// whose highlights all have their page, or refused with the "nothing was changed" message and the
// library exactly as before. The seed is in each test's name, so a failure can be replayed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from '../../src/background/library-transfer';
import { createSearchService, type SearchService } from '../../src/background/search-service';
import { saveCapture } from '../../src/storage/clip-store';
import { CrisscrossDb } from '../../src/storage/db';
import { addHighlight } from '../../src/storage/highlight-store';
import { createRng, type Rng } from '../../bench/prng';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

const open: { db: CrisscrossDb; search: SearchService }[] = [];
afterEach(async () => {
  for (const { db, search } of open.splice(0)) {
    await search.stop();
    await db.delete();
  }
});

async function seededProfile() {
  const db = new CrisscrossDb(`import-fuzz-${Math.random()}`);
  const search = createSearchService(db, { snapshotDelayMs: 60_000 });
  open.push({ db, search });
  const { clip } = await saveCapture(db, makeCapture(), { now: 1_000, newId: () => 'clip-1' });
  await addHighlight(db, clip, { selectors: makeSelectors(), note: 'kept', color: 'green' }, { now: 2_000, newId: () => 'h-1' });
  return { db, search };
}

const withoutTime = (text: string) => text.replace(/"exportedAt":\s*"[^"]*"/, '');

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000\uFFFF\uD800',
  'x'.repeat(300_000),
];

/** Every place in a parsed JSON value, as a path of keys and indexes. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  return out;
}

function junk(rng: Rng): unknown {
  const deep: unknown[] = [];
  let cursor = deep;
  for (let i = 0; i < 5_000; i++) cursor = (cursor[0] = []) as unknown[];
  return rng.pick([null, 42, -1, 1e308, true, [], {}, rng.pick(HOSTILE), { __proto__: { polluted: true } }, deep]);
}

/** One damaged copy of the export. */
function damage(text: string, rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0:
      return text.slice(0, rng.int(0, text.length - 1));
    case 1: {
      const at = rng.int(0, text.length - 1);
      return text.slice(0, at) + text.slice(at + rng.int(1, 20));
    }
    case 2: {
      const value = JSON.parse(text) as Record<string, unknown>;
      const places = paths(value).filter((path) => path.length > 0);
      const path = rng.pick(places);
      let parent = value as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = junk(rng);
      try {
        return JSON.stringify(value);
      } catch {
        return text.slice(1); // too deep to write: broken JSON instead
      }
    }
    default: {
      const at = rng.int(0, text.length - 1);
      return text.slice(0, at) + rng.pick(HOSTILE) + text.slice(at);
    }
  }
}

describe('importing damaged and hostile files', () => {
  const SEEDS = Array.from({ length: 40 }, (_, i) => 1_000 + i);

  it.each(SEEDS)(
    'seed %i: imports whole or refuses and changes nothing',
    async (seed) => {
      const rng = createRng(seed);
      const source = await seededProfile();
      const exported = (await exportLibrary(source.db, 'json', '0.1.0')).text!;
      const target = await seededProfile();
      const before = withoutTime((await exportLibrary(target.db, 'json', '0.1.0')).text!);

      let refused: { code?: string; message?: string } | null = null;
      try {
        await importLibrary(target.db, target.search, 'damaged.json', damage(exported, rng));
      } catch (error) {
        refused = error as { code?: string; message?: string };
      }

      if (refused) {
        expect(refused.code).toBe('invalid-request');
        expect(refused.message).toMatch(/^damaged\.json was not imported, and nothing was changed\. ./);
        expect(withoutTime((await exportLibrary(target.db, 'json', '0.1.0')).text!)).toBe(before);
      } else {
        const clipIds = new Set((await target.db.clips.toArray()).map((clip) => clip.id));
        for (const highlight of await target.db.highlights.toArray()) expect(clipIds).toContain(highlight.clipId);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    },
    30_000,
  );
});
