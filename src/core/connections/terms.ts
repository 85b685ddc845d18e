// Turns a title and text into the terms connections are scored on: folded, stemmed words and two-word phrases.
import { clampTerm, foldText, isIndexableWord, splitWords } from '../search/normalize';
import { stemWord } from './stem';

/**
 * Words the search stop list keeps (search must still find them) but that say nothing about what
 * two texts share: contraction fragments the splitter leaves ("don't" -> "don"), and filler verbs.
 */
const EXTRA_STOP_WORDS: ReadonlySet<string> = new Set(['don', 'won', 'ain', 'let', 'got', 'get', 'gets', 'yes', 'ok', 'okay']);

/**
 * Words of web addresses: every clip has an address and many texts quote a few, so "com" or "www"
 * shared by two items says nothing about what they share. Whole addresses are skipped too (addressRanges).
 */
const ADDRESS_WORDS: ReadonlySet<string> = new Set([
  'com',
  'www',
  'http',
  'https',
  'html',
  'htm',
  'php',
  'aspx',
  'org',
  'net',
  'blog',
  'blogs',
  'blogspot',
  'wordpress',
]);

/** Runs of text without spaces or brackets: an address is one run. */
const RUN = /[^\s<>"'()[\]{}]+/gu;
/** A run that is a web address, an e-mail address or a host name ("techcrunch.com", "news.example.org/x"). */
const ADDRESS_RUN =
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|[\p{L}\p{N}]@[\p{L}\p{N}-]+\.|[\p{L}\p{N}]\.(?:com|org|net|edu|gov|io|co|info|biz|example|uk|de|fr|ca|au)(?:[^\p{L}\p{N}]|$)/iu;

/** [start, end) of every address in `text`, in order. Runs are tested only when they hold "." or "@": cheap on prose. */
function addressRanges(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    if ((run.includes('.') || run.includes('@')) && ADDRESS_RUN.test(run)) ranges.push([match.index, match.index + run.length]);
  }
  return ranges;
}

/** Title words count this many times: a title names what the whole text is about. */
export const TITLE_WEIGHT = 2;

/** Text beyond this many characters is not read: an article's distinctive terms show long before. */
export const MAX_ANALYZED_CHARS = 100_000;

/**
 * A phrase is kept only when it occurs at least this often (a title occurrence counts TITLE_WEIGHT):
 * a phrase said once is rarely what a text is about, its words match anyway, and every kept phrase
 * costs a vocabulary entry and, estimated as rare, would crowd words out of the top K.
 */
export const MIN_PHRASE_COUNT = 2;

// Letters, digits and combining marks: a word of the original text, folded afterwards so offsets stay true.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// Between two words of one phrase only spaces, hyphens and apostrophes may stand: other punctuation ends a phrase.
const SOFT_SEPARATOR = /^[\s\-\u2010\u2011'\u2019]*$/u;
const APOSTROPHE_END = /['\u2019]$/u;
const DIGITS = /^\p{N}+$/u;

/** Whether a folded word can be a term: indexable for search, not an extra stop word, not a short number. */
function isTermWord(word: string): boolean {
  if (!isIndexableWord(word) || EXTRA_STOP_WORDS.has(word) || ADDRESS_WORDS.has(word)) return false;
  // "82%" or "3 ways" says nothing shared; years ("2011") and model numbers can.
  return !(DIGITS.test(word) && word.length < 4);
}

/**
 * Calls `onWord` for every term word of `text`, in order, with its stem and where it stands.
 * `joined` is true when the previous call was the word right before this one (nothing but a space,
 * hyphen or possessive between them), so the two form a phrase.
 */
export function scanWords(text: string, onWord: (stem: string, start: number, end: number, joined: boolean) => void): void {
  let previousEnd = 0;
  let chain = false;
  const addresses = addressRanges(text);
  let address = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const raw = match[0];
    const separator = text.slice(previousEnd, start);
    previousEnd = start + raw.length;
    if (!SOFT_SEPARATOR.test(separator)) chain = false;
    while (address < addresses.length && addresses[address]![1] <= start) address++;
    if (address < addresses.length && addresses[address]![0] <= start) {
      chain = false;
      continue;
    }
    for (const part of splitWords(foldText(raw))) {
      if (!isTermWord(part)) {
        // "Google's Chrome": the possessive "s" does not break the phrase "google chrome".
        if (!(part === 's' && APOSTROPHE_END.test(separator))) chain = false;
        continue;
      }
      onWord(stemWord(clampTerm(part)), start, start + raw.length, chain);
      chain = true;
    }
  }
}

/** The key of a two-word phrase. Unigram keys never contain a space, so the two kinds cannot collide. */
export function phraseKey(first: string, second: string): string {
  return `${first} ${second}`;
}

/** Whether a term key is a phrase. */
export function isPhrase(term: string): boolean {
  return term.includes(' ');
}

/** What a text contributes: counts of its words and kept phrases, and a readable form of each. */
export interface TermCounts {
  /** Term key -> count (title occurrences count TITLE_WEIGHT times). */
  counts: Map<string, number>;
  /** Term key -> the words as first written, lower-cased ("customer service", "google’s chrome"). */
  labels: Map<string, string>;
  /** Content words read, title included. */
  words: number;
}

function countInto(text: string, weight: number, result: TermCounts): void {
  let previous: string | null = null;
  let previousStart = 0;
  scanWords(text, (stem, start, end, joined) => {
    result.words++;
    result.counts.set(stem, (result.counts.get(stem) ?? 0) + weight);
    if (!result.labels.has(stem)) result.labels.set(stem, text.slice(start, end).toLowerCase());
    if (joined && previous !== null && previous !== stem) {
      const key = phraseKey(previous, stem);
      result.counts.set(key, (result.counts.get(key) ?? 0) + weight);
      if (!result.labels.has(key)) result.labels.set(key, text.slice(previousStart, end).toLowerCase().replace(/\s+/g, ' '));
    }
    previous = stem;
    previousStart = start;
  });
}

/** Counts the terms of an item: title words weigh TITLE_WEIGHT, body words one; phrases seen once are dropped. */
export function countTerms(title: string, text: string): TermCounts {
  const result: TermCounts = { counts: new Map(), labels: new Map(), words: 0 };
  countInto(title.slice(0, 1_000), TITLE_WEIGHT, result);
  countInto(text.length > MAX_ANALYZED_CHARS ? text.slice(0, MAX_ANALYZED_CHARS) : text, 1, result);
  for (const [term, count] of result.counts) {
    if (count < MIN_PHRASE_COUNT && isPhrase(term)) {
      result.counts.delete(term);
      result.labels.delete(term);
    }
  }
  return result;
}
