// Finds a whitespace-normalised quote in normalised page text: exact occurrences first, then fuzzy matches under a time budget.

import search from 'approx-string-match';
import { distanceToPrefixOf, distanceToSuffixOf } from './similarity';

/** A TextQuoteSelector's strings after whitespace normalisation. */
export interface NormalizedQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A chosen match, in offsets of the normalised text that was searched. */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the matched text (0 for exact matches). */
  errors: number;
  /** Ranking score in [0, 1] combining quote, context and position similarity. */
  score: number;
  /** Characters of support net of errors; see {@link MIN_EVIDENCE}. */
  evidence: number;
}

/** Counters filled in by a search, for diagnostics and for testing the budget. */
export interface QuoteSearchStats {
  /** Calls made to the approximate matcher. */
  regionsSearched: number;
  /** Characters handed to the approximate matcher in total. */
  charsScanned: number;
  /** Candidate positions whose context was compared. */
  candidatesScored: number;
  /** True when the search stopped early because a budget ran out. */
  budgetExhausted: boolean;
}

/** Knobs for {@link findExactQuote} and {@link findFuzzyQuote}. */
export interface QuoteSearchOptions {
  /** Where the quote is expected to start (normalised offset), e.g. from the old TextPositionSelector. */
  hint?: number;
  /** Millisecond clock; injectable so tests can drive the time budget. Defaults to `performance.now`. */
  now?: () => number;
  /** Stop starting new fuzzy searches once this many ms have passed. Default {@link DEFAULT_TIME_BUDGET_MS}. */
  timeBudgetMs?: number;
  /** Stop once this many characters have been fuzzy-searched. Default {@link DEFAULT_MAX_SCAN_CHARS}. */
  maxScanChars?: number;
  /** Receives counters about the work done. */
  stats?: QuoteSearchStats;
}

/**
 * Minimum support for accepting any quote match, in significant characters:
 * the quote's length plus each context string's length, each error taking two
 * away (the character it spoiled and one more, so a half-wrong context adds
 * nothing; context support never goes below zero). An exact quote of 16+
 * significant characters (three or four words) stands on its own; a shorter
 * one, or one with many errors, must be backed by its prefix/suffix. This is
 * what turns vanished text into an orphan instead of a match on some unrelated
 * short phrase.
 */
export const MIN_EVIDENCE = 16;

/** Fuzzy search gives up after this long by default; see {@link findFuzzyQuote}. */
export const DEFAULT_TIME_BUDGET_MS = 50;

/** Fuzzy search scans at most this many characters by default (about two passes over a 1 MB page). */
export const DEFAULT_MAX_SCAN_CHARS = 2_000_000;

// Ranking weights. The quote itself dominates; prefix and suffix together can
// outweigh it so context picks the right copy of a repeated sentence; position
// only breaks near-ties because pages shift when content is added above.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 10;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** A fuzzy match scoring this high (quote ~90% intact, context in place) ends the search early. */
const CONFIDENT_SCORE = 0.9;

/** Characters searched on each side of the expected position before the rest of the page. */
const WINDOW_CHARS = 4096;

/** Size of each further region; between regions the clock and character budget are checked. */
const CHUNK_CHARS = 65_536;

/** Exact occurrences remembered at most (a one-letter quote on a huge page would have millions). */
const MAX_EXACT_OCCURRENCES = 100_000;

/**
 * Exact occurrences nearest the expected position whose context is compared;
 * each comparison costs ~1000 operations, so this bounds the exact stage too.
 */
const MAX_SCORED_EXACT = 1024;

/** Candidates nearest the expected position that get their context scored, per search call. */
const MAX_SCORED_PER_SEARCH = 64;

/**
 * Most edits a fuzzy match may have: a quarter of the quote, capped at 32.
 *
 * A quarter keeps a match much closer to the quote than unrelated prose ever
 * gets (two unrelated English passages differ in well over half their
 * characters), while still tolerating a changed word or two in short quotes.
 * The cap of 32 is the bit-vector word size of Myers' algorithm used by
 * approx-string-match: with at most 32 errors it only advances one 32-bit
 * block per text character outside promising regions, so scanning stays
 * linear in the page size whatever the quote length. A long quote that has
 * changed by more than 32 edits is treated as gone rather than guessed at.
 */
