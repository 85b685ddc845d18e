// Unit tests for whitespace normalisation and its offset map back to the original text.

import { describe, expect, it } from 'vitest';
import { normalizeText, toNormalizedOffset, toSourceSpan } from '../../../src/core/anchoring/normalize';

describe('normalizeText', () => {
  it('drops whitespace, no-break spaces, zero-width characters and soft hyphens', () => {
    const source = ' a\u00a0b\n\t c\u200bd\u00ade\ufeff f ';
    const normalized = normalizeText(source);
    expect(normalized.text).toBe('abcdef');
    expect([...normalized.origins].map((i) => source[i])).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('keeps non-whitespace characters, including astral ones, unchanged', () => {
    expect(normalizeText('Ça va 🙂 — déjà vu').text).toBe('Çava🙂—déjàvu');
  });

  it('maps a normalised span back to the tightest source span', () => {
    const source = 'one   two\n three';
    const normalized = normalizeText(source);
    const at = normalized.text.indexOf('twothree');
    const span = toSourceSpan(normalized, at, at + 'twothree'.length);
    expect(source.slice(span.start, span.end)).toBe('two\n three');
    expect(toSourceSpan(normalized, 3, 3)).toEqual({ start: 6, end: 6 });
    expect(toSourceSpan(normalized, 11, 11)).toEqual({ start: source.length, end: source.length });
  });

  it('maps a source offset to the first kept character at or after it', () => {
    const normalized = normalizeText('ab  cd');
    expect(toNormalizedOffset(normalized, 0)).toBe(0);
    expect(toNormalizedOffset(normalized, 2)).toBe(2); // the space before "c" -> "c"
    expect(toNormalizedOffset(normalized, 4)).toBe(2);
    expect(toNormalizedOffset(normalized, 5)).toBe(3);
    expect(toNormalizedOffset(normalized, 6)).toBe(4);
  });
});
