// Finds the sentence of a text that best shows a connection, and trims it around its shared words.
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

/**
 * The sentence of `text` whose shared terms weigh most (`weights`: term key -> weight), earliest on a
 * tie, trimmed to about `maxChars` around its shared words. Null when no sentence has a shared term.
 */
export function bestPassage(text: string, weights: ReadonlyMap<string, number>, maxChars = PASSAGE_CHARS): Passage | null {
  if (weights.size === 0 || !text) return null;
  let best: { start: number; end: number; marks: Mark[]; score: number } | null = null;
  for (const [start, end] of splitSentences(text)) {
    const found = marksOf(text.slice(start, end), weights);
    if (found.score > 0 && (best === null || found.score > best.score)) best = { start, end, ...found };
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
