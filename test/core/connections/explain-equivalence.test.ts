// Explanations are the ones given before the index kept where each item's terms are (locateTerms):
// the same shared terms and the same sentences, recorded on a Brown-corpus library before that change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConnectionIndex, clipConnectionItem, type ConnectionItem, type ExplainInput } from '../../../src/core/connections';
import { loadBrown } from '../../../bench/brown';
import { generateCorpus } from '../../../bench/corpus';

interface Recorded {
  source: string;
  target: string;
  terms: string[];
  score: number;
  sourcePassage: unknown;
  targetPassage: unknown;
}

const recorded = JSON.parse(
  readFileSync(new URL('../../fixtures/connections/explanations-brown-400.json', import.meta.url), 'utf8'),
) as Recorded[];

function library(): ConnectionItem[] {
  const items: ConnectionItem[] = [];
  for (const { clips, highlights } of generateCorpus(loadBrown(), 400)) {
    for (const clip of clips)
      items.push(
        clipConnectionItem(
          clip,
          [],
          highlights.filter((highlight) => highlight.clipId === clip.id),
        ),
      );
  }
  return items;
}

/** What the recording holds, explained again: saved sources (60), then 20 texts as unsaved pages. */
function explainAll(index: ConnectionIndex, items: readonly ConnectionItem[]): Recorded[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const out: Recorded[] = [];
  const record = (label: string, source: ExplainInput, found: ReturnType<ConnectionIndex['related']>) => {
    for (const connection of [...found.connections, ...found.sameTopic]) {
      const explanation = index.explain(source, byId.get(connection.id)!);
      out.push({
        source: label,
        target: connection.id,
        terms: explanation.terms.map((term) => term.term),
        score: Number(explanation.score.toFixed(12)),
        sourcePassage: explanation.source,
        targetPassage: explanation.target,
      });
    }
  };
  for (const source of items.slice(0, 60)) record(source.id, source, index.related(source.id, { limit: 5 }));
  for (const source of items.slice(60, 80)) {
    const page = { title: source.title, text: source.text, topics: source.topics };
    record('page', page, index.related(page, { limit: 5 }));
  }
  return out;
}

describe('explanations with located terms', () => {
  const items = library();
  const index = new ConnectionIndex();
  for (const item of items) index.add(item);

  it('are the recorded ones: same terms, score and sentences', () => {
    const now = explainAll(index, items);
    expect(now.length).toBe(recorded.length);
    expect(now).toEqual(recorded);
  }, 60_000);

  it('are the same after the index is saved and restored', () => {
    const restored = ConnectionIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(explainAll(restored, items)).toEqual(recorded);
  }, 60_000);

  it('are the same from a snapshot without located terms (the text is searched instead)', () => {
    const snapshot = index.toJSON();
    for (const item of snapshot.items) item.hits = [];
    expect(explainAll(ConnectionIndex.fromJSON(snapshot), items)).toEqual(recorded);
  }, 60_000);
});
