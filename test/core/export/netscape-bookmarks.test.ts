// Netscape bookmark files: what we write browsers can read, what browsers write we can read, and a round trip keeps urls, titles, tags and folders.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../../src/core/export/html-entities';
import { htmlTokens } from '../../../src/core/export/html-tokens';
import { exportNetscapeBookmarks } from '../../../src/core/export/netscape-bookmarks';
import { parseNetscapeBookmarks } from '../../../src/core/export/netscape-bookmarks-import';
import { CLIP_ID_FAST, makeBundle, makeClip, META } from './fixtures';

function ids() {
  let n = 0;
  return () => `id-${++n}`;
}

function parsed(text: string, options = {}) {
  const result = parseNetscapeBookmarks(text, { newId: ids(), now: 5_000_000, ...options });
  if (!result.ok) throw result.error;
  return result.value;
}

// Shaped like Chrome's export: the toolbar folder, nested folders, ICON data, entities.
const CHROME_EXPORT = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1700000000" LAST_MODIFIED="1700000500" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://example.com/a?x=1&amp;y=2" ADD_DATE="1700000100" ICON="data:image/png;base64,iVBORw0KGgo=">Tom &amp; Jerry &#8211; &quot;cartoons&quot; &#x1F600;</A>
        <DT><H3 ADD_DATE="1700000200" LAST_MODIFIED="1700000300">Research</H3>
        <DL><p>
            <DT><A HREF="https://example.com/paper" ADD_DATE="1700000250">A paper</A>
            <DT><H3 ADD_DATE="1700000260">AI &amp; ethics</H3>
            <DL><p>
                <DT><A HREF="https://example.com/ethics" ADD_DATE="1700000270">Ethics</A>
            </DL><p>
        </DL><p>
        <DT><A HREF="javascript:alert(document.title)" ADD_DATE="1700000400">Bookmarklet</A>
    </DL><p>
    <DT><A HREF="https://example.com/loose" ADD_DATE="1700000600">Loose</A>
</DL><p>
`;

// Shaped like Firefox's export: unquoted-ish quirks, TAGS, DD descriptions, place: queries.
const FIREFOX_EXPORT = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Bookmarks</title>
<h1>Bookmarks Menu</h1>
<dl><p>
    <dt><a href="place:sort=8&maxResults=10" add_date="1600000000">Recent Tags</a>
    <dt><h3 add_date=1600000100 last_modified=1600000200>Reading</h3>
    <dd>Things to read &lt;soon&gt;
    <dl><p>
        <dt><a href='https://blog.example/post' add_date="1600000300" last_modified="1600000400" tags="essays,long reads">A post</a>
        <dd>An essay about things,
        over two lines.
        <dt><a href="https://blog.example/post#section" add_date="1600000350" tags="favourite">A post (again)</a>
    </dl><p>
    <dt><h3 unfiled_bookmarks_folder="true">Other Bookmarks</h3>
    <dl><p>
        <dt><a href="https://other.example/" add_date="1600000500000">Millisecond date</a>
        <dt><a href="HTTPS://Case.Example/Path">No date</a>
    </dl><p>
</dl>
`;

describe('exportNetscapeBookmarks', () => {
  it('writes the format browsers import: doctype, a folder per collection, dates in seconds, tags, escaped titles', () => {
    const file = exportNetscapeBookmarks(makeBundle(), META);
    expect(file.fileName).toBe('crisscross-bookmarks-2024-05-01.html');
    const text = file.data as string;
    expect(text.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>\n')).toBe(true);
    expect(text).toContain(
      '<DT><A HREF="https://example.org/a?b=1&amp;c=2" ADD_DATE="1713603600" LAST_MODIFIED="1713603600">He said &quot;hi&quot;: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left</A>',
    );
    expect(text).toContain('ADD_DATE="1713600000" LAST_MODIFIED="1713600060" TAGS="social media,service">Fast response');
    expect(text).toContain(
      '<DT><H3 ADD_DATE="1713600000" LAST_MODIFIED="1713600010">Reading list</H3>\n    <DD>Things to read, &quot;soon&quot;\n    <DL><p>',
    );
  });

  it('is read by an HTML parser as the links and folders we meant', () => {
    const document = new JSDOM(exportNetscapeBookmarks(makeBundle(), META).data as string).window.document;
    expect(document.querySelectorAll('script').length).toBe(0);
    const links = [...document.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('tags')]);
    expect(links).toEqual([
      ['https://example.org/a?b=1&c=2', 'He said "hi": <script>alert("x")</script> & left', null],
      ['https://dots.example/posts/fast-response.html', 'Fast response is the new normal in customer service', 'social media,service'],
    ]);
    expect(document.querySelector('h3')?.textContent).toBe('Reading list');
  });

  it('leaves out clips whose address a bookmark must not open, and lists clips in no collection at the top', () => {
    const clips = [
      makeClip({ id: 'bad', url: 'javascript:alert(1)' }),
      makeClip({ id: 'free', url: 'https://free.example/', title: 'Free' }),
    ];
    const text = exportNetscapeBookmarks({ clips, highlights: [], collections: [] }, META).data as string;
    expect(text).not.toContain('javascript:');
    expect(text).toContain('\n    <DT><A HREF="https://free.example/"');
  });
});

