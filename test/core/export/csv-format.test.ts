// The CSV export of highlights: RFC 4180 quoting, CRLF, a byte order mark, and the OWASP guard against formula injection.
import { describe, expect, it } from 'vitest';
import { csvCell, exportHighlightsCsv } from '../../../src/core/export/csv-format';
import { makeBundle, makeHighlight, META } from './fixtures';

/** A strict RFC 4180 reader: records end in CRLF, quoted fields may hold anything with quotes doubled. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unclosed quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`unquoted field holds ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length) throw new Error('last record does not end in CRLF');
  return rows;
}

describe('csvCell', () => {
  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell('')).toBe('');
  });

  it('puts a single quote before cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvCell('a=1')).toBe('a=1');
  });
});

describe('exportHighlightsCsv', () => {
  it('starts with a byte order mark and a header, and ends every record with CRLF', () => {
    const file = exportHighlightsCsv(makeBundle(), META);
    expect(file.fileName).toBe('crisscross-highlights-2024-05-01.csv');
    expect(file.mimeType).toBe('text/csv');
    const text = file.data as string;
    expect(text.startsWith('\uFEFFtext,note,title,author,url,tags,date\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\r')).toBe(false);
  });

  it('writes one row per highlight, oldest first, that reads back field for field', () => {
    const rows = readCsv((exportHighlightsCsv(makeBundle(), META).data as string).slice(1));
    expect(rows).toEqual([
      ['text', 'note', 'title', 'author', 'url', 'tags', 'date'],
      [
        'Fast response is the new normal.',
        '',
        'Fast response is the new normal in customer service',
        'The Curator',
        'https://dots.example/posts/fast-response.html',
        '',
        '2024-04-20T08:02:00.000Z',
      ],
      [
        'Poor attention.',
        'She said "fast", then: wait,\nsecond line 🎉',
        'Fast response is the new normal in customer service',
        'The Curator',
        'https://dots.example/posts/fast-response.html',
        'customer service, speed',
        '2024-04-20T08:03:00.000Z',
      ],
      [
        'Party 🎉 time',
        '\'=HYPERLINK("http://evil.example","click")',
        'He said "hi": <script>alert("x")</script> & left',
        '',
        'https://example.org/a?b=1&c=2',
        "'+1, fun",
        '2024-04-20T09:01:40.000Z',
      ],
    ]);
  });

  it('uses the highlight’s own page title when its clip is not in the bundle', () => {
    const orphan = makeHighlight({ clipId: 'gone', pageTitle: '-gone, page' });
    const rows = readCsv((exportHighlightsCsv({ clips: [], highlights: [orphan], collections: [] }, META).data as string).slice(1));
    expect(rows[1]![2]).toBe("'-gone, page");
  });

  it('writes only the header for a library without highlights', () => {
    expect(exportHighlightsCsv({ clips: [], highlights: [], collections: [] }, META).data).toBe(
      '\uFEFFtext,note,title,author,url,tags,date\r\n',
    );
  });
});
