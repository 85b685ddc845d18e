// Cuts a short excerpt around the best-matching region of a text and says where the matched words are.
import { foldText, splitWords } from './normalize';
import { MIN_PREFIX_LENGTH } from './query-plan';

/** A plain-text excerpt; marks are [start, end) offsets into `text`, sorted, for the UI to emphasise safely. */
export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

/** Default snippet length in characters, ellipses included. */
export const DEFAULT_SNIPPET_LENGTH = 160;

const ELLIPSIS = '…';
// Letters and digits plus combining marks, so a decomposed "é" stays inside its word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const SENTENCE_END = /[.!?]\s+|\n\s*/g;

interface Match {
  start: number;
  end: number;
  term: number;
}

/**
 * The region of `text` (at most `maxLength` characters) holding the most distinct
 * query terms, then the most matches, with every matching word marked. A word
 * matches a term when it folds to it, or starts with it for terms of three or
 * more characters (so "serv" marks "service"). Pass the hit's `terms` (document
 * terms, which include what prefix and fuzzy matching found) and/or the typed terms.
 * Whitespace runs become single spaces; "…" shows where text was cut.
 * With no match, the start of the text is returned.
 */
export function makeSnippet(text: string, queryTerms: readonly string[], maxLength = DEFAULT_SNIPPET_LENGTH): Snippet {
  const terms = [...new Set(queryTerms.flatMap((term) => splitWords(foldText(term))))];
  const budget = Math.max(1, maxLength - 2);
  const matches = findMatches(text, terms, budget);
  const window = bestWindow(matches, budget);

  let start: number;
  let end: number;
  if (!window) {
    start = 0;
    end = Math.min(text.length, budget);
  } else {
    ({ start, end } = placeRegion(text, window.start, window.end, budget));
  }
  if (fitsWhole(text, maxLength)) {
    // The whole text fits: no cutting at all.
    start = 0;
    end = text.length;
  } else {
    end = snapEnd(text, start, end, window?.end ?? start);
  }
  // Leading and trailing whitespace would only become stray spaces.
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;

  return build(text, start, end, terms);
}

/** Whether the whole text, whitespace collapsed, is no longer than maxLength (cheap for long texts). */
function fitsWhole(text: string, maxLength: number): boolean {
  if (text.length <= maxLength) return true;
  // Collapsing whitespace rarely shrinks text fourfold; skip the copy for long texts.
  return text.length <= maxLength * 4 && text.replace(/\s+/g, ' ').trim().length <= maxLength;
}

/** Every word that matches a term, stopping early once a window within the budget holds all terms. */
function findMatches(text: string, terms: string[], budget: number): Match[] {
  const matches: Match[] = [];
  if (terms.length === 0 || text.length === 0) return matches;
  const lastSeen = new Array<number>(terms.length).fill(-Infinity);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const word = m[0];
    const folded = ASCII_ONLY.test(word) ? word.toLowerCase() : foldText(word);
    const term = matchTerm(folded, terms);
    if (term < 0) continue;
    const start = m.index;
    const end = start + word.length;
    matches.push({ start, end, term });
    lastSeen[term] = start;
    // All terms seen within one budget-wide window: nothing later can beat this, and megabyte texts stay cheap.
    if (lastSeen.every((seen) => end - seen <= budget)) break;
  }
  return matches;
}

function matchTerm(folded: string, terms: string[]): number {
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    if (folded === term) return i;
  }
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string;
    if (term.length >= MIN_PREFIX_LENGTH && folded.startsWith(term)) return i;
  }
  return -1;
}

/** The span of matches fitting in the budget with the most distinct terms, then the most matches. */
function bestWindow(matches: Match[], budget: number): { start: number; end: number } | null {
  const first = matches[0];
  if (!first) return null;
  let best = { start: first.start, end: first.end, distinct: 1, count: 1 };
  const counts = new Map<number, number>();
  let left = 0;
  for (let right = 0; right < matches.length; right++) {
    const r = matches[right] as Match;
    counts.set(r.term, (counts.get(r.term) ?? 0) + 1);
    while (left < right && r.end - (matches[left] as Match).start > budget) {
      const l = matches[left] as Match;
      const c = (counts.get(l.term) ?? 1) - 1;
      if (c === 0) counts.delete(l.term);
      else counts.set(l.term, c);
      left++;
    }
    const distinct = counts.size;
    const count = right - left + 1;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { start: (matches[left] as Match).start, end: r.end, distinct, count };
    }
  }
  return best;
}

/** Places the budget-wide region around the matched span: some context before, starting at a sentence or word. */
function placeRegion(text: string, spanStart: number, spanEnd: number, budget: number): { start: number; end: number } {
  const room = Math.max(0, budget - (spanEnd - spanStart));
  // A third of the spare room goes before the match: readers need a little lead-in, more of what follows.
  let start = Math.max(0, spanStart - Math.floor(room / 3));
  if (start > 0) {
    // Begin at a sentence start inside the lead-in if there is one, else at a word start.
    const lead = text.slice(start, spanStart);
    let sentence = -1;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(lead); m !== null; m = SENTENCE_END.exec(lead)) sentence = m.index + m[0].length;
    if (sentence >= 0) start += sentence;
    else while (start < spanStart && WORD_CHAR.test(text.charAt(start - 1)) && WORD_CHAR.test(text.charAt(start))) start++;
  }
  return { start, end: Math.min(text.length, start + budget) };
}

/** Pulls the end back so no word is cut in half, unless that would cut into the matched span. */
function snapEnd(text: string, start: number, end: number, spanEnd: number): number {
  if (end >= text.length) return text.length;
  let snapped = end;
  while (snapped > Math.max(start, spanEnd) && WORD_CHAR.test(text.charAt(snapped - 1)) && WORD_CHAR.test(text.charAt(snapped))) {
    snapped--;
  }
  return snapped > Math.max(start, spanEnd) ? snapped : end;
}

/** Copies the region with whitespace collapsed, marking every matching word inside it. */
function build(text: string, start: number, end: number, terms: string[]): Snippet {
  let out = start > 0 ? ELLIPSIS : '';
  const marks: Array<[number, number]> = [];
  let pos = start;
  if (terms.length > 0) {
    // Rescan just the region: the first pass may have stopped early, before later matches inside it.
    WORD.lastIndex = start;
    for (let m = WORD.exec(text); m !== null && m.index < end; m = WORD.exec(text)) {
      const word = m[0];
      if (matchTerm(ASCII_ONLY.test(word) ? word.toLowerCase() : foldText(word), terms) < 0) continue;
      out += text.slice(pos, m.index).replace(/\s+/g, ' ');
      const markEnd = Math.min(m.index + word.length, end);
      const markStart = out.length;
      out += text.slice(m.index, markEnd);
      marks.push([markStart, out.length]);
      pos = markEnd;
    }
  }
  out += text.slice(pos, end).replace(/\s+/g, ' ');
  if (end < text.length) out += ELLIPSIS;
  return { text: out, marks };
}