describe('parseNetscapeBookmarks', () => {
  it('round-trips our export: the same urls, titles, tags, dates, excerpts and collections', () => {
    const bundle = makeBundle();
    const back = parsed(exportNetscapeBookmarks(bundle, META).data as string);
    const summary = (clips: typeof bundle.clips) =>
      clips
        .map((c) => ({ url: c.url, title: c.title, tags: c.tags, savedAt: c.savedAt, excerpt: c.excerpt }))
        .sort((a, b) => (a.url < b.url ? -1 : 1));
    expect(summary(back.bundle.clips)).toEqual(summary(bundle.clips));
    expect(back.bundle.collections).toHaveLength(1);
    const [collection] = back.bundle.collections;
    expect(collection!.name).toBe('Reading list');
    expect(collection!.description).toBe('Things to read, "soon"');
    const urls = collection!.items.map((item) => back.bundle.clips.find((c) => c.id === item.id)!.url);
    expect(urls).toEqual(['https://example.org/a?b=1&c=2', 'https://dots.example/posts/fast-response.html']);
    expect(back.bundle.highlights).toEqual([]);
    expect(back.warnings).toEqual([]);
  });

  it('reads a Chrome export: entities decoded, nested folders as paths, browser folders left out, bookmarklets skipped', () => {
    const { bundle, warnings } = parsed(CHROME_EXPORT);
    expect(bundle.clips.map((c) => [c.url, c.title, c.savedAt])).toEqual([
      ['https://example.com/a?x=1&y=2', 'Tom & Jerry – "cartoons" 😀', 1_700_000_100_000],
      ['https://example.com/paper', 'A paper', 1_700_000_250_000],
      ['https://example.com/ethics', 'Ethics', 1_700_000_270_000],
      ['https://example.com/loose', 'Loose', 1_700_000_600_000],
    ]);
    expect(bundle.collections.map((c) => [c.name, c.items.length, c.createdAt])).toEqual([
      ['Research', 1, 1_700_000_200_000],
      ['Research / AI & ethics', 1, 1_700_000_260_000],
    ]);
    expect(warnings).toEqual(['Left out 1 bookmark that is not a web page (javascript:).']);
    const clip = bundle.clips[0]!;
    expect(clip).toMatchObject({ text: '', html: '', wordCount: 0, source: 'body', siteName: 'example.com', author: null, tags: [] });
    expect(clip.aliases).toEqual(['https://example.com/a?x=1&y=2']);
  });

  it('reads a Firefox export: lower-case tags, TAGS, descriptions, repeated pages merged, odd dates', () => {
    const { bundle, warnings } = parsed(FIREFOX_EXPORT);
    expect(bundle.clips.map((c) => [c.url, c.title, c.tags, c.excerpt, c.savedAt])).toEqual([
      [
        'https://blog.example/post',
        'A post',
        ['essays', 'long reads', 'favourite'],
        'An essay about things, over two lines.',
        1_600_000_300_000,
      ],
      ['https://other.example/', 'Millisecond date', [], '', 1_600_000_500_000],
      ['HTTPS://Case.Example/Path', 'No date', [], '', 5_000_000],
    ]);
    expect(bundle.clips[2]!.canonicalUrl).toBe('https://case.example/Path');
    expect(bundle.collections).toEqual([
      {
        id: 'id-4', // collections get their ids after every clip
        name: 'Reading',
        description: 'Things to read <soon>',
        items: [{ type: 'clip', id: 'id-1' }],
        createdAt: 1_600_000_100_000,
        updatedAt: 1_600_000_200_000,
      },
    ]);
    expect(warnings).toEqual([
      'Left out 1 bookmark that is not a web page (place:).',
      '1 bookmark was a repeat of a page already in the file and merged into it.',
    ]);
  });

  it('tolerates unclosed tags and stray angle brackets', () => {
    const { bundle } = parsed(
      '<DL><DT><A HREF="https://a.example/">First <b>bold</b> < 3\n<DT><A HREF=https://b.example/ TAGS=x>Second</DL>',
    );
    expect(bundle.clips.map((c) => [c.url, c.title, c.tags])).toEqual([
      ['https://a.example/', 'First bold < 3', []],
      ['https://b.example/', 'Second', ['x']],
    ]);
  });

  it('refuses files without bookmarks, or with none that is a web page, saying so', () => {
    const none = parseNetscapeBookmarks('<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p><DT><H3>Empty</H3><DL><p></DL><p></DL>');
    expect(!none.ok && [none.error.code, none.error.message]).toEqual([
      'no-bookmarks',
      'No bookmarks found: this file has no <A HREF="…"> links. Export your bookmarks from the browser as an HTML file and choose that file.',
    ]);
    const scripts = parseNetscapeBookmarks('<DL><DT><A HREF="javascript:void(0)">x</A><DT><A HREF="data:text/html,hi">y</A></DL>');
    expect(!scripts.ok && scripts.error.message).toBe(
      'None of the 2 bookmarks in this file is a web page (they are javascript:, data: addresses), so there is nothing to import.',
    );
    const json = parseNetscapeBookmarks('{"format": "crisscross"}');
    expect(!json.ok && json.error.code).toBe('wrong-format');
    const empty = parseNetscapeBookmarks('');
    expect(!empty.ok && empty.error.code).toBe('empty');
    const large = parseNetscapeBookmarks('x'.repeat(11), { maxChars: 10 });
    expect(!large.ok && large.error.code).toBe('too-large');
  });

  it('keeps clip ids unique when the same page is in several folders', () => {
    const text = `<DL><DT><H3>A</H3><DL><DT><A HREF="https://x.example/">X</A></DL><DT><H3>B</H3><DL><DT><A HREF="https://x.example/#top">X again</A></DL></DL>`;
    const { bundle } = parsed(text);
    expect(bundle.clips.map((c) => c.id)).toEqual(['id-1']);
    expect(bundle.collections.map((c) => [c.name, c.items])).toEqual([
      ['A', [{ type: 'clip', id: 'id-1' }]],
      ['B', [{ type: 'clip', id: 'id-1' }]],
    ]);
    expect(bundle.clips[0]!.id).not.toBe(CLIP_ID_FAST);
  });
});

describe('the HTML helpers', () => {
  it('decode character references', () => {
    expect(decodeHtmlEntities('&lt;a&gt; &amp;amp; &quot;q&quot; &#39;s&#x27; &#128512; &hellip; &AMP; &nbsp;|&bogus; &#0; AT&T')).toBe(
      '<a> &amp; "q" \'s\' 😀 … & \u00A0|&bogus; \uFFFD AT&T',
    );
  });

  it('split tags and text, skipping comments and script content', () => {
    const tokens = [...htmlTokens('<!-- c --><A HREF="x>y" id=\'z\'>t</A><script>var a = "<A>";</script>end')];
    expect(tokens).toEqual([
      {
        kind: 'tag',
        name: 'a',
        closing: false,
        attributes: new Map([
          ['href', 'x>y'],
          ['id', 'z'],
        ]),
      },
      { kind: 'text', text: 't' },
      { kind: 'tag', name: 'a', closing: true, attributes: new Map() },
      { kind: 'tag', name: 'script', closing: false, attributes: new Map() },
      { kind: 'tag', name: 'script', closing: true, attributes: new Map() },
      { kind: 'text', text: 'end' },
    ]);
  });
});
