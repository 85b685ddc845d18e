// Reads the text of a JSON import file: size and emptiness first, HTML sent by mistake, then syntax errors with their line and column.
import { ImportError, type ReadOptions } from './import-result';

/**
 * Largest import file read: 500 MiB, in UTF-16 code units (about characters) of the text, and in
 * bytes of the file (a UTF-8 file never has fewer bytes than characters). The worker puts the parts
 * it receives together into one string for the parser, and V8 refuses strings above about 512 Mi
 * code units, so this is near the most that can be read at all; the 100,000-item benchmark library
 * exports to about 430 MB. Checked before parsing (and while the parts arrive) so a huge file is
 * refused at once instead of freezing the worker.
 */
export const MAX_IMPORT_CHARS = 500 * 1024 * 1024;

/** Refuses text that is too large or empty; returns it without a byte order mark otherwise. */
export function checkImportText(text: string, options: ReadOptions = {}): { ok: true; text: string } | { ok: false; error: ImportError } {
  const maxChars = options.maxChars ?? MAX_IMPORT_CHARS;
  if (text.length > maxChars) {
    const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
    return {
      ok: false,
      error: new ImportError('too-large', `The file is too large to import (${mb(text.length)}; the limit is ${mb(maxChars)}).`),
    };
  }
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!withoutBom.trim()) return { ok: false, error: new ImportError('empty', 'The file is empty.') };
  return { ok: true, text: withoutBom };
}

/**
 * Parses JSON import text, or explains why it is not JSON: HTML (a common mix-up with the HTML and
 * bookmark exports) is named as such, and a syntax error gets its line and column.
 */
export function readJsonText(text: string, options: ReadOptions = {}): { ok: true; value: unknown } | { ok: false; error: ImportError } {
  const checked = checkImportText(text, options);
  if (!checked.ok) return checked;
  const body = checked.text;
  if (body.trimStart().startsWith('<')) {
    const hint = /NETSCAPE-Bookmark-file/i.test(body.slice(0, 2048))
      ? ' It looks like a bookmarks file: import it as bookmarks instead.'
      : ' Choose the .json file Crisscross exported.';
    return { ok: false, error: new ImportError('html-not-json', `This file is HTML (it starts with "<"), not JSON.${hint}`) };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    // Engines word JSON errors differently and V8 often gives no position, so find it ourselves.
    const found = locateJsonError(body);
    const where = found ? ` at ${lineAndColumn(body, found.offset)}: ${found.problem}` : `: ${(error as Error).message}`;
    return { ok: false, error: new ImportError('not-json', `The file is not valid JSON${where}.`) };
  }
}

/** "line L, column C" (both from 1) of an offset, for messages. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after-value';

/**
 * Finds the first syntax error in text that `JSON.parse` refused: its offset and what was expected
 * there. A small iterative scanner (no recursion, so deep nesting cannot overflow the stack) that
 * checks the grammar without building values. Null if it finds no error.
 */
export function locateJsonError(text: string): SyntaxProblem | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (problem: string): SyntaxProblem => ({ offset: i, problem });
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) return expect === 'after-value' && stack.length === 0 ? null : fail('the file ends too early');
    const ch = text[i]!;
    const close = stack.at(-1) === '{' ? '}' : ']';
    if ((expect === 'value-or-close' && ch === ']') || (expect === 'key-or-close' && ch === '}')) {
      stack.pop();
      i++;
      expect = 'after-value';
      continue;
    }
    if (expect === 'value' || expect === 'value-or-close') {
      if (ch === '{' || ch === '[') {
        stack.push(ch);
        i++;
        expect = ch === '{' ? 'key-or-close' : 'value-or-close';
        continue;
      }
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'after-value';
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (ch !== '"') return fail('expected a property name in double quotes');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
      if (text[i] !== ':') return fail("expected ':' after the property name");
      i++;
      expect = 'value';
    } else {
      if (stack.length === 0) return fail('unexpected text after the end of the data');
      if (ch === ',') {
        i++;
        expect = stack.at(-1) === '{' ? 'key' : 'value';
      } else if (ch === close) {
        stack.pop();
        i++;
      } else {
        return fail(`expected ',' or '${close}'`);
      }
    }
  }
}

/** Where scanning stopped and why. */
interface SyntaxProblem {
  offset: number;
  problem: string;
}

/** Scans a string, number or literal at `start`; returns the offset after it, or what is wrong. */
function scanScalar(text: string, start: number): number | SyntaxProblem {
  const ch = text[start]!;
  if (ch === '"') return scanString(text, start);
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
  }
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  number.lastIndex = start;
  if (number.test(text)) return number.lastIndex;
  return { offset: start, problem: `unexpected character ${JSON.stringify(ch)} where a value should be` };
}

/** Scans a double-quoted string at `start`; returns the offset after its closing quote, or what is wrong. */
function scanString(text: string, start: number): number | SyntaxProblem {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, problem: 'a line break or control character inside a string (write it as \\n)' };
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
      else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 1;
      else return { offset: i, problem: 'an invalid escape sequence inside a string' };
    }
  }
  return { offset: start, problem: 'a string that is never closed' };
}
