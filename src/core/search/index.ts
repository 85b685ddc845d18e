// Public surface of the search core: the two-tier index, query parsing and planning, snippets, snapshots.
export { SearchIndex, DEFAULT_LIMIT } from './search-index';
export type { SearchChanges, QueryInput } from './search-index';
export { parseQuery, mergeFilters, parseDateStart } from './query-parser';
export type { ParsedQuery } from './query-parser';
export { planQuery, MIN_PREFIX_LENGTH, MIN_FUZZY_LENGTH, FUZZINESS, MAX_FUZZY } from './query-plan';
export { compareHits } from './ranking';
export type { PlannedTerm, QueryPlan } from './query-plan';
export { makeSnippet, DEFAULT_SNIPPET_LENGTH } from './snippet';
export type { Snippet } from './snippet';
export { foldText, tokenize, normalizeKey } from './normalize';
export { STOP_WORDS, isStopWord } from './stopwords';
export { normalizeSite } from './filters';
export { INDEX_VERSION } from './snapshot';
export type { FullTierSource, QuickSnapshot, SearchSnapshot } from './snapshot';
export { SearchSnapshotError, isSearchSnapshotError } from './errors';
export type { SnapshotErrorReason } from './errors';
export type { ItemType, SearchClip, SearchHighlight, SearchItem, ItemRef, SearchFilters, SearchHit } from './types';
