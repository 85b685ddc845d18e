// Public surface of the connections engine: the index, topics, item builders, feedback helpers and thresholds.
export { ConnectionIndex, DEFAULT_RELATED_LIMIT, TERMS_SHOWN } from './connection-index';
export type { ConnectionIndexHealth } from './connection-index';
export { topicsOf, siteTopic, sharesTopic } from './topics';
export type { TopicSource } from './topics';
export { clipConnectionItem, highlightConnectionItem, itemKey, itemRef } from './items';
export { pairKey, pairItems, applyFeedback, withPair, withoutPair, pairsOf } from './feedback';
export type { ConnectionFeedback } from './feedback';
export {
  MIN_SCORE,
  SMALL_LIBRARY_MIN_SCORE,
  minScoreFor,
  MODERATE_SCORE,
  STRONG_SCORE,
  MIN_TOP_K,
  MAX_TOP_K,
  topKFor,
  strengthOf,
} from './weights';
export type { Strength } from './weights';
export { bestPassage, splitSentences, PASSAGE_CHARS } from './sentences';
export { countTerms } from './terms';
export { LibraryConnectionCollector, LibraryConnectionTracker, libraryConnections, CONNECTIONS_PER_ITEM } from './library-connections';
export type { LibraryConnection, LibraryConnectionOptions, LibraryConnectionsSnapshot } from './library-connections';
export { layoutGraph } from './graph-layout';
export type { GraphLayout, GraphLayoutInput, GraphLayoutOptions, Point } from './graph-layout';
export { stemWord } from './stem';
export { CONNECTION_INDEX_VERSION } from './snapshot';
export type { ConnectionSnapshot } from './snapshot';
export { ConnectionSnapshotError } from './errors';
export type { ConnectionSnapshotErrorReason } from './errors';
export type {
  Bridge,
  BridgeTerm,
  Connection,
  ConnectionItem,
  ExplainInput,
  Explanation,
  PageSource,
  Passage,
  RelatedOptions,
  RelatedResult,
  SharedTerm,
  TopicPair,
} from './types';
