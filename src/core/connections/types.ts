// Shapes of the connections engine: what goes into the index and what comes out of it.
import type { Strength } from './weights';

/** A saved item as the connection index needs it. Build one with clipConnectionItem / highlightConnectionItem. */
export interface ConnectionItem {
  /** The index key, unique across clips and highlights ("c:…", "h:…"; see itemKey). */
  id: string;
  /**
   * The key of the page the item belongs to: a clip's own key, a highlight's clip key. Items of one
   * page are never offered to each other: a highlight is trivially related to its own article.
   */
  page: string;
  title: string;
  /** Article text, or a highlight's passage and note. */
  text: string;
  /** Topic keys, from topicsOf. */
  topics: readonly string[];
}

/** The page the user has open, saved or not, as a source of connections. */
export interface PageSource {
  /**
   * A stable key for the page when it has one (its item key when saved, else e.g. its canonical
   * address): it names the page in dismissed and confirmed pairs. Optional.
   */
  id?: string;
  /** The page's item key when saved, so its own clip and highlights are left out. */
  page?: string;
  title: string;
  text: string;
  topics: readonly string[];
}

/** A term two items share, and how much of their score it carries. */
export interface SharedTerm {
  /** The term's key: a stemmed word, or two separated by a space for a phrase. */
  term: string;
  /** The term as first written in the library ("customer service"). */
  label: string;
  /** Its share of the score: the contributions of all shared terms sum to the score. */
  contribution: number;
  phrase: boolean;
}

/** One related item. */
export interface Connection {
  /** The related item's key. */
  id: string;
  /** Cosine similarity in [0, 1]: comparable across sources. */
  score: number;
  strength: Strength;
  /** Topics the two have in common: empty for a connection, non-empty for "more on this topic". */
  sharedTopics: string[];
  /** The shared terms carrying most of the score, strongest first. */
  terms: SharedTerm[];
  /** The curator confirmed this pair. */
  confirmed: boolean;
}

/** Related items of a source, split by whether they share a topic with it. */
export interface RelatedResult {
  /** Cross-topic: related items sharing no topic with the source, strongest first. */
  connections: Connection[];
  /** "More on this topic": related items sharing a topic with it, strongest first. */
  sameTopic: Connection[];
}

export interface RelatedOptions {
  /** Most items per list (default 5). */
  limit?: number;
  /** Score below which nothing is listed (default minScoreFor the library's size). Confirmed pairs are kept regardless. */
  minScore?: number;
  /** Unordered pair keys (pairKey) the curator dismissed: never listed. */
  dismissed?: ReadonlySet<string>;
  /** Unordered pair keys the curator confirmed: marked, and listed whatever their score. */
  confirmed?: ReadonlySet<string>;
}

/** A sentence that shows why two items connect, trimmed around its shared terms. */
export interface Passage {
  text: string;
  /** [start, end) offsets in `text` of the shared words, to emphasise them. */
  marks: Array<[number, number]>;
  /** Keys of the shared terms it contains. */
  terms: string[];
}

/** Why two items are related: the score, the shared terms and a sentence from each side. */
export interface Explanation {
  score: number;
  strength: Strength;
  /** Topics the two have in common (empty for a cross-topic connection). */
  sharedTopics: string[];
  terms: SharedTerm[];
  /** The source's sentence with the most shared weight, or null when it has none. */
  source: Passage | null;
  target: Passage | null;
}

/** One side of an explanation: an item's key (when indexed) and its text. */
export interface ExplainInput {
  /** The item's key when it is in the index: its indexed terms are then used, as related() did. */
  id?: string;
  title: string;
  text: string;
  topics?: readonly string[];
}

/** A term distinctive in two topics at once. */
export interface BridgeTerm {
  term: string;
  label: string;
  /** Mean weight of the term in the first topic's items (unit vectors, so comparable), and in the second's. */
  weightA: number;
  weightB: number;
  /** sqrt(weightA * weightB): high only when the term matters on both sides. */
  score: number;
}

/** What connects two topics. */
export interface Bridge {
  a: string;
  b: string;
  /** Keys of items in both topics: literal bridges. */
  shared: string[];
  /** Terms distinctive in both topics, strongest first. */
  terms: BridgeTerm[];
  /** Cosine of the two topics' mean vectors (items in both left out), in [0, 1]. */
  similarity: number;
  /** The strongest cross-topic pairs between items only in A and items only in B. */
  pairs: Array<{ a: string; b: string; score: number; strength: Strength }>;
}

/** A pair of topics and how strongly they are bridged. */
export interface TopicPair {
  a: string;
  b: string;
  /** Items in both topics. */
  shared: number;
  /** Cosine of the topics' mean vectors, items in both left out. */
  similarity: number;
  /** 1 - (1 - similarity) * (1 - shared / smaller topic's size): shared items and shared vocabulary both bridge. */
  strength: number;
}
