// Reads a Crisscross JSON export back into a bundle, refusing anything malformed, oversized or unsafe with a message that says where.
import type { z } from 'zod';
import { CRISSCROSS_FORMAT, CRISSCROSS_FORMAT_VERSION } from './crisscross-json';
import { crisscrossExportSchema, SAFE_URL_SCHEMES } from './crisscross-schema';
import { formatPath, ImportError, importFailure, type ImportResult, type ReadOptions } from './import-result';
import { readJsonText } from './json-text';
import type { ExportBundle } from './library-data';

/** Problems named in one error message; the rest are counted. */
const ISSUES_SHOWN = 3;

/**
 * Parses and validates a Crisscross JSON export (see `export-format.schema.json`). Every field is
 * checked for type and size, every address must be http, https or file, and ids must be unique.
 *
 * Security: the result is data, not markup. Callers store and show its fields as text. The one
 * exception is `clip.html`, which is returned exactly as found in the file: it is untrusted (anyone
 * can write a file), so the caller must sanitize it again before storing or rendering it.
 */
export function parseCrisscrossJson(text: string, options: ReadOptions = {}): ImportResult {
  const read = readJsonText(text, options);
  if (!read.ok) return read;
  const data = read.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return importFailure('wrong-format', 'This is JSON, but not a Crisscross export: expected an object with "format": "crisscross".');
  }
  const header = data as Record<string, unknown>;
  if (header.format !== CRISSCROSS_FORMAT) {
    const hint = '@context' in header ? ' It looks like W3C Web Annotations: import it as annotations instead.' : '';
    return importFailure(
      'wrong-format',
      `This is JSON, but not a Crisscross export ("format" is ${JSON.stringify(header.format) ?? 'missing'}, expected "crisscross").${hint}`,
    );
  }
  if (header.version !== CRISSCROSS_FORMAT_VERSION) {
    const newer = typeof header.version === 'number' && header.version > CRISSCROSS_FORMAT_VERSION;
    return importFailure(
      'unsupported-version',
      newer
        ? `This export was made by a newer Crisscross (format version ${header.version}); this version reads version ${CRISSCROSS_FORMAT_VERSION}. Update Crisscross and try again.`
        : `Unknown format version ${JSON.stringify(header.version) ?? '(missing)'}; this version of Crisscross reads version ${CRISSCROSS_FORMAT_VERSION}.`,
    );
  }

  const parsed = crisscrossExportSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: issuesError(parsed.error.issues, data) };
  const file = parsed.data;

  const duplicate = findDuplicateId(file);
  if (duplicate) return { ok: false, error: duplicate };

  const bundle: ExportBundle = { clips: file.clips, highlights: file.highlights, collections: file.collections };
  if (file.links) bundle.links = file.links;
  return { ok: true, value: { bundle, meta: { exportedAt: Date.parse(file.exportedAt), appVersion: file.app.version }, warnings: [] } };
}

/** One error from zod's issues: the first few with their paths, then how many more there are. */
function issuesError(issues: readonly z.core.$ZodIssue[], data: unknown): ImportError {
  const first = issues[0]!;
  const others = issues.slice(1, ISSUES_SHOWN).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > ISSUES_SHOWN ? [`and ${issues.length - ISSUES_SHOWN} more problems`] : [];
  const message = [first.message, ...others, ...more].join('; ');
  // An unsafe address gets its own code: the UI may want to warn that the file looks hostile.
  const unsafe = issues.some((issue) => {
    const value = valueAt(data, issue.path);
    return typeof value === 'string' && hasUnsafeScheme(value);
  });
  return new ImportError(unsafe ? 'unsafe-url' : 'invalid-data', message, formatPath(first.path));
}

function hasUnsafeScheme(value: string): boolean {
  try {
    return !(SAFE_URL_SCHEMES as readonly string[]).includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The first id used twice within clips, highlights or collections: an import keyed by id would silently lose one. */
function findDuplicateId(bundle: ExportBundle): ImportError | null {
  for (const kind of ['clips', 'highlights', 'collections'] as const) {
    const seen = new Map<string, number>();
    for (const [index, item] of bundle[kind].entries()) {
      const earlier = seen.get(item.id);
      if (earlier !== undefined) {
        return new ImportError(
          'duplicate-id',
          `Duplicate id ${JSON.stringify(item.id)} (also ${kind}[${earlier}].id)`,
          `${kind}[${index}].id`,
        );
      }
      seen.set(item.id, index);
    }
  }
  return null;
}
