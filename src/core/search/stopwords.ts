// English stop words: terms too common to help find anything, dropped at indexing and query time.

/**
 * Folded (lowercase, no diacritics) English stop words.
 *
 * Kept short on purpose: only function words whose presence says nothing about a
 * document. Content words that merely look common ("new", "first", "work") stay
 * searchable. Contraction fragments ("doesn", "ll", "ve") are listed because the
 * normaliser splits "doesn't" into "doesn" + "t".
 *
 * Changing this list changes which terms an index holds: bump INDEX_VERSION
 * (snapshot.ts) with it so old snapshots are rebuilt rather than half-matching.
 */
// Kept compact: one word per line (prettier) would make the list hard to scan.
// prettier-ignore
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by',
  'can', 'could',
  'did', 'do', 'does', 'doing', 'down', 'during',
  'each', 'either',
  'few', 'for', 'from', 'further',
  'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how',
  'if', 'in', 'into', 'is', 'it', 'its', 'itself',
  'just',
  'me', 'might', 'more', 'most', 'must', 'my', 'myself',
  'no', 'nor', 'not', 'now',
  'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'ourselves', 'out', 'over', 'own',
  'same', 'shall', 'she', 'should', 'so', 'some', 'such',
  'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then', 'there', 'these', 'they', 'this',
  'those', 'through', 'to', 'too',
  'under', 'until', 'up', 'upon', 'us',
  'very',
  'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would',
  'you', 'your', 'yours', 'yourself', 'yourselves',
  // Fragments left by splitting contractions on the apostrophe.
  'aren', 'couldn', 'didn', 'doesn', 'hadn', 'hasn', 'haven', 'isn', 'll', 're', 'shouldn', 've', 'wasn',
  'weren', 'wouldn',
]);

/** Whether a folded term is an English stop word. */
export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}
