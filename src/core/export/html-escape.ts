// Escapes text for HTML element content and attribute values, the only way any library text enters an exported HTML file.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML content and for single- or double-quoted attribute values. Unpaired
 * surrogates become U+FFFD so the UTF-8 file stays valid, and NUL (which HTML parsers replace or
 * drop inconsistently) is removed.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/\0/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
