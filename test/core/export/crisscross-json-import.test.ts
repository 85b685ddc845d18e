// Importing Crisscross JSON: every kind of bad file is refused with a message that names the problem and where it is.
import { describe, expect, it } from 'vitest';
import { exportCrisscrossJson } from '../../../src/core/export/crisscross-json';
import { parseCrisscrossJson } from '../../../src/core/export/crisscross-json-import';
import type { ImportErrorCode } from '../../../src/core/export/import-result';
import { locateJsonError } from '../../../src/core/export/json-text';
import { makeBundle, META } from './fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exportedData(): Json {
  return JSON.parse(exportCrisscrossJson(makeBundle(), META).data as string) as Json;
}

/** The error of parsing `text`, failing the test if it parses. */
function errorOf(text: string, options = {}) {
  const result = parseCrisscrossJson(text, options);
  if (result.ok) throw new Error(`expected an error for ${text.slice(0, 80)}`);
  return result.error;
}

function errorAfter(change: (data: Json) => void) {
  const data = exportedData();
  change(data);
  return errorOf(JSON.stringify(data));
}

function expectError(
  error: { code: ImportErrorCode; message: string; path: string | null },
  code: ImportErrorCode,
  message: string,
  path: string | null,
) {
  expect({ code: error.code, message: error.message, path: error.path }).toEqual({ code, message, path });
}

