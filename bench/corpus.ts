// Builds N deterministic library items from the Brown corpus, shaped exactly as stored: ~80% clips, ~20% highlights.
import { HIGHLIGHT_COLORS, type Highlight } from '../src/core/highlight';
import type { Clip } from '../src/core/page-capture';
import type { SearchItem } from '../src/core/search';
import { clipItem, highlightItem } from '../src/core/search/library-items';
import type { BrownFile } from './brown';
import { createRng, type Rng } from './prng';

export const DEFAULT_SEED = 0xc115c055;
/** Items are saved over the three years before this date (fixed, so the corpus does not depend on the day it is built). */
const END = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const SPAN = 3 * 365 * DAY;
const FIRST_NAMES = ['Ann', 'Ben', 'Clara', 'David', 'Elena', 'Frank', 'Grace', 'Henry', 'Iris', 'James', 'Kate', 'Louis', 'Maria', 'Noah'];
const LAST_NAMES = ['Adams', 'Baker', 'Carter', 'Dalton', 'Evans', 'Fisher', 'Gordon', 'Hughes', 'Irving', 'Jensen', 'Keller', 'Lowell'];

export interface CorpusChunk {
  clips: Clip[];
  highlights: Highlight[];
}

export interface CorpusStats {
  clips: number;
  highlights: number;
  /** Article text stored, in MB (UTF-16 code units / 1e6, about bytes for this ASCII text). */
  textMB: number;
  htmlMB: number;
  /** Distinct lower-case words in everything generated (the Brown corpus caps this near 50,000). */
  distinctWords: number;
}

