// Validation of everything that crosses a message boundary: types, and sizes a hostile page cannot exceed.
import { z } from 'zod';
import {
  MAX_ALIASES,
  MAX_EXCERPT_CHARS,
  MAX_HTML_CHARS,
  MAX_META_CHARS,
  MAX_TAGS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from '../core/extract/limits';
import type { PageCapture } from '../core/page-capture';
import type { BackgroundRequests, SenderKind } from './protocol';

const tabId = z.number().int().nonnegative();
const url = z.string().max(8_192).regex(/^(https?|file):/);

/** Payload schemas for every background request; a missing entry is a compile error. */
export const requestSchemas: { [K in keyof BackgroundRequests]: z.ZodType<BackgroundRequests[K]['request']> } = {
  getPageState: z.strictObject({ tabId }),
  clipTab: z.strictObject({ tabId }),
  listRecentClips: z.strictObject({ limit: z.number().int().min(1).max(200) }),
  warmUp: z.strictObject({}),
};

/** Who may send each request. Content scripts run inside web pages, so they get nothing that reads data. */
export const requestSenders: { [K in keyof BackgroundRequests]: readonly SenderKind[] } = {
  getPageState: ['extension-page'],
  clipTab: ['extension-page'],
  listRecentClips: ['extension-page'],
  warmUp: ['extension-page'],
};

/** What a content script may send back as a page capture: the page controls it, so it is bounded. */
export const pageCaptureSchema: z.ZodType<PageCapture> = z.strictObject({
  url,
  canonicalUrl: url,
  aliases: z.array(url).max(MAX_ALIASES),
  title: z.string().max(MAX_TITLE_CHARS),
  author: z.string().max(MAX_META_CHARS).nullable(),
  siteName: z.string().max(MAX_META_CHARS),
  publishedAt: z.iso.datetime().nullable(),
  language: z.string().max(35).nullable(),
  excerpt: z.string().max(MAX_EXCERPT_CHARS),
  text: z.string().max(MAX_TEXT_CHARS),
  html: z.string().max(MAX_HTML_CHARS),
  wordCount: z.number().int().nonnegative(),
  tags: z.array(z.string().min(1).max(60)).max(MAX_TAGS),
  source: z.enum(['article', 'body', 'selection']),
  truncated: z.strictObject({ keptChars: z.number().int().nonnegative(), totalChars: z.number().int().nonnegative() }).nullable(),
});

/** A short, readable account of why a payload was refused: the first problem and where it is. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const where = issue.path.length ? issue.path.join('.') : 'payload';
  return `${where}: ${issue.message}`;
}
