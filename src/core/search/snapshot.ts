// The persisted form of a search index: a versioned envelope around the two tiers' JSON, and its validation.
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { SearchSnapshotError } from './errors';

/**
 * Version of everything that shapes an index: fields, stored fields, tokenizer,
 * stop words, document keys. Bump it with any such change; snapshots of another
 * version are refused and the caller rebuilds from storage.
 */
export const INDEX_VERSION = 2;

/** A saved index, as toSnapshot() makes it: cut it into parts (snapshot-transfer.ts) to store it. */
export interface SearchSnapshot {
  version: number;
  /**
   * The quick tier as MiniSearch JSON, in pieces (joined, they are the JSON), made as they are read, from
   * the tier as it was when the snapshot was taken (see tier-json.ts). Small: restored first.
   */
  quick: Iterable<string>;
  /**
   * The full tier's lines (full-tier-codec.ts) in pieces, made as they are read, once: large, so never
   * one string. Restored lazily, a part at a time, through a FullTierSource.
   */
  full: Iterable<string>;
  /**
   * The caller's change-feed position (a change sequence number or an updatedAt
   * time) up to which the index is known to be current. Catch-up starts after it.
   */
  watermark: number;
}

/** A saved quick tier with its envelope, as read back from storage: what a restore starts from. */
export interface QuickSnapshot {
  version: number;
  /** The quick tier's JSON. */
  quick: string;
  watermark: number;
}

/** Where a restore reads a saved full tier from: its parts, in order, one at a time. */
export interface FullTierSource {
  parts: number;
  /** Part `i`'s text; rejects (with SearchSnapshotError when damage is found) if it cannot be read. */
  read(i: number): Promise<string>;
}

/** Checks the envelope of something read back from storage, before its quick tier is parsed. */
export function validateEnvelope(value: unknown): QuickSnapshot {
  if (typeof value !== 'object' || value === null) {
    throw new SearchSnapshotError('corrupt', 'Search snapshot is not an object');
  }
  const { version, quick, watermark } = value as Record<string, unknown>;
  if (typeof version !== 'number') {
    throw new SearchSnapshotError('corrupt', 'Search snapshot has no version');
  }
  if (version !== INDEX_VERSION) {
    throw new SearchSnapshotError('version-mismatch', `Search snapshot is version ${version}, this build reads version ${INDEX_VERSION}`);
  }
  if (typeof quick !== 'string') {
    throw new SearchSnapshotError('corrupt', 'Search snapshot is missing a tier');
  }
  if (typeof watermark !== 'number' || !Number.isFinite(watermark)) {
    throw new SearchSnapshotError('corrupt', 'Search snapshot has no valid watermark');
  }
  return { version, quick, watermark };
}

/**
 * Parses one tier's JSON and checks it has the shape MiniSearch will load and
 * the fields this build indexes. MiniSearch itself trusts its input and would
 * fail later, mid-search, on a damaged one; failing here lets the caller rebuild.
 */
export function parseTier(json: string, fields: readonly string[], tier: 'quick' | 'full'): AsPlainObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (cause) {
    throw new SearchSnapshotError('corrupt', `Search snapshot's ${tier} tier is not valid JSON`, { cause });
  }
  return validateTier(parsed, fields, tier);
}

/** Checks parsed tier JSON has the shape MiniSearch will load and the fields this build indexes. */
export function validateTier(parsed: unknown, fields: readonly string[], tier: 'quick' | 'full'): AsPlainObject {
  const js = parsed as Partial<AsPlainObject> | null;
  const ok =
    typeof js === 'object' &&
    js !== null &&
    // Version 2 only: our loaders read its posting lists themselves (version 1 nested them differently).
    js.serializationVersion === 2 &&
    typeof js.documentCount === 'number' &&
    typeof js.nextId === 'number' &&
    isPlainObject(js.documentIds) &&
    isPlainObject(js.fieldLength) &&
    isPlainObject(js.storedFields) &&
    Array.isArray(js.averageFieldLength) &&
    Array.isArray(js.index) &&
    isPlainObject(js.fieldIds) &&
    sameFields(js.fieldIds, fields) &&
    Object.keys(js.documentIds).length === js.documentCount;
  if (!ok) {
    throw new SearchSnapshotError('corrupt', `Search snapshot's ${tier} tier is not an index of this build's shape`);
  }
  return js as AsPlainObject;
}

/** Runs a MiniSearch load, turning whatever it throws into a snapshot error. */
export function guardLoad<T>(load: () => MiniSearch<T>, tier: 'quick' | 'full'): MiniSearch<T> {
  try {
    return load();
  } catch (cause) {
    throw new SearchSnapshotError('corrupt', `Search snapshot's ${tier} tier could not be loaded`, { cause });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameFields(fieldIds: Record<string, unknown>, fields: readonly string[]): boolean {
  const keys = Object.keys(fieldIds);
  return keys.length === fields.length && fields.every((field) => typeof fieldIds[field] === 'number');
}
