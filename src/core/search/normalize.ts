// The one text normaliser: folds case and diacritics and splits text into terms, for indexing and querying alike.
import { isStopWord } from './stopwords';

// Combining marks left behind by NFKD decomposition ("é" -> "e" + U+0301).
const COMBINING_MARKS = /\p{M}+/gu;
// Anything that is not a letter or digit in any script separates terms.
const NON_WORD = /[^\p{L}\p{N}]+/u;
// ASCII text needs no Unicode decomposition: skipping it keeps megabyte articles cheap to index.
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Longest term kept, in UTF-16 units. Longer runs (base64 blobs, unspaced CJK
 * sentences) are cut rather than dropped, so the same cut happens on both sides
 * and they still match, without bloating the index vocabulary.
 */
export const MAX_TERM_LENGTH = 50;

/**
 * Lowercases and strips diacritics: "Crème BRÛLÉE" -> "creme brulee".
 * Decomposes first (NFKD) so marks can be removed and compatibility forms
 * ("ﬁ", full-width letters) become plain letters; lowercases last because
 * decomposition can yield capitals ("ℌ" -> "H").
 */
export function foldText(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Splits already-folded text into words on anything that is not a letter or digit. Keeps every word. */
export function splitWords(folded: string): string[] {
  return folded.split(NON_WORD).filter((word) => word.length > 0);
}

/** Length in code points, so one astral-plane letter counts as one. */
export function codePointLength(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // A high surrogate followed by its low surrogate is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < word.length) i++;
    count++;
  }
  return count;
}

/** Cuts a term to MAX_TERM_LENGTH without splitting a surrogate pair. */
export function clampTerm(term: string): string {
  if (term.length <= MAX_TERM_LENGTH) return term;
  const cut = term.slice(0, MAX_TERM_LENGTH);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Whether a folded word is worth indexing: two or more characters and not a stop word. */
export function isIndexableWord(word: string): boolean {
  return codePointLength(word) >= 2 && !isStopWord(word);
}

/**
 * The terms a text contributes to the index (and a query to a search):
 * folded, split, one-letter words and stop words dropped, long words cut.
 * Duplicates are kept because term frequency matters for ranking.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(foldText(text))) {
    if (isIndexableWord(word)) terms.push(clampTerm(word));
  }
  return terms;
}

/**
 * A label (tag, collection, site name) as a comparison key: folded, "#" dropped,
 * whitespace collapsed. "#Social  Media" and "social media" give the same key.
 */
export function normalizeKey(value: string): string {
  return foldText(value)
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/\s+/g, ' ');
}
