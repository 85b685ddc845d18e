// The Markdown export: safe unique file names, YAML front matter that reads back exactly, escaped text and multi-line quotes, all in a zip.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileNamer, safeFileStem } from '../../../src/core/export/file-names';
import { pagesOf } from '../../../src/core/export/library-data';
import { clipMarkdown, exportMarkdownZip } from '../../../src/core/export/markdown-format';
import { escapeMarkdownLine, markdownBlockquote, markdownTag } from '../../../src/core/export/markdown-text';
import { yamlString } from '../../../src/core/export/yaml';
import { CLIP_ID_FAST, CLIP_ID_TRICKY, makeBundle, makeClip, makeHighlight, META } from './fixtures';

/** Decodes one YAML scalar the way a YAML reader does, for the subset our writer uses; throws on anything else. */
function readScalar(source: string): string {
  if (!source.startsWith('"')) {
    if (/^[-?:,[\]{}#&*!|>'"%@`\s]|: | #|\s$/.test(source)) throw new Error(`unsafe plain scalar: ${source}`);
    return source;
  }
  let out = '';
  for (let i = 1; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"') {
      if (i !== source.length - 1) throw new Error(`text after the closing quote: ${source}`);
      return out;
    }
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = source[++i];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' };
    if (next !== undefined && simple[next] !== undefined) out += simple[next];
    else if (next === 'u') {
      out += String.fromCharCode(Number.parseInt(source.slice(i + 1, i + 5), 16));
      i += 4;
    } else throw new Error(`unknown escape \\${next}`);
  }
  throw new Error(`unclosed quote: ${source}`);
}

/** A tiny front matter reader: `key: scalar`, `key: []` and `key:` followed by `  - scalar` lines. */
function readFrontMatter(markdown: string): Record<string, string | string[]> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!block) throw new Error('no front matter');
  const data: Record<string, string | string[]> = {};
  let list: string[] | null = null;
  for (const line of block[1]!.split('\n')) {
    const item = /^ {2}- (.*)$/.exec(line);
    if (item && list) {
      list.push(readScalar(item[1]!));
      continue;
    }
    const field = /^([a-z]+):(?: (.*))?$/.exec(line);
    if (!field) throw new Error(`unreadable line: ${line}`);
    if (field[2] === undefined) data[field[1]!] = list = [];
    else {
      list = null;
      data[field[1]!] = field[2] === '[]' ? [] : readScalar(field[2]);
    }
  }
  return data;
}

function unzip(data: string | Uint8Array): Record<string, string> {
  const files = unzipSync(data as Uint8Array);
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('safeFileStem', () => {
  it('removes characters Windows, macOS, Linux or Obsidian links refuse', () => {
    expect(safeFileStem('What? A <guide>: "part 1/2" | notes*\\ #tag ^id [x]')).toBe('What A guide part 1 2 notes tag id x');
    expect(safeFileStem('tab\there\u0000nul\u001fend')).toBe('tab here nul end');
    expect(safeFileStem('evil\u202Etxt.exe')).toBe('evil txt.exe');
  });

  it('drops trailing dots and spaces and leading dots', () => {
    expect(safeFileStem('Ends with dots... ')).toBe('Ends with dots');
    expect(safeFileStem('..hidden')).toBe('hidden');
  });

  it('renames the device names Windows reserves, with or without extension, in any case', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'nul.tar'])
      expect(safeFileStem(name)).toBe(`${name}_`);
    for (const name of ['CONSOLE', 'COM10', 'LPT0', 'Nullable']) expect(safeFileStem(name)).toBe(name);
  });

  it('falls back when nothing is left', () => {
    expect(safeFileStem('???')).toBe('Untitled');
    expect(safeFileStem('', 'example.org')).toBe('example.org');
  });

  it('cuts long titles to 100 characters without splitting an emoji, and keeps every script', () => {
    const long = 'A'.repeat(99) + '👩‍👩‍👧‍👦 and more';
    const stem = safeFileStem(long);
    expect(stem).toBe(`${'A'.repeat(99)}👩‍👩‍👧‍👦`);
    expect(safeFileStem('Ünïcödé 日本語 🎉 — тест')).toBe('Ünïcödé 日本語 🎉 — тест');
    // 100 four-byte emoji would be 400 bytes, over Linux's 255: the byte limit cuts first.
    const emoji = safeFileStem('🎉'.repeat(150));
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(200);
    expect(emoji).toBe('🎉'.repeat(50));
  });
});

