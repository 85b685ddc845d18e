// MiniSearch configuration of the two tiers, shared by fresh indexes and restored snapshots.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { loadCompact } from './posting-codec';
import { FULL_FIELDS, FULL_STORED_FIELDS, QUICK_FIELDS, STORED_FIELDS, type FullDoc, type QuickDoc } from './documents';
import { tokenize } from './normalize';

// Defaults of MiniSearch, stated so they are a decision: vacuum once 20 documents and 10% of
// the index are stale, in batches with pauses so a large vacuum never blocks a search for long.
const AUTO_VACUUM = { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 };

// Terms arrive already normalised from our tokenizer; MiniSearch must not lowercase or split them again.
const identity = (term: string): string => term;
const indexTokenize = (text: string): string[] => tokenize(text);

/** Options of the quick tier (small fields, searched on every keystroke). */
export function quickOptions(): Options<QuickDoc> {
  return {
    idField: 'key',
    fields: [...QUICK_FIELDS],
    storeFields: [...STORED_FIELDS],
    tokenize: indexTokenize,
    processTerm: identity,
    autoVacuum: AUTO_VACUUM,
  };
}

/** Options of the full tier (article bodies, searched when typing pauses). */
export function fullOptions(): Options<FullDoc> {
  return {
    idField: 'key',
    fields: [...FULL_FIELDS],
    storeFields: [...FULL_STORED_FIELDS],
    tokenize: indexTokenize,
    processTerm: identity,
    autoVacuum: AUTO_VACUUM,
  };
}

/** An empty quick tier. */
export function createQuickTier(): MiniSearch<QuickDoc> {
  return new MiniSearch<QuickDoc>(quickOptions());
}

/** An empty full tier. */
export function createFullTier(): MiniSearch<FullDoc> {
  return new MiniSearch<FullDoc>(fullOptions());
}

/** Restores a quick tier from its parsed, validated JSON. */
export function loadQuickTier(js: AsPlainObject): MiniSearch<QuickDoc> {
  return loadCompact(js, (header) => MiniSearch.loadJS<QuickDoc>(header, quickOptions()));
}
