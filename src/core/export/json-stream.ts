// Writes JSON exactly as `JSON.stringify(value, null, 2)` would, except that chosen arrays are written
// item by item: an export of a big library then never holds all its items, or all its text, at once.

const MARK = '\u0000streamed-array:';
// How a placeholder array looks in the pretty-printed template: `[`, the marker string alone on its line, `]`.
const PLACEHOLDER = /\[\n( *)"\\u0000streamed-array:([^"]*)"\n *\]/g;

/** A stand-in for an array whose items are written later with {@link StreamedJson.items}. */
export function streamedArray(name: string): unknown[] {
  return [`${MARK}${name}`];
}

interface OpenArray {
  name: string;
  /** The indentation of the array's items. */
  indent: string;
  /** The text after the array's closing bracket, up to the next streamed array's `[` (or the end). */
  after: string;
}

/**
 * A JSON document written in pieces: {@link start}, then for each streamed array (in document order)
 * any number of {@link items} calls and one {@link close}. The pieces joined are byte for byte what
 * `JSON.stringify(document, null, 2)` gives for the document with the arrays filled in. That holds
 * because the pretty printer indents every nested line by its depth and never breaks a line inside a
 * string: an item printed on its own, each line shifted by the array's indentation, is the same text.
 */
export class StreamedJson {
  private readonly head: string;
  private readonly arrays: OpenArray[] = [];
  private current = -1;
  private written = 0;

  /** `template` holds {@link streamedArray} placeholders where the big arrays go. */
  constructor(template: unknown) {
    const text = JSON.stringify(template, null, 2);
    let head: string | null = null;
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      const before = text.slice(last, match.index + 1);
      if (head === null) head = before;
      else this.arrays.at(-1)!.after = before;
      this.arrays.push({ name: match[2]!, indent: match[1]!, after: '' });
      last = match.index + match[0].length - 1;
    }
    if (head === null) head = text;
    else this.arrays.at(-1)!.after = text.slice(last);
    this.head = head;
  }

  /** The names of the streamed arrays, in the order they are written. */
  get names(): string[] {
    return this.arrays.map((array) => array.name);
  }

  /** The text up to and including the first streamed array's `[`. */
  start(): string {
    this.current = 0;
    this.written = 0;
    return this.head;
  }

  /** The text of more items of the array being written. */
  items(values: readonly unknown[]): string {
    const array = this.arrays[this.current];
    if (!array) throw new Error('No streamed array is open.');
    let out = '';
    for (const value of values) {
      // As in an array, a value JSON cannot hold (undefined, a function) is written as null.
      const text = (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${array.indent}`);
      out += `${this.written++ ? ',' : ''}\n${array.indent}${text}`;
    }
    return out;
  }

  /** Closes the array being written: the text up to the next streamed array's `[`, or to the end. */
  close(): string {
    const array = this.arrays[this.current];
    if (!array) throw new Error('No streamed array is open.');
    const closing = this.written ? `\n${array.indent.slice(2)}` : '';
    this.current++;
    this.written = 0;
    return `${closing}${array.after}`;
  }
}
