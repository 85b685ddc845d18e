// Writes YAML front matter values: plain when a reader cannot misread them, double-quoted and escaped otherwise.

// Words YAML 1.1 readers (still common in note apps) turn into booleans or null when left unquoted.
const RESERVED_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null']);

// A plain scalar that starts with a letter and holds no character with a meaning in YAML
// (": ", " #", quotes, brackets, braces, "|", ">", "*", "&" at the start…) reads back as itself.
const PLAIN_SAFE = /^\p{L}[\p{L}\p{M}\p{N} _.,'()!?/+-]*$/u;

/**
 * A YAML scalar for `value`. Unambiguous text stays plain (`title: Fast response`); anything else
 * is double-quoted with `\"`, `\\`, `\n`, `\t` and `\uXXXX` escapes, which every YAML 1.1 and 1.2
 * reader understands. Characters YAML may not contain raw (controls, U+FEFF, U+FFFE/FFFF) and line
 * separators YAML 1.1 would fold are escaped; unpaired surrogates, which YAML cannot represent at
 * all, become U+FFFD.
 */
export function yamlString(value: string): string {
  if (PLAIN_SAFE.test(value) && !value.endsWith(' ') && !RESERVED_WORDS.has(value.toLowerCase())) return value;
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else if (mustEscape(code)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

function mustEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/** A `key: value` line, or nothing when there is no value, so absent data is absent rather than an empty string. */
export function yamlField(key: string, value: string | null | undefined): string[] {
  return value ? [`${key}: ${yamlString(value)}`] : [];
}

/** A `key:` line followed by one `  - item` line per value; `key: []` when there are none. */
export function yamlList(key: string, values: readonly string[]): string[] {
  if (values.length === 0) return [`${key}: []`];
  return [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)];
}

/** A front matter block (between `---` lines) from prepared lines. */
export function frontMatter(lines: readonly string[]): string {
  return `---\n${lines.join('\n')}\n---\n`;
}