export function fuzzyMaxErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4));
}

function defaultNow(): number {
  return globalThis.performance.now();
}

/** Support from one context string: matched characters minus a double penalty per error, floored at 0. */
function contextEvidence(length: number, errors: number): number {
  return Math.max(0, length - 2 * errors);
}

interface Candidate extends QuoteMatch {
  /** Context edits (prefix + suffix), the first tie-breaker between exact matches. */
  contextErrors: number;
  distance: number;
}

/** Compares the stored context and expected position with a candidate at `[start, end)`. */
function evaluate(text: string, quote: NormalizedQuote, start: number, end: number, errors: number, hint: number | undefined): Candidate {
  const { prefix, suffix, exact } = quote;
  // Look a little further than the context's length so insertions in the
  // context cost their own size instead of misaligning the comparison.
  const before = text.slice(Math.max(0, start - prefix.length - Math.ceil(prefix.length / 4)), start);
  const after = text.slice(end, end + suffix.length + Math.ceil(suffix.length / 4));
  const prefixErrors = distanceToSuffixOf(prefix, before);
  const suffixErrors = distanceToPrefixOf(suffix, after);
  // Empty context (quote at the very start or end of the page) says nothing either way.
  const prefixSimilarity = prefix.length ? 1 - prefixErrors / prefix.length : 1;
  const suffixSimilarity = suffix.length ? 1 - suffixErrors / suffix.length : 1;
  const quoteSimilarity = 1 - errors / exact.length;
  const distance = hint === undefined ? 0 : Math.abs(start - hint);
  const positionSimilarity = 1 - Math.min(1, distance / Math.max(1, text.length));
  const score =
    (QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * prefixSimilarity +
      SUFFIX_WEIGHT * suffixSimilarity +
      POSITION_WEIGHT * positionSimilarity) /
    TOTAL_WEIGHT;
  const evidence = exact.length - 2 * errors + contextEvidence(prefix.length, prefixErrors) + contextEvidence(suffix.length, suffixErrors);
  return { start, end, errors, score, evidence, contextErrors: prefixErrors + suffixErrors, distance };
}

function toMatch(candidate: Candidate): QuoteMatch {
  const { start, end, errors, score, evidence } = candidate;
  return { start, end, errors, score, evidence };
}

/** The `limit` positions closest to `hint` (all of them, in order, if there is no hint). */
function nearest<T extends { start: number }>(items: T[], hint: number | undefined, limit: number): T[] {
  if (items.length <= limit) return items;
  if (hint === undefined) return items.slice(0, limit);
  return [...items].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, limit);
}

/**
 * Finds exact occurrences of `quote.exact` in `text`. When there are several,
 * the one whose prefix/suffix differ least from the stored ones wins, then the
 * one closest to `hint`. Returns null when there is no occurrence with enough
 * evidence (see {@link MIN_EVIDENCE}).
 */
export function findExactQuote(text: string, quote: NormalizedQuote, options: QuoteSearchOptions = {}): QuoteMatch | null {
  const { exact } = quote;
  if (!exact) return null;
  const occurrences: { start: number }[] = [];
  for (let at = text.indexOf(exact); at !== -1 && occurrences.length < MAX_EXACT_OCCURRENCES; at = text.indexOf(exact, at + 1)) {
    occurrences.push({ start: at });
  }
  let best: Candidate | null = null;
  // With no hint, the first occurrences in the page are the ones compared.
  for (const { start } of nearest(occurrences, options.hint, MAX_SCORED_EXACT)) {
    const candidate = evaluate(text, quote, start, start + exact.length, 0, options.hint);
    if (options.stats) options.stats.candidatesScored++;
    if (candidate.evidence < MIN_EVIDENCE) continue;
    if (
      !best ||
      candidate.contextErrors < best.contextErrors ||
      (candidate.contextErrors === best.contextErrors && candidate.distance < best.distance)
    ) {
      best = candidate;
    }
  }
  return best ? toMatch(best) : null;
}

