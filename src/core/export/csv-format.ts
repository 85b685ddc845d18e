// Writes the CSV export of highlights: RFC 4180 quoting, CRLF lines, a UTF-8 byte order mark, and no cell a spreadsheet would run as a formula.
import { compareIds, isoDay, isoTime, type ExportBundle, type ExportFile, type ExportMeta } from './library-data';

/** The columns, in order; the first row of the file. */
export const CSV_COLUMNS = ['text', 'note', 'title', 'author', 'url', 'tags', 'date'] as const;

// Cells starting with these are formulas to Excel, LibreOffice and Google Sheets, which a crafted
// page text could use to run commands or leak data (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: a leading formula character gets a single quote in front, as OWASP advises (so
 * spreadsheets show it as text; a note of "-5" reads "'-5"), then the cell is quoted (quotes
 * doubled) when it holds a comma, quote or line break, per RFC 4180.
 */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Every highlight as a CSV row (text, note, page title, author, page address, tags joined with
 * ", ", creation time in ISO 8601), oldest first. Lines end in CRLF as RFC 4180 says, and the text
 * starts with a byte order mark, without which Excel reads UTF-8 as the system code page.
 */
export function exportHighlightsCsv(bundle: ExportBundle, meta: ExportMeta): ExportFile {
  const clips = new Map(bundle.clips.map((clip) => [clip.id, clip]));
  const highlights = [...bundle.highlights].sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const highlight of highlights) {
    const clip = clips.get(highlight.clipId);
    rows.push([
      highlight.text,
      highlight.note,
      clip?.title || highlight.pageTitle,
      clip?.author ?? '',
      highlight.pageUrl,
      highlight.tags.join(', '),
      isoTime(highlight.createdAt),
    ]);
  }
  const csv = rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
  return { fileName: `crisscross-highlights-${isoDay(meta.exportedAt)}.csv`, mimeType: 'text/csv', data: `\uFEFF${csv}` };
}