/** How many highlights a library of `size` items has: a fifth of it. */
export function highlightCount(size: number): number {
  return Math.floor(size / 5);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** A title of 6-10 words cut from a sentence, without dangling punctuation. */
function titleFrom(sentence: string, rng: Rng): string {
  const words = sentence.replace(/"/g, '').split(/\s+/).filter(Boolean).slice(0, rng.int(6, 10));
  const title = words.join(' ').replace(/[\s,;:.\-!?'()]+$/, '');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function excerptOf(paragraph: string): string {
  if (paragraph.length <= 200) return paragraph;
  const cut = paragraph.lastIndexOf(' ', 200);
  return `${paragraph.slice(0, cut > 0 ? cut : 200)}…`;
}

interface Passage {
  /** Sentences grouped in paragraphs. */
  paragraphs: string[][];
  mainFile: BrownFile;
}

/** ~5 KB: consecutive sentences of one file, plus a few from other files so vocabulary grows with N. */
function passage(files: readonly BrownFile[], rng: Rng, used: Set<number>): Passage {
  const fileIndex = rng.int(0, files.length - 1);
  const file = files[fileIndex]!;
  const target = rng.int(3_500, 6_500);
  const start = rng.int(0, file.sentences.length - 1);
  const taken: number[] = [];
  let size = 0;
  for (let i = start; i < file.sentences.length && size < target; i++, size += file.sentences[i - 1]!.length + 1) taken.push(i);
  for (let i = start - 1; i >= 0 && size < target; i--, size += file.sentences[i + 1]!.length + 1) taken.unshift(i);
  const sentences = taken.map((i) => {
    used.add(fileIndex * 10_000 + i);
    return file.sentences[i]!;
  });
  for (let extra = rng.int(1, 3); extra > 0; extra--) {
    const otherIndex = rng.int(0, files.length - 1);
    const other = files[otherIndex]!;
    const i = rng.int(0, other.sentences.length - 1);
    used.add(otherIndex * 10_000 + i);
    sentences.splice(rng.int(0, sentences.length), 0, other.sentences[i]!);
  }
  const paragraphs: string[][] = [];
  for (let i = 0; i < sentences.length;) {
    const length = rng.int(2, 6);
    paragraphs.push(sentences.slice(i, i + length));
    i += length;
  }
  return { paragraphs, mainFile: file };
}

function makeClip(index: number, files: readonly BrownFile[], rng: Rng, used: Set<number>): { clip: Clip; paragraphs: string[][] } {
  const { paragraphs, mainFile } = passage(files, rng, used);
  const paragraphTexts = paragraphs.map((p) => p.join(' '));
  const text = paragraphTexts.join('\n\n');
  const title = titleFrom(paragraphs[0]![0]!, rng);
  const host = `${mainFile.genre.replace(/_/g, '-')}.example`;
  const url = `https://${host}/${mainFile.id}/${slug(title) || 'article'}-${index}`;
  const savedAt = END - rng.int(0, SPAN);
  const clip: Clip = {
    id: rng.uuid(),
    url,
    canonicalUrl: url,
    aliases: [url],
    title,
    author: rng.chance(0.6) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null,
    siteName: host,
    publishedAt: rng.chance(0.75) ? new Date(savedAt - rng.int(0, 30 * DAY)).toISOString() : null,
    language: 'en',
    excerpt: excerptOf(paragraphTexts[0]!),
    text,
    html: paragraphTexts.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    wordCount: text.split(/\s+/).length,
    tags: [mainFile.genre],
    source: 'article',
    truncated: null,
    savedAt,
    updatedAt: rng.chance(0.1) ? Math.min(END, savedAt + rng.int(0, 60 * DAY)) : savedAt,
  };
  return { clip, paragraphs };
}

/** A highlight of one sentence of the clip, with selectors as the content script would describe them. */
function makeHighlight(clip: Clip, paragraphs: string[][], files: readonly BrownFile[], rng: Rng, used: Set<number>): Highlight {
  const p = rng.int(0, paragraphs.length - 1);
  const sentences = paragraphs[p]!;
  const s = rng.int(0, sentences.length - 1);
  const exact = sentences[s]!;
  let paragraphStart = 0;
  for (let i = 0; i < p; i++) paragraphStart += paragraphs[i]!.join(' ').length + 2;
  const offset = sentences.slice(0, s).reduce((sum, sentence) => sum + sentence.length + 1, 0);
  const start = paragraphStart + offset;
  const end = start + exact.length;
  const xpath = `/main[1]/article[1]/p[${p + 1}]`;
  const createdAt = clip.savedAt + rng.int(0, 7 * DAY);
  let note = '';
  if (rng.chance(0.5)) {
    const fileIndex = rng.int(0, files.length - 1);
    const sentences = files[fileIndex]!.sentences;
    const i = rng.int(0, sentences.length - 1);
    used.add(fileIndex * 10_000 + i);
    note = sentences[i]!.slice(0, 300);
  }
  return {
    id: rng.uuid(),
    clipId: clip.id,
    pageUrl: clip.canonicalUrl,
    pageTitle: clip.title,
    text: exact,
    note,
    color: rng.pick(HIGHLIGHT_COLORS),
    tags: [],
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: clip.text.slice(Math.max(0, start - 32), start),
        suffix: clip.text.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector', start, end },
      range: {
        type: 'RangeSelector',
        startSelector: { type: 'XPathSelector', value: xpath },
        startOffset: offset,
        endSelector: { type: 'XPathSelector', value: xpath },
        endOffset: offset + exact.length,
      },
    },
    createdAt,
    updatedAt: note && rng.chance(0.3) ? createdAt + rng.int(0, 30 * DAY) : createdAt,
  };
}

/**
 * The library of `size` items (clips, then each clip's highlights), in chunks of about `chunkSize` items,
 * from the Brown files (loadBrown() in Node; the same data passed into a page generates the same items there).
 * The same size and seed always give the same items, so they can be walked again instead of kept.
 * Pass `stats` to have it filled in once the walk ends.
 */
export function* generateCorpus(
  files: readonly BrownFile[],
  size: number,
  { seed = DEFAULT_SEED, chunkSize = 500, stats }: { seed?: number; chunkSize?: number; stats?: CorpusStats } = {},
): Generator<CorpusChunk> {
  const rng = createRng(seed);
  const used = new Set<number>();
  const highlights = highlightCount(size);
  const clips = size - highlights;
  let nextHighlight = 0;
  let chunk: CorpusChunk = { clips: [], highlights: [] };
  let textChars = 0;
  let htmlChars = 0;
  for (let c = 0; c < clips; c++) {
    const { clip, paragraphs } = makeClip(c, files, rng, used);
    chunk.clips.push(clip);
    textChars += clip.text.length;
    htmlChars += clip.html.length;
    // Highlight j belongs to clip floor(j * clips / highlights): spread evenly, every fourth clip or so.
    while (nextHighlight < highlights && Math.floor((nextHighlight * clips) / highlights) === c) {
      chunk.highlights.push(makeHighlight(clip, paragraphs, files, rng, used));
      nextHighlight++;
    }
    if (chunk.clips.length + chunk.highlights.length >= chunkSize) {
      yield chunk;
      chunk = { clips: [], highlights: [] };
    }
  }
  if (chunk.clips.length + chunk.highlights.length > 0) yield chunk;
  if (stats) {
    const words = new Set<string>();
    for (const key of used) {
      const sentence = files[Math.floor(key / 10_000)]!.sentences[key % 10_000]!;
      for (const word of sentence.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []) words.add(word);
    }
    Object.assign(stats, { clips, highlights, textMB: textChars / 1e6, htmlMB: htmlChars / 1e6, distinctWords: words.size });
  }
}

/** A chunk as the search index sees it: what the worker's rebuild makes of the stored clips and highlights. */
export function toSearchItems({ clips, highlights }: CorpusChunk): SearchItem[] {
  const pages = new Map(clips.map((clip) => [clip.id, clip]));
  return [...clips.map((clip) => clipItem(clip)), ...highlights.map((highlight) => highlightItem(highlight, pages.get(highlight.clipId)))];
}