/**
 * Regions to search, nearest first: a window around the expected position,
 * then chunks growing outwards on both sides. Neighbouring regions overlap by
 * `overlap` characters (quote length + max errors) so a match that straddles
 * a seam is wholly inside one of them.
 */
function* searchRegions(length: number, hint: number, quoteLength: number, overlap: number): Generator<[number, number]> {
  const half = Math.max(WINDOW_CHARS, 2 * quoteLength);
  let left = Math.max(0, hint - half);
  let right = Math.min(length, hint + quoteLength + half);
  yield [left, right];
  while (left > 0 || right < length) {
    if (right < length) {
      const next = Math.min(length, right + CHUNK_CHARS);
      yield [Math.max(0, right - overlap), next];
      right = next;
    }
    if (left > 0) {
      const next = Math.max(0, left - CHUNK_CHARS);
      yield [next, Math.min(length, left + overlap)];
      left = next;
    }
  }
}

/**
 * Finds the best approximate match of `quote.exact` in `text` with at most
 * {@link fuzzyMaxErrors} edits, ranked by quote, prefix, suffix and position
 * similarity, and accepted only with enough evidence ({@link MIN_EVIDENCE}).
 *
 * Cost is bounded: the window around `hint` is searched first and a confident
 * match there ends the search; otherwise the page is searched in chunks
 * outwards from it, and before each chunk the clock (`now`, `timeBudgetMs`)
 * and the character budget (`maxScanChars`) are checked. When a budget runs
 * out the best match found so far (possibly none) is returned.
 *
 * Limitation: approx-string-match reports only the lowest-error matches of
 * each region, so a slightly worse match with much better context in the same
 * region can be missed; searching near the expected position first limits this.
 */
export function findFuzzyQuote(text: string, quote: NormalizedQuote, options: QuoteSearchOptions = {}): QuoteMatch | null {
  const quoteLength = quote.exact.length;
  const maxErrors = fuzzyMaxErrors(quoteLength);
  if (maxErrors < 1 || text.length === 0) return null;
  const now = options.now ?? defaultNow;
  const timeBudget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const maxScanChars = options.maxScanChars ?? DEFAULT_MAX_SCAN_CHARS;
  const stats = options.stats;
  const hint = options.hint === undefined ? undefined : Math.max(0, Math.min(options.hint, text.length));
  const startedAt = now();
  let scanned = 0;
  let best: Candidate | null = null;

  for (const [from, to] of searchRegions(text.length, hint ?? 0, quoteLength, quoteLength + maxErrors)) {
    if (now() - startedAt > timeBudget || scanned + (to - from) > maxScanChars) {
      if (stats) stats.budgetExhausted = true;
      break;
    }
    scanned += to - from;
    if (stats) {
      stats.regionsSearched++;
      stats.charsScanned += to - from;
    }
    const seen = new Set<number>();
    const matches = search(text.slice(from, to), quote.exact, maxErrors).filter((match) => {
      // The matcher reports every end position of equally good matches;
      // one candidate per start is enough.
      if (seen.has(match.start)) return false;
      seen.add(match.start);
      return true;
    });
    const shifted = matches.map((match) => ({ start: match.start + from, end: match.end + from, errors: match.errors }));
    for (const match of nearest(shifted, hint, MAX_SCORED_PER_SEARCH)) {
      const candidate = evaluate(text, quote, match.start, match.end, match.errors, hint);
      if (stats) stats.candidatesScored++;
      if (candidate.evidence >= MIN_EVIDENCE && (!best || candidate.score > best.score)) best = candidate;
    }
    if (best && best.score >= CONFIDENT_SCORE) break;
  }
  return best ? toMatch(best) : null;
}

/** Fresh zeroed counters for {@link QuoteSearchOptions.stats}. */
export function createQuoteSearchStats(): QuoteSearchStats {
  return { regionsSearched: 0, charsScanned: 0, candidatesScored: 0, budgetExhausted: false };
}
