// Precision of the top cross-topic connections against labels, with the baselines that make it readable.
import { minScoreFor, type ConnectionIndex, type Strength } from '../src/core/connections';

/** One source item and what counts as a correct connection for it. */
export interface Judged {
  id: string;
  /** Whether a target is labelled related to the source. */
  related: (target: string) => boolean;
  /** Labelled-related cross-topic targets in the library. */
  relevant: number;
  /** All cross-topic targets in the library (for the random baseline). */
  candidates: number;
}

export interface PrecisionReport {
  sources: number;
  /** Correct among the top 3 ranked connections (no threshold), averaged over sources. */
  precisionAt3: number;
  /** Best precisionAt3 possible: sources with fewer than 3 related items cannot fill 3 slots. */
  ceilingAt3: number;
  /** Expected precision of 3 connections drawn at random among the cross-topic items. */
  randomAt3: number;
  /** Correct among the connections actually shown (top 3 at or above minScoreFor the library's size), over all shown. */
  shownPrecision: number;
  /** Connections shown per source. */
  shownPerSource: number;
  /** Sources with at least one connection shown. */
  sourcesWithShown: number;
  /** Related items found in the top 3, over min(3, related), averaged. */
  recallAt3: number;
  /** Sources whose first connection is correct. */
  hitAt1: number;
  /** Shown connections by strength label: how many and how many correct. */
  byStrength: Record<Strength, { shown: number; correct: number }>;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

/** Scores the index's cross-topic connections for each judged source. */
export function precisionReport(index: ConnectionIndex, judged: readonly Judged[]): PrecisionReport {
  const precision: number[] = [];
  const random: number[] = [];
  const recall: number[] = [];
  const hit: number[] = [];
  let shown = 0;
  let shownCorrect = 0;
  let sourcesWithShown = 0;
  const byStrength: PrecisionReport['byStrength'] = {
    strong: { shown: 0, correct: 0 },
    moderate: { shown: 0, correct: 0 },
    weak: { shown: 0, correct: 0 },
  };
  for (const source of judged) {
    const ranked = index.related(source.id, { limit: 3, minScore: 0 }).connections;
    const correct = ranked.map((connection) => source.related(connection.id));
    const found = correct.filter(Boolean).length;
    precision.push(ranked.length === 0 ? 0 : found / ranked.length);
    random.push(source.candidates === 0 ? 0 : source.relevant / source.candidates);
    recall.push(source.relevant === 0 ? 0 : found / Math.min(3, source.relevant));
    hit.push(correct[0] ? 1 : 0);
    let any = false;
    ranked.forEach((connection, i) => {
      if (connection.score < minScoreFor(index.size)) return;
      any = true;
      shown++;
      byStrength[connection.strength].shown++;
      if (correct[i]) {
        shownCorrect++;
        byStrength[connection.strength].correct++;
      }
    });
    if (any) sourcesWithShown++;
  }
  // The ceiling counts 3 slots as fillable only up to the number of related items.
  const ceilingAt3 = mean(judged.map((source) => Math.min(3, source.relevant) / Math.min(3, Math.max(1, source.candidates))));
  return {
    sources: judged.length,
    precisionAt3: mean(precision),
    ceilingAt3,
    randomAt3: mean(random),
    shownPrecision: shown === 0 ? 0 : shownCorrect / shown,
    shownPerSource: judged.length === 0 ? 0 : shown / judged.length,
    sourcesWithShown,
    recallAt3: mean(recall),
    hitAt1: mean(hit),
    byStrength,
  };
}
