// Splits HTML into tags and text without a DOM: just enough, and tolerant enough, to read bookmark files in the service worker.
import { decodeHtmlEntities } from './html-entities';

/** A start or end tag, with lower-cased name and attribute names and decoded attribute values. */
export interface TagToken {
  kind: 'tag';
  name: string;
  closing: boolean;
  attributes: Map<string, string>;
}

/** Text between tags, with character references decoded. */
export interface TextToken {
  kind: 'text';
  text: string;
}

export type HtmlToken = TagToken | TextToken;

// Elements whose content is never markup; their text is skipped entirely.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Where a tag that opens at `start` ends (just past its ">"), treating ">" inside quoted values as text. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      // Only quotes that open an attribute value count; a stray one must not swallow the file.
      if (html[i - 1] === '=' || /=\s*$/.test(html.slice(Math.max(start, i - 8), i))) quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  // A quote that never closes: fall back to the first ">" as browsers' recovery does.
  const gt = html.indexOf('>', start);
  return gt === -1 ? html.length : gt + 1;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    // The first occurrence wins, as in HTML.
    if (!attributes.has(name)) attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/**
 * The tags and text of an HTML document, in order. Comments, doctypes and processing instructions
 * are dropped, as is the content of script and style elements; a "<" that starts no tag is text.
 */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1 || lt > i) {
      const end = lt === -1 ? html.length : lt;
      yield { kind: 'text', text: decodeHtmlEntities(html.slice(i, end)) };
      i = end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const close = html.indexOf('>', i);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const head = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(i, i + 64));
    if (!head) {
      yield { kind: 'text', text: '<' };
      i += 1;
      continue;
    }
    const end = tagEnd(html, i + head[0].length);
    const name = head[2]!.toLowerCase();
    const closing = head[1] === '/';
    const inner = html.slice(i + head[0].length, html[end - 1] === '>' ? end - 1 : end);
    yield { kind: 'tag', name, closing, attributes: closing ? new Map() : parseAttributes(inner) };
    i = end;
    if (!closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      i = close.exec(html)?.index ?? html.length;
    }
  }
}
