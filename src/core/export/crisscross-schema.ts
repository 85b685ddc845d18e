// The zod schema of the Crisscross JSON export: types, sizes and safe addresses. export-format.schema.json is generated from it.
import * as z from 'zod';
import { selectorsSchema } from '../anchoring/selectors-schema';
import type { Collection } from '../collection';
import { MAX_EXCERPT_CHARS, MAX_HTML_CHARS, MAX_META_CHARS, MAX_TAGS, MAX_TEXT_CHARS, MAX_TITLE_CHARS } from '../extract/limits';
import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, type Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { CRISSCROSS_FORMAT, CRISSCROSS_FORMAT_VERSION } from './crisscross-json';

/** Most items of each kind one file may hold: far beyond a lifetime of reading, small enough to refuse a hostile file early. */
export const IMPORT_LIMITS = {
  clips: 200_000,
  highlights: 1_000_000,
  collections: 20_000,
  collectionItems: 200_000,
  links: 1_000_000,
  collectionName: 200,
  collectionDescription: 10_000,
  /** A clip collects every address it is seen at, re-clip after re-clip. */
  aliases: 1_000,
  urlChars: 8_192,
} as const;

/** Address schemes an import may store: anything else (javascript:, data:, …) could run code when opened. */
export const SAFE_URL_SCHEMES = ['http:', 'https:', 'file:'] as const;

// Spelled out letter by letter because the generated JSON Schema keeps a pattern but not regex flags.
const SAFE_SCHEME_PATTERN = /^(?:[hH][tT][tT][pP][sS]?|[fF][iI][lL][eE]):/;

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** Why an address is refused, naming an unsafe scheme when there is one. */
export function urlProblem(value: string): string {
  if (!parsesAsUrl(value)) return 'Invalid URL';
  const scheme = new URL(value).protocol;
  return `"${scheme}" addresses are not allowed (only http, https and file)`;
}

/** An http(s) or file address; the scheme check comes first and stops there, so one bad address is one message. */
const url = z
  .string()
  .max(IMPORT_LIMITS.urlChars)
  .regex(SAFE_SCHEME_PATTERN, {
    error: (issue) => (typeof issue.input === 'string' ? urlProblem(issue.input) : 'Invalid URL'),
    abort: true,
  })
  .refine(parsesAsUrl, { message: 'Invalid URL' });

const id = z.string().min(1).max(100);
/** Epoch milliseconds, within the range a JavaScript Date can hold. */
const time = z.number().int().min(0).max(8.64e15);
const isoDateTime = z.iso.datetime({ offset: true });
const tags = z.array(z.string().min(1).max(60)).max(MAX_TAGS);

const clipSchema: z.ZodType<Clip> = z
  .strictObject({
    id,
    url,
    canonicalUrl: url,
    aliases: z.array(url).max(IMPORT_LIMITS.aliases),
    title: z.string().max(MAX_TITLE_CHARS),
    author: z.string().max(MAX_META_CHARS).nullable(),
    siteName: z.string().max(MAX_META_CHARS),
    // Pages declare dates loosely; a date without a time is still a date.
    publishedAt: z.union([isoDateTime, z.iso.date()], { error: 'Expected an ISO 8601 date or date-time' }).nullable(),
    language: z.string().max(35).nullable(),
    excerpt: z.string().max(MAX_EXCERPT_CHARS),
    tags,
    source: z.enum(['article', 'body', 'selection']),
    wordCount: z.number().int().nonnegative(),
    truncated: z.strictObject({ keptChars: z.number().int().nonnegative(), totalChars: z.number().int().nonnegative() }).nullable(),
    savedAt: time,
    updatedAt: time,
    text: z.string().max(MAX_TEXT_CHARS),
    // Untrusted: the importer hands it on as-is and the caller must sanitize it again before storing it.
    html: z.string().max(MAX_HTML_CHARS),
  })
  .meta({ title: 'Clip', description: 'A saved page: its addresses, metadata, clean text and sanitized HTML.' });

const highlightSchema: z.ZodType<Highlight> = z
  .strictObject({
    id,
    clipId: id,
    pageUrl: url,
    pageTitle: z.string().max(MAX_TITLE_CHARS),
    text: z.string().min(1).max(MAX_QUOTE_CHARS),
    note: z.string().max(MAX_NOTE_CHARS),
    color: z.enum(HIGHLIGHT_COLORS),
    tags,
    selectors: selectorsSchema,
    createdAt: time,
    updatedAt: time,
  })
  .meta({ title: 'Highlight', description: 'A highlighted passage with W3C selectors, note, colour and tags.' });

const collectionSchema: z.ZodType<Collection> = z
  .strictObject({
    id,
    name: z.string().min(1).max(IMPORT_LIMITS.collectionName),
    description: z.string().max(IMPORT_LIMITS.collectionDescription),
    items: z.array(z.strictObject({ type: z.enum(['clip', 'highlight']), id })).max(IMPORT_LIMITS.collectionItems),
    createdAt: time,
    updatedAt: time,
  })
  .meta({ title: 'Collection', description: 'A named, ordered set of clips and highlights.' });

/** The whole Crisscross JSON export file. */
export const crisscrossExportSchema = z
  .strictObject({
    format: z.literal(CRISSCROSS_FORMAT),
    version: z.literal(CRISSCROSS_FORMAT_VERSION),
    exportedAt: isoDateTime,
    app: z.strictObject({ name: z.string().max(100), version: z.string().max(100) }),
    clips: z.array(clipSchema).max(IMPORT_LIMITS.clips),
    highlights: z.array(highlightSchema).max(IMPORT_LIMITS.highlights),
    collections: z.array(collectionSchema).max(IMPORT_LIMITS.collections),
    links: z
      .array(z.unknown())
      .max(IMPORT_LIMITS.links)
      .optional()
      .meta({ description: 'Confirmed connections between items; their shape is not fixed yet.' }),
  })
  .meta({
    title: 'Crisscross export',
    description: 'A lossless export of a Crisscross library. Items are sorted by id; keys appear in a fixed order.',
  });

/** The JSON Schema (draft-07) of the export, generated from {@link crisscrossExportSchema}. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(crisscrossExportSchema, { target: 'draft-7' }) as Record<string, unknown>;
}
