// The full tier's snapshot format, made to be written, stored and loaded in parts. The tier is lines of
// JSON (its header, then its posting lists in chunks of about CHUNK_CHARS), each ending with '\n'. Saving
// makes the text a small piece at a time (see tier-json.ts); the pieces are cut into parts anywhere, even
// inside a line, and loading reads one part at a time, carrying a line's start over to the next part, and
// installs a chunk of posting lists at a time. So no side holds the whole tier (86 MB at 100k items) as
// one string, and a keystroke arriving during a save or a load waits a few milliseconds, not a second.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { forEachInSlices, type Pause } from '../time-slices';
import { termWriter } from './posting-codec';
import { FULL_FIELDS, type FullDoc } from './documents';
import { SearchSnapshotError } from './errors';
import { validateTier, type FullTierSource } from './snapshot';
import { openHeaderPieces, savedTermChunks, type TierCapture } from './tier-json';
import { fullOptions } from './tiers';

/** Posting-list JSON per line: small enough to parse and install in a few milliseconds. */
export const CHUNK_CHARS = 64 * 1024;

/**
 * A captured full tier's text in pieces of about CHUNK_CHARS: its header line (cut into pieces: at 100k
 * items it is megabytes, every document's id and field length), then its lines of posting lists, each
 * piece ending a line. The lists are read as the pieces are made, so the tier must not change until the
 * last piece is read (see SearchIndex.toSnapshot).
 */
export function* fullTierPieces(capture: TierCapture): Generator<string> {
  yield* openHeaderPieces(capture, CHUNK_CHARS);
  yield '}\n';
  // JSON.stringify escapes newlines inside strings, so a newline only ever ends a line.
  for (const chunk of savedTermChunks(capture, CHUNK_CHARS)) yield `[${chunk}]\n`;
}

/**
 * Loads a full tier from its parts, read one at a time, in slices of about `sliceMs` of work with `pause`
 * awaited between them (the worker answers searches then). A line may start in one part and end in a
 * later one. Also reads a tier saved whole, before parts (its last line has no '\n'). Throws
 * SearchSnapshotError on damaged input; a part that cannot be read rejects as its source does.
 */
export async function loadFullTierParts(source: FullTierSource, pause: Pause, sliceMs = 8): Promise<MiniSearch<FullDoc>> {
  const reader = fullTierReader();
  // The start of a line continued in the next part ('' when a part ends with a whole line).
  let carry = '';
  for (let i = 0; i < source.parts; i++) {
    const text = await source.read(i);
    const lines = (carry === '' ? text : carry + text).split('\n');
    carry = lines.pop() ?? '';
    await forEachInSlices(lines, reader.line, pause, sliceMs);
  }
  if (carry !== '') reader.line(carry);
  return reader.finish();
}

/** Installs a full tier line by line: the header first, then chunks of posting lists. */
function fullTierReader() {
  let tier: MiniSearch<FullDoc> | null = null;
  let writeTerm: (entry: unknown) => void = () => undefined;
  return {
    line(text: string): void {
      if (!tier) {
        const header = parseLine(text) as Partial<AsPlainObject> | null;
        if (typeof header !== 'object' || header === null || Array.isArray(header) || 'index' in header) corrupt('its header is damaged');
        const js = validateTier({ ...header, index: [] }, FULL_FIELDS, 'full');
        tier = MiniSearch.loadJS<FullDoc>(js, fullOptions());
        // MiniSearch's loadJS takes a whole tier at once; the terms are written a chunk at a time instead.
        writeTerm = termWriter(tier);
        return;
      }
      const entries = parseLine(text);
      if (!Array.isArray(entries)) corrupt('a chunk of posting lists is damaged');
      for (const entry of entries) writeTerm(entry);
    },
    finish(): MiniSearch<FullDoc> {
      if (!tier) corrupt('it is empty');
      return tier;
    },
  };
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
