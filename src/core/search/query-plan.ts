// Decides, word by word, how the free text of a query is searched: exact, prefix, fuzzy, required or not.
import { clampTerm, codePointLength, foldText, splitWords } from './normalize';
import { isStopWord } from './stopwords';

/** Prefix matching starts once the word being typed has this many characters. */
export const MIN_PREFIX_LENGTH = 3;
/**
 * Prefix matching in article bodies (the full tier) starts one character later:
 * their vocabulary is many times larger, so a three-letter prefix expands to
 * thousands of terms there.
 */
export const MIN_FULL_PREFIX_LENGTH = 4;
/** Fuzzy matching starts at this length: shorter words have too many one-edit neighbours. */
export const MIN_FUZZY_LENGTH = 4;
/** Edit distance allowed per character; MiniSearch rounds length x FUZZINESS and caps it at MAX_FUZZY. */
export const FUZZINESS = 0.2;
/** Hard cap on edit distance: distance 3 on a large vocabulary is slow and mostly noise. */
export const MAX_FUZZY = 2;

/** Terms beyond this are dropped: nobody types more, and result bookkeeping keeps one bit per term. */
export const MAX_QUERY_TERMS = 30;

/** How one query term is searched. */
export interface PlannedTerm {
  /** Folded term, as it appears in the index. */
  term: string;
  /** Also match indexed terms that start with it (only the word being typed). */
  prefix: boolean;
  /** MiniSearch fuzziness (fraction of the length), or false for exact only. */
  fuzzy: number | false;
  /** Results should contain it. A stop word being typed is optional: it may be the start of "theory". */
  required: boolean;
}

/** The search for a query's free text; no terms means "nothing to search by text". */
export interface QueryPlan {
  terms: PlannedTerm[];
}

/**
 * Plans the free text of a query.
 *
 * - Only the last word, and only while it is being typed (`lastWordComplete` false),
 *   is a prefix, and only from its third character: "custo" finds "customer".
 * - A last word of one or two characters still being typed is ignored until its
 *   third character (it would prefix-match half the vocabulary), unless it is the only word.
 * - Words of four or more characters (without digits: "2023" is not a typo of "2024")
 *   are fuzzy, bounded by FUZZINESS and MAX_FUZZY, so "custmer" finds "customer".
 * - Stop words and one-letter words are dropped, as at indexing, except that a stop
 *   word being typed is kept as an optional prefix ("the" -> "theory").
 */
export function planQuery(text: string, lastWordComplete = false): QueryPlan {
  const words = splitWords(foldText(text));
  let typing = !lastWordComplete;
  const last = words.at(-1);
  if (typing && last !== undefined && words.length > 1 && codePointLength(last) < MIN_PREFIX_LENGTH) {
    words.pop();
    // The word before the ignored stub was followed by a space, so it is complete.
    typing = false;
  }

  const byTerm = new Map<string, PlannedTerm>();
  words.forEach((word, index) => {
    const length = codePointLength(word);
    const beingTyped = typing && index === words.length - 1;
    const stop = isStopWord(word);
    let planned: PlannedTerm;
    if (beingTyped && length >= MIN_PREFIX_LENGTH) {
      planned = { term: clampTerm(word), prefix: true, fuzzy: fuzzinessFor(word, length), required: !stop };
    } else {
      if (length < 2 || stop) return;
      planned = { term: clampTerm(word), prefix: false, fuzzy: fuzzinessFor(word, length), required: true };
    }
    const seen = byTerm.get(planned.term);
    if (seen) {
      seen.prefix ||= planned.prefix;
      seen.required ||= planned.required;
    } else {
      byTerm.set(planned.term, planned);
    }
  });
  return { terms: [...byTerm.values()].slice(0, MAX_QUERY_TERMS) };
}

function fuzzinessFor(word: string, length: number): number | false {
  if (length < MIN_FUZZY_LENGTH || /\p{N}/u.test(word)) return false;
  return FUZZINESS;
}
