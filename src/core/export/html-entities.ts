// Decodes HTML character references in imported text without a DOM (the service worker has none).

// Browsers' bookmark exports escape only & < > " and ' ; the rest are the typographic entities
// people and older tools write by hand. Unknown names are left as they are, as browsers do.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  shy: '\u00AD',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
};

/** A code point as text; the ones HTML forbids (NUL, surrogates, beyond U+10FFFF) become U+FFFD as browsers do. */
function fromCodePoint(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** Text with `&name;`, `&#123;` and `&#x1F600;` references replaced by their characters. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g,
    (match, dec?: string, hex?: string, name?: string) => {
      if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
      if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
      // Names are case-sensitive in HTML, but &AMP; &LT; &GT; &QUOT; are defined too.
      const key = Object.hasOwn(NAMED, name!) ? name! : name!.toLowerCase();
      return Object.hasOwn(NAMED, key) && (key === name || match.endsWith(';')) ? NAMED[key]! : match;
    },
  );
}
