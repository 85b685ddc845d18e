// Explanations: the shared terms behind a score, and one sentence from each side where they occur.
import { describe, expect, it } from 'vitest';
import { PASSAGE_CHARS, bestPassage, splitSentences, stemWord } from '../../../src/core/connections';
import { BOKASHI, INDEX_FUNDS, PACKING, SOURDOUGH, indexOf } from './helpers';

describe('explain', () => {
  it('gives the score related() gave, the shared terms strongest first, and a sentence from each side', () => {
    const index = indexOf();
    const explanation = index.explain(SOURDOUGH, BOKASHI);
    expect(explanation.score).toBeCloseTo(index.related(SOURDOUGH.id).connections[0]!.score, 10);
    expect(explanation.sharedTopics).toEqual([]);
    const contributions = explanation.terms.map((term) => term.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(explanation.terms.map((term) => term.label)).toContain('lactobacillus');
    // Each side's sentence is the one where the shared terms weigh most, from that side's own text.
    expect(explanation.source!.text).toBe('The microbes produce lactic acid during fermentation.');
    expect(explanation.target!.text).toBe('The microbes produce lactic acid, and the fermented waste feeds the soil.');
    expect(BOKASHI.text).toContain(explanation.target!.text);
  });

  it('marks the shared words inside each sentence', () => {
    const explanation = indexOf().explain(SOURDOUGH, BOKASHI, { terms: 100 });
    const shared = new Set(explanation.terms.map((term) => term.term));
    for (const passage of [explanation.source!, explanation.target!]) {
      expect(passage.marks.length).toBeGreaterThan(0);
      for (const [start, end] of passage.marks) expect(shared).toContain(stemWord(passage.text.slice(start, end).toLowerCase()));
      for (const term of passage.terms) expect(shared).toContain(term);
    }
  });

  it('works for texts that are not indexed, and says when there is nothing shared', () => {
    const index = indexOf();
    const page = { title: 'Kimchi', text: 'Kimchi is fermented by lactobacillus. It keeps for months in the fridge.' };
    const explanation = index.explain(page, BOKASHI);
    expect(explanation.terms.map((term) => term.label)).toContain('lactobacillus');
    expect(explanation.source!.text).toBe('Kimchi is fermented by lactobacillus.');
    const none = index.explain(INDEX_FUNDS, PACKING);
    expect(none.score).toBe(0);
    expect(none.strength).toBe('weak');
    expect(none.terms).toEqual([]);
    expect(none.source).toBeNull();
    expect(none.target).toBeNull();
  });

  it('reports shared topics when the two share one', () => {
    const explanation = indexOf().explain({ ...SOURDOUGH, topics: ['cooking', 'microbes'] }, { ...BOKASHI, topics: ['Microbes'] });
    expect(explanation.sharedTopics).toEqual(['microbes']);
  });
});

describe('passages', () => {
  it('splits sentences at terminators before a capital and at line breaks', () => {
    const text = 'First one. Second one! "Third," she said? 4 is a number.\nA line\n\nAnother paragraph e.g. lower case stays.';
    const sentences = splitSentences(text).map(([start, end]) => text.slice(start, end));
    expect(sentences).toEqual([
      'First one.',
      'Second one!',
      '"Third," she said?',
      '4 is a number.',
      'A line',
      'Another paragraph e.g. lower case stays.',
    ]);
  });

  it('picks the sentence with the highest summed weight of shared terms, earliest on a tie', () => {
    const text = 'Alpha is here. Beta and gamma are here. Gamma alone. Beta and gamma again.';
    const weights = new Map([
      ['alpha', 0.5],
      ['beta', 0.3],
      ['gamma', 0.3],
    ]);
    expect(bestPassage(text, weights)?.text).toBe('Beta and gamma are here.');
    expect(bestPassage(text, new Map([['delta', 1]]))).toBeNull();
  });

  it('matches phrases across a possessive and counts each term once per sentence', () => {
    const weights = new Map([
      ['google chrome', 1],
      ['browser', 0.4],
    ]);
    const passage = bestPassage("Browser browser browser. Google's Chrome is a browser.", weights)!;
    expect(passage.text).toBe("Google's Chrome is a browser.");
    expect(passage.terms.sort()).toEqual(['browser', 'google chrome']);
    expect(passage.marks.map(([start, end]) => passage.text.slice(start, end))).toEqual(["Google's Chrome", 'browser']);
  });

  it('trims a long sentence to about PASSAGE_CHARS around its shared words, at word boundaries', () => {
    const filler = 'words that say nothing in particular ';
    const sentence = `${filler.repeat(8)}then the lactobacillus appears ${filler.repeat(8)}and ends.`;
    const passage = bestPassage(sentence, new Map([['lactobacillus', 1]]))!;
    expect(passage.text.length).toBeLessThanOrEqual(PASSAGE_CHARS + 2);
    expect(passage.text.startsWith('…')).toBe(true);
    expect(passage.text.endsWith('…')).toBe(true);
    expect(passage.text).toContain('lactobacillus');
    const [[start, end]] = passage.marks as [[number, number]];
    expect(passage.text.slice(start, end)).toBe('lactobacillus');
    // No word is cut in half.
    expect(passage.text.slice(1, -1)).toMatch(/^\S.*\S$/);
    expect(sentence).toContain(passage.text.slice(1, -1));
  });
});
