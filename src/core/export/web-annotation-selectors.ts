// Reads the parts of a W3C annotation a highlight needs: its quote, position and range selectors, note and tags.
import type { RangeSelector, TextPositionSelector } from '../anchoring/types';
import { spanFromCodePoints } from './text-offsets';
import { BODY_XPATH } from './web-annotation-format';

/** A JSON-LD object as parsed; nothing about its shape is trusted. */
export type Json = Record<string, unknown>;

/** How deep `refinedBy` chains are searched for a TextQuoteSelector. */
const MAX_REFINEMENT_DEPTH = 4;

export const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
export const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
export const hasType = (value: Json, type: string) => asArray(value.type).includes(type);
export const isOffset = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 50_000_000;

/** The first TextQuoteSelector among the selectors, looking into `refinedBy` chains too. */
export function findQuote(selectors: unknown[], depth = 0): Json | null {
  for (const selector of selectors) {
    if (!isObject(selector)) continue;
    if (hasType(selector, 'TextQuoteSelector') && typeof selector.exact === 'string' && selector.exact) return selector;
    if (depth < MAX_REFINEMENT_DEPTH) {
      const refined = findQuote(asArray(selector.refinedBy), depth + 1);
      if (refined) return refined;
    }
  }
  return null;
}

/** Our body-relative XPath for a document XPath, or null when it does not start at <body>. */
function bodyRelative(xpath: unknown): string | null {
  if (typeof xpath !== 'string' || xpath.length > 2_000) return null;
  const match = /^\/html(?:\[1\])?\/body(?:\[1\])?(\/.*)?$/i.exec(xpath);
  if (!match) return null;
  const rest = match[1] ?? '/';
  return /^\/(?:[a-z][a-z0-9-]*\[\d+\](?:\/|$))*$/i.test(rest) ? rest : null;
}

/**
 * Our RangeSelector from the model's (XPathSelector ends refined by a TextPositionSelector, as we
 * export) or Hypothesis's (`startContainer`/`startOffset`, XPaths relative to <body>). Without one,
 * a placeholder spanning the position selector from the root (`/`): anchoring resolves it to the
 * same text the position selector names, so it adds nothing false and needs no special case.
 */
export function rangeFrom(selectors: unknown[], position: TextPositionSelector, exact: string): RangeSelector {
  for (const selector of selectors) {
    if (!isObject(selector) || !hasType(selector, 'RangeSelector')) continue;
    const { startSelector: start, endSelector: end } = selector;
    if (isObject(start) && isObject(end) && hasType(start, 'XPathSelector') && hasType(end, 'XPathSelector')) {
      const startPath = bodyRelative(start.value);
      const endPath = bodyRelative(end.value);
      const offsetOf = (point: Json) => {
        const refined = asArray(point.refinedBy).find((r) => isObject(r) && hasType(r, 'TextPositionSelector')) as Json | undefined;
        return refined ? refined.start : 0;
      };
      const startOffset = offsetOf(start);
      const endOffset = offsetOf(end);
      if (startPath && endPath && isOffset(startOffset) && isOffset(endOffset)) {
        const endUnits = startPath === endPath ? spanFromCodePoints({ start: startOffset, end: endOffset }, exact).end : endOffset;
        return xpathRange(startPath, startOffset, endPath, endUnits);
      }
    }
    const { startContainer, endContainer, startOffset, endOffset } = selector;
    const startPath =
      typeof startContainer === 'string' ? bodyRelative(`${BODY_XPATH}${startContainer === '/' ? '' : startContainer}`) : null;
    const endPath = typeof endContainer === 'string' ? bodyRelative(`${BODY_XPATH}${endContainer === '/' ? '' : endContainer}`) : null;
    if (startPath && endPath && isOffset(startOffset) && isOffset(endOffset)) return xpathRange(startPath, startOffset, endPath, endOffset);
  }
  return xpathRange('/', position.start, '/', position.end);
}

function xpathRange(startPath: string, startOffset: number, endPath: string, endOffset: number): RangeSelector {
  return {
    type: 'RangeSelector',
    startSelector: { type: 'XPathSelector', value: startPath },
    startOffset,
    endSelector: { type: 'XPathSelector', value: endPath },
    endOffset,
  };
}

/** Note text and tags from the bodies: TextualBodies with purpose "tagging" are tags, every other textual body is part of the note. */
export function readBodies(annotation: Json): { notes: string[]; tags: string[]; ignored: number } {
  const notes: string[] = [];
  const tags: string[] = [];
  let ignored = 0;
  if (typeof annotation.bodyValue === 'string' && annotation.bodyValue.trim()) notes.push(annotation.bodyValue);
  const bodies = asArray(annotation.body).flatMap((body) => (isObject(body) && Array.isArray(body.items) ? body.items : [body]));
  for (const body of bodies) {
    const textual = isObject(body) && typeof body.value === 'string' && (body.type === undefined || hasType(body, 'TextualBody'));
    if (!textual) {
      ignored++;
      continue;
    }
    const value = body.value as string;
    if (asArray(body.purpose).includes('tagging')) {
      const tag = value.replace(/\s+/g, ' ').trim();
      if (tag && tag.length <= 60 && !tags.includes(tag)) tags.push(tag);
      else if (tag.length > 60) ignored++;
    } else if (value.trim()) notes.push(value);
  }
  return { notes, tags, ignored };
}