describe('parseCrisscrossJson', () => {
  it('accepts its own export, with or without a byte order mark', () => {
    const text = exportCrisscrossJson(makeBundle(), META).data as string;
    expect(parseCrisscrossJson(text).ok).toBe(true);
    expect(parseCrisscrossJson(`\uFEFF${text}`).ok).toBe(true);
  });

  it('returns the clip HTML exactly as found: it is untrusted and the caller sanitizes it again', () => {
    const result = parseCrisscrossJson(exportCrisscrossJson(makeBundle(), META).data as string);
    expect(result.ok && result.value.bundle.clips.map((c) => c.html)).toContain('<p>Party 🎉 time</p><img src=x onerror=alert(1)>');
  });

  it('refuses bad JSON, giving the line and column', () => {
    expectError(
      errorOf('{\n  "format": "crisscross",\n  "clips": [}\n}'),
      'not-json',
      'The file is not valid JSON at line 3, column 13: unexpected character "}" where a value should be.',
      null,
    );
    expectError(
      errorOf('{"format": "crisscross"'),
      'not-json',
      'The file is not valid JSON at line 1, column 24: the file ends too early.',
      null,
    );
  });

  it('refuses HTML where JSON should be, and recognises a bookmarks file', () => {
    expect(errorOf('<!DOCTYPE html>\n<html><body>Crisscross library</body></html>').message).toBe(
      'This file is HTML (it starts with "<"), not JSON. Choose the .json file Crisscross exported.',
    );
    const bookmarks = errorOf('  <!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://a.example">A</A></DL>');
    expect(bookmarks.code).toBe('html-not-json');
    expect(bookmarks.message).toMatch(/It looks like a bookmarks file: import it as bookmarks instead\.$/);
  });

  it('refuses a file over the size limit before reading it', () => {
    expectError(
      errorOf('x'.repeat(2 * 1024 * 1024 + 1), { maxChars: 2 * 1024 * 1024 }),
      'too-large',
      'The file is too large to import (3 MB; the limit is 2 MB).',
      null,
    );
  });

  it('refuses an empty file', () => {
    expectError(errorOf(' \n\t'), 'empty', 'The file is empty.', null);
  });

  it('refuses JSON that is not a Crisscross export, and points to the annotations import for W3C files', () => {
    expectError(
      errorOf('[1, 2]'),
      'wrong-format',
      'This is JSON, but not a Crisscross export: expected an object with "format": "crisscross".',
      null,
    );
    expectError(
      errorOf('{"format": "pocket"}'),
      'wrong-format',
      'This is JSON, but not a Crisscross export ("format" is "pocket", expected "crisscross").',
      null,
    );
    expect(errorOf('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}').message).toMatch(
      /\("format" is missing, expected "crisscross"\)\. It looks like W3C Web Annotations: import it as annotations instead\.$/,
    );
  });

  it('refuses other format versions, telling newer apart from unknown', () => {
    expectError(
      errorAfter((d) => (d.version = 2)),
      'unsupported-version',
      'This export was made by a newer Crisscross (format version 2); this version reads version 1. Update Crisscross and try again.',
      null,
    );
    expect(errorAfter((d) => (d.version = '1')).message).toBe('Unknown format version "1"; this version of Crisscross reads version 1.');
    expect(errorAfter((d) => delete d.version).message).toBe(
      'Unknown format version (missing); this version of Crisscross reads version 1.',
    );
  });

  it('refuses javascript: and data: addresses anywhere, as unsafe', () => {
    expectError(
      errorAfter((d) => (d.clips[1].url = 'javascript:alert(document.cookie)')),
      'unsafe-url',
      'clips[1].url: "javascript:" addresses are not allowed (only http, https and file)',
      'clips[1].url',
    );
    expectError(
      errorAfter((d) => d.clips[0].aliases.push('data:text/html,<script>alert(1)</script>')),
      'unsafe-url',
      'clips[0].aliases[1]: "data:" addresses are not allowed (only http, https and file)',
      'clips[0].aliases[1]',
    );
    expect(errorAfter((d) => (d.highlights[2].pageUrl = ' JavaScript:alert(1)')).code).toBe('unsafe-url');
  });

  it('refuses addresses that are not URLs', () => {
    expectError(
      errorAfter((d) => (d.clips[0].url = 'not a url')),
      'invalid-data',
      'clips[0].url: Invalid URL',
      'clips[0].url',
    );
    expect(errorAfter((d) => (d.clips[0].canonicalUrl = 'https://')).message).toBe('clips[0].canonicalUrl: Invalid URL');
  });

  it('refuses wrong types, naming the field and what was expected', () => {
    expectError(
      errorAfter((d) => (d.highlights[0].createdAt = 'yesterday')),
      'invalid-data',
      'highlights[0].createdAt: Invalid input: expected number, received string',
      'highlights[0].createdAt',
    );
    expect(errorAfter((d) => (d.clips[0].tags = 'a, b')).message).toBe('clips[0].tags: Invalid input: expected array, received string');
    expect(errorAfter((d) => (d.highlights[1].color = 'red')).message).toBe(
      'highlights[1].color: Invalid option: expected one of "yellow"|"green"|"blue"|"pink"|"purple"',
    );
    expect(errorAfter((d) => (d.clips[0].publishedAt = 'last Tuesday')).message).toBe(
      'clips[0].publishedAt: Expected an ISO 8601 date or date-time',
    );
    expect(errorAfter((d) => (d.collections[0].items[0].type = 'page')).path).toBe('collections[0].items[0].type');
    expect(errorAfter((d) => (d.highlights[0].selectors.position.start = -3)).message).toBe(
      'highlights[0].selectors.position.start: Too small: expected number to be >=0',
    );
  });

  it('refuses unknown fields and missing ones', () => {
    expect(errorAfter((d) => (d.clips[0].script = '<script>')).message).toBe('clips[0]: Unrecognized key: "script"');
    expect(errorAfter((d) => delete d.highlights[0].selectors).message).toBe(
      'highlights[0].selectors: Invalid input: expected object, received undefined',
    );
  });

  it('refuses oversized fields', () => {
    expect(errorAfter((d) => (d.clips[0].title = 'x'.repeat(501))).message).toBe(
      'clips[0].title: Too big: expected string to have <=500 characters',
    );
    expect(errorAfter((d) => (d.highlights[0].note = 'x'.repeat(20_001))).message).toBe(
      'highlights[0].note: Too big: expected string to have <=20000 characters',
    );
  });

  it('names the first three problems and counts the rest', () => {
    const error = errorAfter((d) => {
      for (const clip of d.clips) clip.wordCount = -1;
      for (const highlight of d.highlights) highlight.note = null;
    });
    expect(error.message).toBe(
      'clips[0].wordCount: Too small: expected number to be >=0; clips[1].wordCount: Too small: expected number to be >=0; highlights[0].note: Invalid input: expected string, received null; and 2 more problems',
    );
  });

  it('refuses two items with one id', () => {
    expectError(
      errorAfter((d) => (d.highlights[2].id = d.highlights[0].id)),
      'duplicate-id',
      `highlights[2].id: Duplicate id "${exportedData().highlights[0].id}" (also highlights[0].id)`,
      'highlights[2].id',
    );
  });
});

describe('locateJsonError', () => {
  it('finds where JSON goes wrong', () => {
    expect(locateJsonError('{"a": 1,}')).toEqual({ offset: 8, problem: 'expected a property name in double quotes' });
    expect(locateJsonError('{"a" 1}')).toEqual({ offset: 5, problem: "expected ':' after the property name" });
    expect(locateJsonError('[1 2]')).toEqual({ offset: 3, problem: "expected ',' or ']'" });
    expect(locateJsonError('{"a": "line\nbreak"}')).toEqual({
      offset: 11,
      problem: 'a line break or control character inside a string (write it as \\n)',
    });
    expect(locateJsonError('{"a": "\\x"}')).toEqual({ offset: 7, problem: 'an invalid escape sequence inside a string' });
    expect(locateJsonError('{"a": tru}')).toEqual({ offset: 6, problem: 'unexpected character "t" where a value should be' });
    expect(locateJsonError('{} {}')).toEqual({ offset: 3, problem: 'unexpected text after the end of the data' });
    expect(locateJsonError('"never closed')).toEqual({ offset: 0, problem: 'a string that is never closed' });
  });

  it('finds nothing wrong in valid JSON, however deeply nested', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}', ' [] ', deep])
      expect(locateJsonError(text)).toBeNull();
  });
});
