// Turns article HTML into clean text: one paragraph per block, blank lines between blocks.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'BODY',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS']);

export interface TextOptions {
  /** Stop after this many characters of text: the walk is bounded however big the page. */
  maxChars?: number;
  /** Elements whose subtree is left out (navigation, sidebars…). */
  skipElement?: (element: Element) => boolean;
}

/** Text of a DOM subtree with paragraph structure kept, and whether it stopped at `maxChars`. */
export function nodeToText(root: Node, { maxChars = Infinity, skipElement }: TextOptions = {}): { text: string; reachedLimit: boolean } {
  const blocks: string[] = [];
  let current = '';
  let kept = 0;
  const flush = () => {
    const block = current.replace(/[ \t\f\r\n\u00a0]+/g, ' ').trim();
    if (block) blocks.push(block);
    current = '';
  };
  // An explicit stack, not recursion: hostile pages nest tens of thousands of elements deep.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0 && kept < maxChars) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      const part = (node.nodeValue ?? '').slice(0, maxChars - kept);
      current += part;
      kept += part.length;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIPPED_TAGS.has(tag) || (tag && !exit && skipElement?.(node as Element))) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (exit) {
      if (isBlock) flush();
      continue;
    }
    if (isBlock) flush();
    stack.push({ node, exit: true });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  flush();
  // Paragraph breaks add characters, so the joined text is cut to the limit again.
  return { text: blocks.join('\n\n').slice(0, maxChars), reachedLimit: kept >= maxChars };
}

/** Counts words; CJK characters count one word each since those scripts do not separate words with spaces. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words =
    text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
  return cjk + words;
}

/** Escapes text for building HTML from plain text (used when a page has no usable article HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Paragraphs of text as simple HTML. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