describe('FileNamer', () => {
  it('numbers duplicates, ignoring case and Unicode normalisation', () => {
    const namer = new FileNamer();
    expect(['Notes', 'notes', 'NOTES', 'Café', 'Cafe\u0301', 'CON'].map((title) => namer.nameFor(title, '.md'))).toEqual([
      'Notes.md',
      'notes (2).md',
      'NOTES (3).md',
      'Café.md',
      'Café (2).md',
      'CON_.md',
    ]);
  });
});

describe('FileNamer at scale', () => {
  it('names thousands of clips with one title quickly, and a title that looks numbered does not clash', () => {
    const namer = new FileNamer();
    expect(namer.nameFor('Page (2)', '.md')).toBe('Page (2).md');
    const started = performance.now();
    const names = Array.from({ length: 20_000 }, () => namer.nameFor('Page', '.md'));
    expect(performance.now() - started).toBeLessThan(5_000); // quadratic numbering took minutes
    expect(new Set(names).size).toBe(20_000);
    expect(names.slice(0, 3)).toEqual(['Page.md', 'Page (3).md', 'Page (4).md']);
  });
});

describe('yamlString', () => {
  it('leaves plain text plain and quotes anything a YAML reader could misread', () => {
    expect(yamlString('Fast response is the new normal')).toBe('Fast response is the new normal');
    const cases: [string, string][] = [
      ['key: value', '"key: value"'],
      ['He said "hi"', '"He said \\"hi\\""'],
      ['two\nlines', '"two\\nlines"'],
      ['- list?', '"- list?"'],
      ['#hashtag', '"#hashtag"'],
      ['yes', '"yes"'],
      ['No', '"No"'],
      ['null', '"null"'],
      ['2024', '"2024"'],
      ['@mention', '"@mention"'],
      ['back\\slash', '"back\\\\slash"'],
      ['trailing ', '"trailing "'],
      ['', '""'],
      ['bell\u0007 nel\u0085 ls\u2028', '"bell\\u0007 nel\\u0085 ls\\u2028"'],
      ['lone \uD800 surrogate', '"lone \uFFFD surrogate"'],
    ];
    for (const [value, yaml] of cases) expect(yamlString(value), value).toBe(yaml);
  });

  it('reads back as the same text', () => {
    for (const value of [
      'a: b',
      '"quoted"',
      "it's",
      'tab\there',
      '🎉 party',
      '[not] {a} list, & *star',
      'C:\\path',
      '  padded  ',
      '% 50',
      '> quote',
    ]) {
      expect(readScalar(yamlString(value))).toBe(value);
    }
  });
});

