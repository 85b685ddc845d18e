// A small library for the export tests: two clips, highlights whose notes hold quotes, commas, line breaks and emoji, and a collection.
import type { Collection } from '../../../src/core/collection';
import type { ExportBundle, ExportMeta } from '../../../src/core/export/library-data';
import type { Highlight, HighlightColor } from '../../../src/core/highlight';
import type { Clip } from '../../../src/core/page-capture';

export const META: ExportMeta = { exportedAt: Date.UTC(2024, 4, 1, 9, 30), appVersion: '0.1.0' };

const T0 = Date.UTC(2024, 3, 20, 8, 0);

export const CLIP_ID_FAST = '3f1c9a52-7d2e-4b8a-9c41-0a6e5f2d8b17';
export const CLIP_ID_TRICKY = '0b7e4d21-95c3-4f6a-8e12-c3d4a5b6e7f8';
export const HL_ID_NOTE = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
export const HL_ID_PLAIN = '1d2c3b4a-5f6e-4d8c-9b0a-123456789abc';
export const HL_ID_EMOJI = 'f0e1d2c3-b4a5-4968-8776-5544332211ff';
export const COLLECTION_ID = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

export function makeClip(overrides: Partial<Clip> = {}): Clip {
  const url = overrides.url ?? 'https://dots.example/posts/fast-response.html';
  return {
    id: CLIP_ID_FAST,
    url,
    canonicalUrl: url,
    aliases: [url, 'http://127.0.0.1:8080/posts/fast-response.html'],
    title: 'Fast response is the new normal in customer service',
    author: 'The Curator',
    siteName: 'Connecting the Dots',
    publishedAt: '2011-07-21T09:00:00.000Z',
    language: 'en',
    excerpt: 'Do you know what kind of service drives people crazy?',
    text: 'Do you know what kind of service drives people crazy? Poor attention.\n\nFast response is the new normal. Customers expect an answer within the hour.',
    html: '<p>Do you know what kind of service drives people crazy? Poor attention.</p><p>Fast response is the new normal.</p>',
    wordCount: 24,
    tags: ['social media', 'service'],
    source: 'article',
    truncated: null,
    savedAt: T0,
    updatedAt: T0 + 60_000,
    ...overrides,
  };
}

/** A highlight whose selectors agree with its quote (position length = quote length in UTF-16). */
export function makeHighlight(
  overrides: Partial<Omit<Highlight, 'selectors'>> & {
    exact?: string;
    prefix?: string;
    suffix?: string;
    start?: number;
    color?: HighlightColor;
  } = {},
): Highlight {
  const {
    exact = 'Fast response is the new normal.',
    prefix = 'Poor attention.\n\n',
    suffix = ' Customers expect',
    start = 72,
    ...rest
  } = overrides;
  const end = start + exact.length;
  return {
    id: HL_ID_PLAIN,
    clipId: CLIP_ID_FAST,
    pageUrl: 'https://dots.example/posts/fast-response.html',
    pageTitle: 'Fast response is the new normal in customer service',
    text: exact,
    note: '',
    color: 'yellow',
    tags: [],
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
      position: { type: 'TextPositionSelector', start, end },
      range: {
        type: 'RangeSelector',
        startSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/p[2]' },
        startOffset: 0,
        endSelector: { type: 'XPathSelector', value: '/main[1]/article[1]/p[2]' },
        endOffset: exact.length,
      },
    },
    createdAt: T0 + 120_000,
    updatedAt: T0 + 120_000,
    ...rest,
  };
}

/** The tricky clip: markup, quotes and colons in its title, emoji in its text, no author or date. */
export function trickyClip(): Clip {
  return makeClip({
    id: CLIP_ID_TRICKY,
    url: 'https://example.org/a?b=1&c=2',
    canonicalUrl: 'https://example.org/a?b=1&c=2',
    aliases: ['https://example.org/a?b=1&c=2'],
    title: 'He said "hi": <script>alert("x")</script> & left',
    author: null,
    siteName: 'Example',
    publishedAt: null,
    language: null,
    excerpt: '',
    text: '# Not a heading\n\nParty 🎉 time is *now*, with [links] and <b>tags</b>.\n- not a list',
    html: '<p>Party 🎉 time</p><img src=x onerror=alert(1)>',
    wordCount: 14,
    tags: [],
    savedAt: T0 + 3_600_000,
    updatedAt: T0 + 3_600_000,
  });
}

/** Two clips, three highlights (notes with quotes, commas, newlines, emoji and a formula), one collection. */
export function makeBundle(): ExportBundle {
  const fast = makeClip();
  const tricky = trickyClip();
  const noted = makeHighlight({
    id: HL_ID_NOTE,
    exact: 'Poor attention.',
    prefix: 'what kind of service drives people crazy? ',
    suffix: '\n\nFast response',
    start: 55,
    note: 'She said "fast", then: wait,\nsecond line 🎉',
    tags: ['customer service', 'speed'],
    color: 'blue',
    createdAt: T0 + 180_000,
    updatedAt: T0 + 240_000,
  });
  const plain = makeHighlight({ color: 'green' });
  // The quote holds an emoji: 13 UTF-16 code units, 12 code points.
  const emoji = makeHighlight({
    id: HL_ID_EMOJI,
    clipId: CLIP_ID_TRICKY,
    pageUrl: tricky.canonicalUrl,
    pageTitle: tricky.title,
    exact: 'Party 🎉 time',
    prefix: 'Not a heading\n\n',
    suffix: ' is *now*',
    start: 17,
    note: '=HYPERLINK("http://evil.example","click")',
    tags: ['+1', 'fun'],
    createdAt: T0 + 3_700_000,
    updatedAt: T0 + 3_700_000,
  });
  const collection: Collection = {
    id: COLLECTION_ID,
    name: 'Reading list',
    description: 'Things to read, "soon"',
    items: [
      { type: 'clip', id: CLIP_ID_TRICKY },
      { type: 'highlight', id: HL_ID_NOTE },
      { type: 'clip', id: CLIP_ID_FAST },
    ],
    createdAt: T0,
    updatedAt: T0 + 10_000,
  };
  return { clips: [tricky, fast], highlights: [emoji, plain, noted], collections: [collection] };
}
