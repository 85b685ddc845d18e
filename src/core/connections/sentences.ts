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

/** A text's sentences, and all of them folded as words are folded, joined by line breaks, for indexOf. */
interface PreparedText {
  sentences: Array<[number, number]>;
  folded: string;
  /** Where each sentence starts in `folded`. */
  starts: number[];
}

/** A text prepared for the pre-filter, from a small LRU cache keyed by the text. */
function prepare(text: string): PreparedText {
  const cached = prepared.get(text);
  if (cached) {
    prepared.delete(text);
    prepared.set(text, cached);
    return cached;
  }
  const sentences = splitSentences(text);
  const starts: number[] = [];
  let length = 0;
  const parts = sentences.map(([start, end]) => {
    const folded = foldText(text.slice(start, end));
    starts.push(length);
    length += folded.length + 1;
    return folded;
  });
  const value = { sentences, folded: parts.join('\n'), starts };
  prepared.set(text, value);
  if (prepared.size > PREPARED_TEXTS) prepared.delete(prepared.keys().next().value!);
  return value;
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

/**
 * Upper bounds of each sentence's score: the summed weights of the terms whose probes all occur at a
 * word start in it. Found with indexOf over the folded text, so no sentence is tokenised.
 */
function scoreBounds({ folded, starts }: PreparedText, weights: ReadonlyMap<string, number>): Float64Array {
  const bounds = new Float64Array(starts.length);
  const found = new Int32Array(starts.length);
  const lastProbe = new Int32Array(starts.length).fill(-1);
  let probeId = 0;
  for (const [term, weight] of weights) {
    if (!(weight > 0)) continue;
    const probes = probesOf(term);
    found.fill(0);
    for (const probe of probes) {
      probeId++;
      let sentence = 0;
      for (let at = folded.indexOf(probe); at >= 0; at = folded.indexOf(probe, at + 1)) {
        if (at > 0 && !mayPrecedeWord(folded.charCodeAt(at - 1))) continue;
        while (sentence + 1 < starts.length && starts[sentence + 1]! <= at) sentence++;
        if (lastProbe[sentence] === probeId) continue;
        lastProbe[sentence] = probeId;
        if (++found[sentence]! === probes.length) bounds[sentence]! += weight;
      }
    }
  }
  return bounds;
}

/**
 * The sentence of `text` whose shared terms weigh most (`weights`: term key -> weight), earliest on a
 * tie, trimmed to about `maxChars` around its shared words. Null when no sentence has a shared term.
 *
 * Tokenising every sentence is what costs, so each sentence first gets a cheap upper bound of its
 * score (scoreBounds), and sentences are tokenised best bound first until no bound can beat the best
 * score. The result is the one a scan of every sentence gives: a pruned sentence scores less.
 */
export function bestPassage(text: string, weights: ReadonlyMap<string, number>, maxChars = PASSAGE_CHARS): Passage | null {
  if (weights.size === 0 || !text) return null;
  const prepared = prepare(text);
  const bounds = scoreBounds(prepared, weights);
  const candidates: number[] = [];
  bounds.forEach((bound, index) => bound > 0 && candidates.push(index));
  candidates.sort((a, b) => bounds[b]! - bounds[a]! || a - b);
  let best: { index: number; start: number; end: number; marks: Mark[]; score: number } | null = null;
  for (const index of candidates) {
    const bound = bounds[index]!;
    // The bound and the score add the same weights in different orders: allow for rounding.
    if (best !== null && bound + 1e-9 * bound < best.score) break;
    const [start, end] = prepared.sentences[index]!;
    const found = marksOf(text.slice(start, end), weights);
    if (found.score <= 0) continue;
    if (best === null || found.score > best.score || (found.score === best.score && index < best.index)) {
      best = { index, start, end, ...found };
    }
  }
  if (!best) return null;
  const sentence = text.slice(best.start, best.end).replace(/\s+/g, ' ');
  // Collapsing whitespace moves offsets; re-scan the collapsed sentence so marks match what is shown.
  const { marks } = marksOf(sentence, weights);
  const terms = [...new Set(marks.map((mark) => mark.term))];
  if (sentence.length <= maxChars) return { text: sentence, marks: spans(marks, 0, 0, sentence.length), terms };
  const [from, to] = windowAround(sentence, marks, maxChars);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < sentence.length ? '…' : '';
  const shown = spans(marks, prefix.length, from, to);
  const shownTerms = [...new Set(marks.filter((mark) => mark.start >= from && mark.end <= to).map((mark) => mark.term))];
  return { text: `${prefix}${sentence.slice(from, to)}${suffix}`, marks: shown, terms: shownTerms };
}