describe('Markdown text', () => {
  it('escapes what Markdown, Obsidian or Logseq would read as markup', () => {
    expect(escapeMarkdownLine('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdownLine('*now* with [links], <b>tags</b>, `code`, $5 and #tag')).toBe(
      '\\*now\\* with \\[links\\], \\<b\\>tags\\</b\\>, \\`code\\`, \\$5 and \\#tag',
    );
    expect(escapeMarkdownLine('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdownLine('1. not numbered')).toBe('1\\. not numbered');
    expect(escapeMarkdownLine('---')).toBe('\\---');
    expect(escapeMarkdownLine('==mark== %%comment%% key:: value {{macro}} ((ref)) &amp;')).toBe(
      '\\==mark\\== \\%%comment\\%% key\\:: value \\{{macro}} \\((ref)) \\&amp;',
    );
    expect(escapeMarkdownLine('snake_case stays, _emphasis_ does not')).toBe('snake_case stays, \\_emphasis\\_ does not');
    expect(escapeMarkdownLine('    indented code')).toBe('indented code');
  });

  it('quotes every line of a multi-line passage, blank lines included', () => {
    expect(markdownBlockquote('First line\nsecond *line*\n\nNew paragraph')).toBe('> First line\n> second \\*line\\*\n>\n> New paragraph');
  });

  it('turns tags into ones Obsidian and Logseq accept', () => {
    expect(['social media', '#ai', 'c++', 'a/b', '🎉 fun', '!!!'].map(markdownTag)).toEqual([
      'social-media',
      'ai',
      'c',
      'a/b',
      '🎉-fun',
      '',
    ]);
  });
});

describe('exportMarkdownZip', () => {
  it('writes one note per clip, named after its title, in a dated zip', () => {
    const file = exportMarkdownZip(makeBundle(), META);
    expect(file.fileName).toBe('crisscross-markdown-2024-05-01.zip');
    expect(file.mimeType).toBe('application/zip');
    expect(Object.keys(unzip(file.data)).sort()).toEqual([
      'Fast response is the new normal in customer service.md',
      'He said hi script alert( x ) script & left.md',
    ]);
  });

  it('writes front matter that reads back as the clip’s metadata', () => {
    const files = unzip(exportMarkdownZip(makeBundle(), META).data);
    expect(readFrontMatter(files['Fast response is the new normal in customer service.md']!)).toEqual({
      title: 'Fast response is the new normal in customer service',
      url: 'https://dots.example/posts/fast-response.html',
      author: 'The Curator',
      site: 'Connecting the Dots',
      published: '2011-07-21T09:00:00.000Z',
      saved: '2024-04-20T08:00:00.000Z',
      updated: '2024-04-20T08:01:00.000Z',
      tags: ['social-media', 'service'],
      collections: ['Reading list'],
    });
    expect(readFrontMatter(files['He said hi script alert( x ) script & left.md']!)).toEqual({
      title: 'He said "hi": <script>alert("x")</script> & left',
      url: 'https://example.org/a?b=1&c=2',
      site: 'Example',
      saved: '2024-04-20T09:00:00.000Z',
      updated: '2024-04-20T09:00:00.000Z',
      tags: [],
      collections: ['Reading list'],
    });
  });

  it('writes the text, then each highlight as a quote with its note and tags', () => {
    const [fast] = pagesOf(makeBundle()).filter((page) => page.clip.id === CLIP_ID_FAST);
    const body = clipMarkdown(fast!).split('---\n').slice(2).join('---\n');
    expect(body).toBe(
      [
        '',
        'Do you know what kind of service drives people crazy? Poor attention.',
        '',
        'Fast response is the new normal. Customers expect an answer within the hour.',
        '',
        '## Highlights',
        '',
        '> Poor attention.',
        '',
        '**Note:** She said "fast", then: wait,',
        'second line 🎉',
        '',
        '**Tags:** #customer-service #speed',
        '',
        '---',
        '',
        '> Fast response is the new normal.',
        '',
      ].join('\n'),
    );
  });

  it('escapes the article text so it is not read as Markdown', () => {
    const [tricky] = pagesOf(makeBundle()).filter((page) => page.clip.id === CLIP_ID_TRICKY);
    const markdown = clipMarkdown(tricky!);
    expect(markdown).toContain(
      '\\# Not a heading\n\nParty 🎉 time is \\*now\\*, with \\[links\\] and \\<b\\>tags\\</b\\>.\n\\- not a list',
    );
    expect(markdown).toContain('> Party 🎉 time\n\n**Note:** =HYPERLINK("http://evil.example","click")\n\n**Tags:** #1 #fun');
  });

  it('names clips with reserved, duplicate, long or emoji titles safely and uniquely', () => {
    const titles = ['CON', 'Same title', 'Same title', 'same TITLE', '🎉'.repeat(120), 'x'.repeat(300), ''];
    const clips = titles.map((title, i) => makeClip({ id: `clip-${i}`, title, url: `https://site${i}.example/p`, savedAt: 1e12 - i }));
    const names = Object.keys(unzip(exportMarkdownZip({ clips, highlights: [], collections: [] }, META).data));
    expect(names).toEqual([
      'CON_.md',
      'Same title.md',
      'Same title (2).md',
      'same TITLE (3).md',
      `${'🎉'.repeat(50)}.md`,
      `${'x'.repeat(100)}.md`,
      'site6.example.md',
    ]);
  });

  it('gives highlights whose clip is missing a note of their own page', () => {
    const orphan = makeHighlight({ clipId: 'gone', pageUrl: 'https://gone.example/post', pageTitle: 'Gone: a post' });
    const files = unzip(exportMarkdownZip({ clips: [], highlights: [orphan], collections: [] }, META).data);
    expect(Object.keys(files)).toEqual(['Gone a post.md']);
    expect(readFrontMatter(files['Gone a post.md']!).title).toBe('Gone: a post');
    expect(files['Gone a post.md']).toContain('## Highlights\n\n> Fast response is the new normal.');
  });

  it('gives the same bytes for the same bundle', () => {
    expect(exportMarkdownZip(makeBundle(), META).data).toEqual(exportMarkdownZip(makeBundle(), META).data);
  });
});
