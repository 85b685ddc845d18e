// Finds the sentence of a text that best shows a connection, and trims it around its shared words.
import { foldText } from '../search/normalize';
import { phraseKey, scanWords } from './terms';
import type { Passage } from './types';

/** Longest passage shown, in characters: about two lines in the popup. */
export const PASSAGE_CHARS = 220;

// A sentence ends at ., ! or ? (closing quotes included) before a capital or digit, or at a line break.
const BOUNDARY = /[.!?\u2026]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018([]?[\p{Lu}\p{N}])|\s*\n\s*/gu;
// Words on either side of a cut are not split: the window moves to the nearest space.
const SPACE = /\s/;

/** [start, end) offsets of the sentences of a text, surrounding spaces excluded, empty ones skipped. */
export function splitSentences(text: string): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  const push = (start: number, end: number) => {
    while (start < end && SPACE.test(text.charAt(start))) start++;
    while (end > start && SPACE.test(text.charAt(end - 1))) end--;
    if (end > start) sentences.push([start, end]);
  };
  let last = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    // The terminator stays with its sentence; the spaces after it are dropped by push.
    push(last, match.index + match[0].length);
    last = match.index + match[0].length;
  }
  push(last, text.length);
  return sentences;
}

interface Mark {
  start: number;
  end: number;
  weight: number;
  term: string;
}

/** The shared words of one sentence, and their summed weight (each term counted once). */
function marksOf(sentence: string, weights: ReadonlyMap<string, number>): { marks: Mark[]; score: number } {
  const marks: Mark[] = [];
  const seen = new Set<string>();
  let score = 0;
  let previous: { stem: string; start: number } | null = null;
  scanWords(sentence, (stem, start, end, joined) => {
    const phrase = joined && previous ? phraseKey(previous.stem, stem) : null;
    for (const [term, from] of [
      [stem, start],
      [phrase, previous?.start ?? start],
    ] as const) {
      const weight = term === null ? undefined : weights.get(term);
      if (term === null || weight === undefined) continue;
      marks.push({ start: from, end, weight, term });
      if (!seen.has(term)) {
        seen.add(term);
        score += weight;
      }
    }
    previous = { stem, start };
  });
  return { marks, score };
}

