// The pre-filtered passage search picks the sentence a scan of every sentence picks, on real texts.
import { describe, expect, it } from 'vitest';
import { ConnectionIndex, bestPassage, clipConnectionItem, splitSentences, type ConnectionItem } from '../../../src/core/connections';
import { phraseKey, scanWords } from '../../../src/core/connections/terms';
import { loadBrown } from '../../../bench/brown';
import { generateCorpus } from '../../../bench/corpus';

/** The passage as found before the pre-filter: every sentence tokenised, the highest score first in the text. */
function passageByFullScan(text: string, weights: ReadonlyMap<string, number>) {
  let best: { sentence: string; score: number } | null = null;
  for (const [start, end] of splitSentences(text)) {
    const sentence = text.slice(start, end);
    const seen = new Set<string>();
    let score = 0;
    let previous: string | null = null;
    scanWords(sentence, (stem, _start, _end, joined) => {
      for (const term of [stem, joined && previous !== null ? phraseKey(previous, stem) : null]) {
        const weight = term === null ? undefined : weights.get(term);
        if (term === null || weight === undefined || seen.has(term)) continue;
        seen.add(term);
        score += weight;
      }
      previous = stem;
    });
    if (score > 0 && (best === null || score > best.score)) best = { sentence, score };
  }
  // A passage depends only on its sentence: the sentence alone gives the same one.
  return best && bestPassage(best.sentence, weights);
}

function brownItems(size: number): ConnectionItem[] {
  const items: ConnectionItem[] = [];
  for (const { clips } of generateCorpus(loadBrown(), size)) for (const clip of clips) items.push(clipConnectionItem(clip));
  return items;
}

describe('passage pre-filter', () => {
  it('gives the same passages as a scan of every sentence for explained Brown-corpus pairs', () => {
    const items = brownItems(300);
    const index = new ConnectionIndex();
    for (const item of items) index.add(item);
    const byId = new Map(items.map((item) => [item.id, item]));
    let compared = 0;
    for (const source of items.slice(0, 120)) {
      const found = index.related(source.id, { limit: 5 });
      for (const connection of [...found.connections, ...found.sameTopic]) {
        const target = byId.get(connection.id)!;
        const explanation = index.explain(source, target, { terms: 1000 });
        const weights = new Map(explanation.terms.map((term) => [term.term, term.contribution]));
        expect(explanation.source).toEqual(passageByFullScan(source.text, weights));
        expect(explanation.target).toEqual(passageByFullScan(target.text, weights));
        // Few terms make ties and sparse matches likelier: the earliest best sentence must still win.
        const top = new Map([...weights].slice(0, 2));
        expect(bestPassage(target.text, top)).toEqual(passageByFullScan(target.text, top));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
    // Indexing 240 Brown texts takes seconds on a busy machine.
  }, 60_000);

  it('handles accents, plurals, phrases and ties like the full scan', () => {
    const text =
      'The café serves naïve companies. Companies pay. Google\u2019s Chrome browsers crash. Crème brûlée! ' +
      'The company\u2019s browser. A CAFE for COMPANIES and browsers.\nNothing here at all.';
    const cases = [
      new Map([['cafe', 0.5]]),
      new Map([
        ['naive', 0.4],
        ['company', 0.4],
      ]),
      new Map([
        ['google chrome', 1],
        ['browser', 0.2],
      ]),
      new Map([
        ['creme brulee', 0.7],
        ['brulee', 0.1],
      ]),
      new Map([
        ['company', 0.3],
        ['browser', 0.3],
      ]),
      new Map([['absent', 1]]),
    ];
    for (const weights of cases) expect(bestPassage(text, weights)).toEqual(passageByFullScan(text, weights));
  });
});
