// Writes plain text into Markdown so it reads back as the same text, in CommonMark, Obsidian and Logseq alike.

/**
 * One line of plain text, escaped so no Markdown reader turns it into markup: emphasis, links,
 * wikilinks, tags (`#word`), inline HTML, code, math (`$`), highlights (`==`), comments (`%%`),
 * Logseq properties (`key::`) and macros (`{{`), list and heading markers at the start. Every
 * escape is a backslash before ASCII punctuation, which CommonMark defines as the literal character.
 * Leading spaces are dropped because four of them would start a code block.
 */
export function escapeMarkdownLine(line: string): string {
  let out = line
    .trim()
    .replace(/[\\`*[\]<>#|~$]/g, '\\$&')
    // Underscores inside words never emphasize (snake_case stays readable); at word edges they might.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
    .replace(/=(?==)/g, '\\=')
    .replace(/%(?=%)/g, '\\%')
    .replace(/:(?=:)/g, '\\:')
    .replace(/\{(?=\{)/g, '\\{')
    .replace(/\((?=\()/g, '\\(');
  // Markers that mean something only at the start of a line: lists, numbered lists, rules and underlines.
  out = out.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  if (/^[-=]+$/.test(out)) out = `\\${out}`;
  return out;
}

/** Plain text as Markdown paragraphs: each line escaped, blank lines between paragraphs kept (at most one). */
export function markdownParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(escapeMarkdownLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Plain text as one Markdown blockquote: every line, blank ones included, starts with ">", so a
 * quote of several paragraphs stays one quote and text after it never continues it by accident.
 */
export function markdownBlockquote(text: string): string {
  return markdownParagraphs(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/**
 * A tag as Obsidian and Logseq accept it in `#tag` and `tags:`: spaces become "-", and only letters,
 * digits, marks, emoji, "_", "-" and "/" (nesting) remain, since any other character ends a tag there.
 * Empty when nothing usable is left.
 */
export function markdownTag(tag: string): string {
  return (
    tag
      .trim()
      .replace(/\s+/g, '-')
      // The joiner is kept outside the class: emoji sequences need it (variation selectors are marks, \p{M}).
      .replace(/(?!\u200D)[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}_/-]/gu, '')
  );
}