/** Merges overlapping marks (a phrase and its words) into spans to emphasise. */
function spans(marks: readonly Mark[], offset: number, from: number, to: number): Array<[number, number]> {
  const inside = marks.filter((mark) => mark.start >= from && mark.end <= to).sort((a, b) => a.start - b.start);
  const merged: Array<[number, number]> = [];
  for (const mark of inside) {
    const last = merged[merged.length - 1];
    const start = mark.start - from + offset;
    const end = mark.end - from + offset;
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The window of `maxChars` over a long sentence holding the most shared weight, cut at spaces. */
function windowAround(sentence: string, marks: readonly Mark[], maxChars: number): [number, number] {
  let best: [number, number] = [0, maxChars];
  let bestWeight = -1;
  for (const anchor of marks) {
    // Some words of context before the first shared word.
    const start = Math.max(0, Math.min(anchor.start - 40, sentence.length - maxChars));
    const end = start + maxChars;
    let weight = 0;
    for (const mark of marks) if (mark.start >= start && mark.end <= end) weight += mark.weight;
    if (weight > bestWeight) {
      bestWeight = weight;
      best = [start, end];
    }
  }
  let [start, end] = best;
  if (start > 0) {
    const space = sentence.slice(start).search(SPACE);
    if (space >= 0) start += space + 1;
  }
  if (end < sentence.length) {
    const space = sentence.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return [start, end];
}

/** Texts whose sentences were split last, most recent last: a popup explains one source against many targets. */
const PREPARED_TEXTS = 64;
const prepared = new Map<string, PreparedText>();
const split = new Map<string, Array<[number, number]>>();

/** A text's sentences, and all of them folded as words are folded, joined by line breaks, for indexOf. */
interface PreparedText {
  sentences: Array<[number, number]>;
  folded: string;
  /** Where each sentence starts in `folded`. */
  starts: number[];
}

/** Reads `key` from a small LRU cache, making it with `make` when absent. */
function cachedIn<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const cached = cache.get(key);
  if (cached !== undefined) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const value = make();
  cache.set(key, value);
  if (cache.size > PREPARED_TEXTS) cache.delete(cache.keys().next().value!);
  return value;
}

/** A text's sentences, from a small LRU cache keyed by the text. */
function sentencesOf(text: string): Array<[number, number]> {
  return cachedIn(split, text, () => splitSentences(text));
}

/** A text prepared for the pre-filter. */
function prepareText(text: string, sentences = splitSentences(text)): PreparedText {
  const starts: number[] = [];
  let length = 0;
  const parts = sentences.map(([start, end]) => {
    const folded = foldText(text.slice(start, end));
    starts.push(length);
    length += folded.length + 1;
    return folded;
  });
  return { sentences, folded: parts.join('\n'), starts };
}

/** A text prepared for the pre-filter, from a small LRU cache keyed by the text. */
function prepare(text: string): PreparedText {
  return cachedIn(prepared, text, () => prepareText(text, sentencesOf(text)));
}

/** Whether a word may start after this character: not an ASCII letter or digit (any other character may split words). */
const mayPrecedeWord = (code: number) => !((code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90));

/**
 * The word-start prefixes a term needs, one per word (a phrase needs both). A word whose stem is `s`
 * starts with `s` minus its last letter once folded ("companies" -> "company": "compan").
 */
function probesOf(term: string): string[] {
  return [...new Set(term.split(' ').map((stem) => (stem.length > 1 ? stem.slice(0, -1) : stem)))];
}

/** Scratch arrays of termSentences, grown to the most sentences seen. */
let found = new Int32Array(0);
let lastProbe = new Int32Array(0);
let probeId = 0;

/** The sentences (ascending) in which every probe of `term` occurs at a word start: where the term may be. */
function termSentences({ folded, starts }: PreparedText, term: string): number[] {
  if (found.length < starts.length) {
    found = new Int32Array(starts.length * 2);
    lastProbe = new Int32Array(starts.length * 2);
    probeId = 0;
  }
  const probes = probesOf(term);
  const hits: number[] = [];
  found.fill(0, 0, starts.length);
  for (const probe of probes) {
    probeId++;
    let sentence = 0;
    for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
      if (at > 0 && !mayPrecedeWord(folded.charCodeAt(at - 1))) continue;
      while (sentence + 1 < starts.length && starts[sentence + 1]! <= at) sentence++;
      if (lastProbe[sentence] === probeId) continue;
      lastProbe[sentence] = probeId;
      if (++found[sentence]! === probes.length) hits.push(sentence);
    }
  }
  return hits.sort((a, b) => a - b);
}

/**
 * Where some terms may occur in a text, kept by the connection index for each item's top terms so an
 * explanation does not search the item's text again: one array, [sentence count, then for term i the
 * start of its run (terms + 1 of them), then the runs of sentence numbers]. Null when the text has
 * too many sentences or hits for 16 bits: such a text is searched when explained.
 */
export type SentenceHits = Uint16Array;

export function locateTerms(text: string, terms: readonly string[]): SentenceHits | null {
  // Not cached: the index locates each text once, when it adds it.
  const ready = prepareText(text);
  const runs = terms.map((term) => termSentences(ready, term));
  const total = runs.reduce((sum, run) => sum + run.length, 0);
  const length = 2 + terms.length + total;
  if (ready.sentences.length > 0xffff || length > 0xffff) return null;
  const hits = new Uint16Array(length);
  hits[0] = ready.sentences.length;
  let at = 2 + terms.length;
  runs.forEach((run, i) => {
    hits[1 + i] = at;
    hits.set(run, at);
    at += run.length;
  });
  hits[1 + terms.length] = at;
  return hits;
}

/** Sentences of the text in which term `i` (of those located) may occur. */
function hitsOf(hits: SentenceHits, i: number): Uint16Array {
  return hits.subarray(hits[1 + i]!, hits[2 + i]!);
}

/**
 * Upper bounds of each sentence's score: the summed weights of the terms whose probes all occur at a
 * word start in it (added in the order of `weights`, whatever says where terms are).
 */
function scoreBounds(sentences: number, weights: ReadonlyMap<string, number>, where: (term: string) => ArrayLike<number>): Float64Array {
  const bounds = new Float64Array(sentences);
  for (const [term, weight] of weights) {
    if (!(weight > 0)) continue;
    const hits = where(term);
    for (let i = 0; i < hits.length; i++) bounds[hits[i]!]! += weight;
  }
  return bounds;
}

/** Where a text's terms are: located in advance for some terms (`hits`, terms in the order given to locateTerms). */
export interface LocatedText {
  hits: SentenceHits;
  /** Term -> its position in `hits`. */
  position: (term: string) => number | undefined;
}

/**
 * The sentence of `text` whose shared terms weigh most (`weights`: term key -> weight), earliest on a
 * tie, trimmed to about `maxChars` around its shared words. Null when no sentence has a shared term.
 *
 * Tokenising every sentence is what costs, so each sentence first gets a cheap upper bound of its
 * score (scoreBounds; from `located`, the terms' sentences found when the text was indexed, when it
 * covers every term), and sentences are tokenised best bound first until no bound can beat the best
 * score. The result is the one a scan of every sentence gives: a pruned sentence scores less.
 */
export function bestPassage(
  text: string,
  weights: ReadonlyMap<string, number>,
  maxChars = PASSAGE_CHARS,
  located?: LocatedText,
): Passage | null {
  if (weights.size === 0 || !text) return null;
  let sentences: Array<[number, number]>;
  let bounds: Float64Array;
  const known = located && sentencesOf(text);
  if (known && known.length === located.hits[0] && [...weights.keys()].every((term) => located.position(term) !== undefined)) {
    // The index located these terms when it added the text: no search of the text now.
    sentences = known;
    bounds = scoreBounds(located.hits[0]!, weights, (term) => hitsOf(located.hits, located.position(term)!));
  } else {
    const ready = prepare(text);
    sentences = ready.sentences;
    bounds = scoreBounds(sentences.length, weights, (term) => termSentences(ready, term));
  }
  const candidates: number[] = [];
  bounds.forEach((bound, index) => bound > 0 && candidates.push(index));
  candidates.sort((a, b) => bounds[b]! - bounds[a]! || a - b);
  let best: { index: number; start: number; end: number; marks: Mark[]; score: number } | null = null;
  for (const index of candidates) {
    const bound = bounds[index]!;
    // The bound and the score add the same weights in different orders: allow for rounding.
    if (best !== null && bound + 1e-9 * bound < best.score) break;
    const [start, end] = sentences[index]!;
    const found = marksOf(text.slice(start, end), weights);
    if (found.score <= 0) continue;
    if (best === null || found.score > best.score || (found.score === best.score && index < best.index)) {
      best = { index, start, end, ...found };
    }
  }
  if (!best) return null;
  const original = text.slice(best.start, best.end);
  const sentence = original.replace(/\s+/g, ' ');
  // Collapsing whitespace moves offsets; re-scan the collapsed sentence (when it changed) so marks match what is shown.
  const { marks } = sentence === original ? best : marksOf(sentence, weights);
  const terms = [...new Set(marks.map((mark) => mark.term))];
  if (sentence.length <= maxChars) return { text: sentence, marks: spans(marks, 0, 0, sentence.length), terms };
  const [from, to] = windowAround(sentence, marks, maxChars);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < sentence.length ? '…' : '';
  const shown = spans(marks, prefix.length, from, to);
  const shownTerms = [...new Set(marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => mark.term))];
  return { text: `${prefix}${sentence.slice(from, to)}${suffix}`, marks: shown, terms: shownTerms };
}
