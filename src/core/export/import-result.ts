// The outcome of reading an import file: the library it holds, or an error that says what is wrong and where.
import type { ExportBundle, ExportMeta } from './library-data';

/** Why a file could not be imported; the message is what a person reads, the code is for the UI to react to. */
export type ImportErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'html-not-json'
  | 'wrong-format'
  | 'unsupported-version'
  | 'invalid-data'
  | 'unsafe-url'
  | 'duplicate-id'
  | 'no-bookmarks'
  | 'no-annotations';

/** A file that cannot be imported. Nothing of it should be written when this is returned. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** Where in the file the problem is, e.g. `clips[3].url`; null when it is about the whole file. */
    readonly path: string | null = null,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'ImportError';
  }
}

/** What a parser found in a file: always the same bundle shape, whatever the format. */
export interface ImportedLibrary {
  bundle: ExportBundle;
  /** The export's own metadata; only Crisscross JSON files carry it. */
  meta: ExportMeta | null;
  /** Parts of the file that were left out, each saying which and why (e.g. a bookmarklet). */
  warnings: string[];
}

/** A parser's answer: a result, not an exception, so callers cannot forget the error case. */
export type ImportResult = { ok: true; value: ImportedLibrary } | { ok: false; error: ImportError };

/** Options every import parser takes. */
export interface ReadOptions {
  /** Largest file accepted, in UTF-16 code units; `MAX_IMPORT_CHARS` by default (tests use a small one). */
  maxChars?: number;
}

/** Options of the parsers that create new items (bookmarks, annotations) rather than reading stored ones. */
export interface ParseOptions extends ReadOptions {
  /** Makes ids for new clips, highlights and collections; `crypto.randomUUID` by default. */
  newId?: () => string;
  /** The time used where the file gives none, in epoch milliseconds; `Date.now()` by default. */
  now?: number;
}

/** Shorthand for a failed {@link ImportResult}. */
export function importFailure(code: ImportErrorCode, message: string, path: string | null = null): ImportResult {
  return { ok: false, error: new ImportError(code, message, path) };
}

/** A location in parsed data as people write it: `clips[3].selectors.quote.exact`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
