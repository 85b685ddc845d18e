// Converts text offsets between JavaScript's UTF-16 code units (what we store) and Unicode code points (what the W3C model counts).

/** The length of `text` in code points: an emoji outside the BMP counts 1 here and 2 in `text.length`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** A `[start, end)` span of text offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A stored span in UTF-16 code units as W3C code point offsets, as far as the quote allows.
 *
 * The page text the offsets count in is not part of the library, so characters outside the BMP
 * before the quote cannot be seen: the start is kept (exact whenever none precede it, which is
 * the common case). The quote itself is known, so when the span covers exactly the quote its end
 * becomes start + the quote's length in code points, and the span's length is always right.
 */
export function spanToCodePoints(span: Span, exact: string): Span {
  if (span.end - span.start !== exact.length) return { ...span };
  return { start: span.start, end: span.start + codePointLength(exact) };
}

/** The inverse of {@link spanToCodePoints}: a W3C span back in UTF-16 code units, so our own exports round-trip exactly. */
export function spanFromCodePoints(span: Span, exact: string): Span {
  if (span.end - span.start !== codePointLength(exact)) return { ...span };
  return { start: span.start, end: span.start + exact.length };
}
