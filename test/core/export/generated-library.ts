// A generated library of any size for the streamed-export tests: seeded, with text that stresses JSON
// (quotes, backslashes, line breaks, control characters, emoji and other surrogate pairs).
import type { Collection } from '../../../src/core/collection';
import { pairKey } from '../../../src/core/connections/feedback';
import type { ExportBundle } from '../../../src/core/export/library-data';
import type { Highlight } from '../../../src/core/highlight';
import type { Clip } from '../../../src/core/page-capture';
import { makeClip, makeHighlight } from './fixtures';

const WORDS = ['curate', 'naïve', '“quoted”', 'back\\slash', 'tab\there', 'line\nbreak', '😀', '𝔘𝔫𝔦', 'العربية', '\u0001', 'x"y', 'Ω'];

/** A small seeded generator (mulberry32): the same seed gives the same library. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `clips` clips of about `textChars` characters of text and `htmlChars` of HTML each (a quarter of the
 * text by default; HTML is not indexed, so it makes a big file cheap to import), some highlights, two
 * collections and links.
 */
export function generateBundle(
  clips: number,
  { seed = 1, textChars = 400, htmlChars = textChars / 4 }: { seed?: number; textChars?: number; htmlChars?: number } = {},
): ExportBundle {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const text = (chars: number) => {
    let out = '';
    while (out.length < chars) out += `${pick(WORDS)} `;
    return out;
  };
  const id = (kind: string, n: number) => `${kind}-${Math.floor(next() * 1e9).toString(36)}-${n}`;
  const bundle: ExportBundle = { clips: [], highlights: [], collections: [], links: [] };
  for (let n = 0; n < clips; n++) {
    const url = `https://site${n % 7}.example/post/${n}`;
    const saved = Date.UTC(2024, 0, 1) + Math.floor(next() * 1e10);
    const clip: Clip = makeClip({
      id: id('clip', n),
      url,
      canonicalUrl: url,
      aliases: [url],
      title: `${pick(WORDS)} post ${n}`,
      text: text(textChars),
      html: `<p>${text(htmlChars)}</p>`,
      tags: next() < 0.3 ? ['later', pick(['x', 'y'])] : [],
      truncated: next() < 0.05 ? { keptChars: 10, totalChars: 20 } : null,
      author: next() < 0.5 ? null : 'An Author',
      savedAt: saved,
      updatedAt: saved + 1,
    });
    bundle.clips.push(clip);
    if (next() < 0.5) {
      const highlight: Highlight = makeHighlight({
        id: id('hl', n),
        clipId: clip.id,
        pageUrl: url,
        pageTitle: clip.title,
        note: next() < 0.5 ? text(60) : '',
        tags: next() < 0.5 ? ['later'] : [],
        createdAt: saved + 5,
        updatedAt: saved + 6,
      });
      bundle.highlights.push(highlight);
    }
  }
  const collection = (n: number, items: Collection['items']): Collection => ({
    id: `col-${n}`,
    name: `Collection ${n} ${pick(WORDS)}`,
    description: text(30),
    items,
    createdAt: Date.UTC(2024, 1, n + 1),
    updatedAt: Date.UTC(2024, 2, n + 1),
  });
  bundle.collections.push(
    collection(
      1,
      bundle.clips.filter((_, n) => n % 3 === 0).map((clip) => ({ type: 'clip' as const, id: clip.id })),
    ),
    collection(
      2,
      bundle.highlights.slice(0, 5).map((h) => ({ type: 'highlight' as const, id: h.id })),
    ),
  );
  for (let n = 1; n < Math.min(clips, 6); n++) {
    const [a, b] = [`c:${bundle.clips[n - 1]!.id}`, `c:${bundle.clips[n]!.id}`];
    bundle.links!.push({
      pair: pairKey(a, b),
      a,
      b,
      status: 'confirmed',
      note: text(10),
      terms: ['curate'],
      createdAt: Date.UTC(2024, 3, n),
    });
  }
  return bundle;
}
