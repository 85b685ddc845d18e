// The W3C selectors of a highlight as data we accept: from a content script (messaging) and from an
// imported file (the export format), so both refuse the same malformed or oversized selectors.
import * as z from 'zod';
import { MAX_QUOTE_CHARS } from '../highlight';
import type { HighlightSelectors } from './types';

/** Character offsets into a page's text: far beyond the longest page we keep, small enough to refuse junk. */
export const selectorOffset = z.number().int().nonnegative().max(50_000_000);
const context = z.string().max(200);
const xpath = z.strictObject({ type: z.literal('XPathSelector'), value: z.string().max(2_000) });

export const selectorsSchema: z.ZodType<HighlightSelectors> = z.strictObject({
  quote: z.strictObject({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(MAX_QUOTE_CHARS),
    prefix: context,
    suffix: context,
  }),
  position: z.strictObject({ type: z.literal('TextPositionSelector'), start: selectorOffset, end: selectorOffset }),
  range: z.strictObject({
    type: z.literal('RangeSelector'),
    startSelector: xpath,
    startOffset: selectorOffset,
    endSelector: xpath,
    endOffset: selectorOffset,
  }),
});
