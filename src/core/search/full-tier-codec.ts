// The full tier's snapshot format, made to load in small slices. One JSON.parse of a 25 MB tier (10k
// clips) blocks the worker for most of a second and MiniSearch.loadJSAsync takes seconds more; here the
// tier is saved as lines (its header, then its posting lists in chunks of about CHUNK_CHARS) and loaded a
// chunk at a time, so a keystroke arriving meanwhile waits a few milliseconds, not a second.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { savedTerms, termWriter, tierHeader } from './posting-codec';
import { FULL_FIELDS, type FullDoc } from './documents';
import { SearchSnapshotError } from './errors';
import { validateTier } from './snapshot';
import { fullOptions } from './tiers';

/** Posting-list JSON per line: small enough to parse and install in a few milliseconds. */
const CHUNK_CHARS = 64 * 1024;

/** Writes a full tier in the sliced format: a header line, then lines of posting lists. */
export function serializeFullTier(tier: MiniSearch<FullDoc>): string {
  const lines = [JSON.stringify(tierHeader(tier))];
  let chunk: string[] = [];
  let chars = 0;
  for (const entry of savedTerms(tier)) {
    const json = JSON.stringify(entry);
    chunk.push(json);
    chars += json.length;
    if (chars >= CHUNK_CHARS) {
      lines.push(`[${chunk.join(',')}]`);
      chunk = [];
      chars = 0;
    }
  }
  if (chunk.length > 0) lines.push(`[${chunk.join(',')}]`);
  // JSON.stringify escapes newlines inside strings, so a newline only ever separates lines.
  return lines.join('\n');
}

/**
 * Loads a full tier written by serializeFullTier, a step per chunk: the generator yields between
 * chunks so the caller decides when to pause. Throws SearchSnapshotError on damaged input.
 */
export function* fullTierLoadSteps(text: string): Generator<void, MiniSearch<FullDoc>> {
  const lines = text.split('\n');
  const header = parseLine(lines[0] ?? '') as Partial<AsPlainObject> | null;
  if (typeof header !== 'object' || header === null || Array.isArray(header) || 'index' in header) corrupt('its header is damaged');
  const js = validateTier({ ...header, index: [] }, FULL_FIELDS, 'full');
  const tier = MiniSearch.loadJS<FullDoc>(js, fullOptions());
  // MiniSearch's loadJS takes a whole tier at once; the terms are written a chunk at a time instead.
  const writeTerm = termWriter(tier);
  for (let i = 1; i < lines.length; i++) {
    yield;
    const entries = parseLine(lines[i]!);
    if (!Array.isArray(entries)) corrupt('a chunk of posting lists is damaged');
    for (const entry of entries) writeTerm(entry);
  }
  return tier;
}

/** Loads a full tier at once (blocking). */
export function loadFullTierText(text: string): MiniSearch<FullDoc> {
  const steps = fullTierLoadSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Loads a full tier in slices of about `sliceMs` of work, calling `pause` between slices
 * (the worker answers searches then).
 */
export async function loadFullTierSliced(text: string, pause: () => Promise<void>, sliceMs = 8): Promise<MiniSearch<FullDoc>> {
  const steps = fullTierLoadSteps(text);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (cause) {
    throw new SearchSnapshotError('corrupt', "Search snapshot's full tier is not valid JSON", { cause });
  }
}

function corrupt(why: string): never {
  throw new SearchSnapshotError('corrupt', `Search snapshot's full tier could not be loaded: ${why}`);
}
