// Test helpers: build happy-dom pages and select text in them independently of the code under test.

import { Window } from 'happy-dom';

/** A fresh happy-dom document whose body holds `html`; a new Window simulates a page reload. */
export function makePage(html: string): Document {
  const window = new Window({ url: 'https://example.test/article' });
  const document = window.document as unknown as Document;
  document.body.innerHTML = html;
  return document;
}

/** All text nodes under `root` in document order (no skipping: fixtures keep selections out of scripts). */
function allTextNodes(root: Node): Text[] {
  const result: Text[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) result.push(node as Text);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return result;
}

/**
 * A Range over the `occurrence`-th (1-based) appearance of `needle` in the
 * concatenated text under `root`, like a reader's mouse selection.
 */
export function selectText(root: Node, needle: string, occurrence = 1): Range {
  const nodes = allTextNodes(root);
  const text = nodes.map((node) => node.data).join('');
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${occurrence}) not found in fixture`);
  }
  const locate = (offset: number, preferNext: boolean): [Text, number] => {
    let base = 0;
    for (const node of nodes) {
      const end = base + node.data.length;
      if (offset < end || (offset === end && !preferNext)) return [node, offset - base];
      base = end;
    }
    const last = nodes[nodes.length - 1] as Text;
    return [last, last.data.length];
  };
  const [startNode, startOffset] = locate(at, true);
  const [endNode, endOffset] = locate(at + needle.length, false);
  const range = (root.ownerDocument ?? (root as Document)).createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** The text of a range with whitespace runs collapsed, for comparisons across reformatted markup. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The id of the nearest ancestor element of `node` that has one. */
export function ownerId(node: Node): string | null {
  for (let current: Node | null = node; current; current = current.parentNode) {
    const element = current as Element;
    if (current.nodeType === 1 && element.id) return element.id;
  }
  return null;
}

/** Deterministic pseudo-English prose (linear congruential generator), `length` characters long. */
export function prose(length: number, seed = 1): string {
  const words = [
    'the',
    'of',
    'and',
    'a',
    'to',
    'in',
    'is',
    'was',
    'that',
    'for',
    'it',
    'with',
    'as',
    'on',
    'be',
    'at',
    'by',
    'this',
    'had',
    'not',
    'are',
    'but',
    'from',
    'or',
    'have',
    'an',
    'they',
    'which',
    'one',
    'you',
    'were',
    'her',
    'all',
    'she',
    'there',
    'would',
    'their',
    'we',
    'him',
    'been',
    'has',
    'when',
    'who',
    'will',
    'more',
    'no',
    'if',
    'out',
    'so',
    'said',
    'what',
    'up',
    'its',
    'about',
    'into',
    'than',
    'them',
    'can',
    'only',
    'other',
    'new',
    'some',
    'could',
    'time',
    'these',
    'two',
    'may',
    'then',
    'do',
    'first',
    'any',
    'my',
    'now',
    'such',
    'like',
    'our',
    'over',
    'man',
    'me',
    'even',
    'most',
    'made',
    'after',
    'also',
    'did',
    'many',
    'before',
    'must',
    'through',
    'back',
    'years',
    'where',
    'much',
    'your',
    'way',
    'well',
    'down',
    'should',
    'because',
    'each',
    'just',
    'those',
    'people',
    'how',
    'too',
    'little',
    'state',
    'good',
    'very',
    'make',
    'world',
    'still',
    'river',
    'garden',
    'archive',
    'network',
    'market',
    'theory',
    'curator',
    'library',
    'signal',
    'harbor',
  ];
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = words[next() % words.length] as string;
    const piece = next() % 13 === 0 ? `${word}. ` : `${word} `;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

/** A clock that advances `step` ms on every reading, so budgets run out after a known number of checks. */
export function steppingClock(step: number): { now: () => number; readings: () => number } {
  let time = 0;
  let count = 0;
  return {
    now: () => {
      count++;
      time += step;
      return time;
    },
    readings: () => count,
  };
}
