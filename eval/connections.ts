// Evaluates the connections engine on the seed blog (hand labels) and on the Brown corpus (labels by construction).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ConnectionIndex, MIN_SCORE, MIN_TOP_K, minScoreFor, sharesTopic, type ConnectionItem } from '../src/core/connections';
import { ROOT } from '../test/e2e/paths';
import { READING_LIST, loadBrownItems, type BrownItem } from './brown';
import { precisionReport, type Judged, type PrecisionReport } from './metrics';
import { loadSeedBlog } from './seed-blog';

const EVAL_DIR = join(ROOT, 'eval');

/** A footer like a blog engine puts under every post: it must not connect anything. */
const BOILERPLATE =
  'Posted in Reading. Share this post: Twitter, Facebook, LinkedIn. Subscribe to the newsletter for more posts like this one.';

/** Adds items in order, then re-chooses the terms of items indexed while the library was small, as the background does when idle. */
function build(items: readonly ConnectionItem[], topK?: number): { index: ConnectionIndex; addMs: number; refreshed: number } {
  const index = new ConnectionIndex(topK === undefined ? {} : { topK });
  const start = performance.now();
  for (const item of items) index.add(item);
  const addMs = performance.now() - start;
  const byId = new Map(items.map((item) => [item.id, item]));
  let refreshed = 0;
  for (let stale = index.stale(Infinity); stale.length > 0; stale = index.stale(Infinity)) {
    for (const id of stale) index.update(byId.get(id)!);
    refreshed += stale.length;
  }
  return { index, addMs, refreshed };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

function seedBlog() {
  const posts = loadSeedBlog();
  const labels = JSON.parse(readFileSync(join(EVAL_DIR, 'seed-blog-labels.json'), 'utf8')) as {
    related: Array<{ a: string; b: string; reason: string }>;
  };
  const slugs = new Set(posts.map((post) => post.slug));
  const pairs = new Set<string>();
  for (const { a, b } of labels.related) {
    if (!slugs.has(a) || !slugs.has(b)) throw new Error(`Label names an unknown post: ${a} / ${b}`);
    pairs.add(`${a}|${b}`).add(`${b}|${a}`);
  }
  const { index } = build(posts.map((post) => post.item));
  const slugOf = (id: string) => id.slice(2);
  const judged: Judged[] = posts
    .map((post) => {
      const candidates = posts.filter((other) => other !== post && !sharesTopic(other.item.topics, post.item.topics));
      return {
        id: post.item.id,
        related: (target: string) => pairs.has(`${post.slug}|${slugOf(target)}`),
        relevant: candidates.filter((other) => pairs.has(`${post.slug}|${other.slug}`)).length,
        candidates: candidates.length,
      };
    })
    .filter((source) => source.candidates > 0);
  const report = precisionReport(index, judged);
  const connections = Object.fromEntries(
    posts.map((post) => [
      post.slug,
      index.related(post.item.id, { limit: 3, minScore: 0 }).connections.map((connection) => ({
        to: slugOf(connection.id),
        score: round(connection.score),
        strength: connection.score >= minScoreFor(index.size) ? connection.strength : 'below minimum',
        labelled: pairs.has(`${post.slug}|${slugOf(connection.id)}`),
        terms: connection.terms.map((term) => term.label),
      })),
    ]),
  );
  const chrome = posts.find((post) => post.slug.startsWith('google-chromes'))!;
  const fast = posts.find((post) => post.slug.startsWith('fast-response'))!;
  const explanation = index.explain(chrome.item, fast.item);
  const bridge = index.bridges('social media', 'google', { terms: 8, pairs: 3 });
  return {
    items: posts.length,
    labelledPairs: labels.related.length,
    report,
    connections,
    example: {
      pair: [chrome.slug, fast.slug],
      score: round(explanation.score),
      terms: explanation.terms.map((term) => term.label),
      source: explanation.source?.text ?? null,
      target: explanation.target?.text ?? null,
    },
    bridge: {
      shared: bridge.shared.map(slugOf),
      similarity: round(bridge.similarity),
      terms: bridge.terms.map((term) => term.label),
      pairs: bridge.pairs.map((pair) => ({ a: slugOf(pair.a), b: slugOf(pair.b), score: round(pair.score) })),
    },
  };
}

function judgeBrown(
  items: readonly BrownItem[],
  related: (source: BrownItem, target: BrownItem) => boolean,
  sources: readonly BrownItem[],
): Judged[] {
  const byId = new Map(items.map((entry) => [entry.item.id, entry]));
  return sources.map((source) => {
    const candidates = items.filter((other) => other !== source && !sharesTopic(other.item.topics, source.item.topics));
    return {
      id: source.item.id,
      related: (target: string) => related(source, byId.get(target)!),
      relevant: candidates.filter((other) => related(source, other)).length,
      candidates: candidates.length,
    };
  });
}

/** `topK` fixes K (e.g. MIN_TOP_K, as in a library of tens of thousands of items); by default it follows the library's size. */
function brown(boilerplate: boolean, topK?: number) {
  const items = loadBrownItems().map((entry) =>
    boilerplate ? { ...entry, item: { ...entry.item, text: `${entry.item.text}\n\n${BOILERPLATE}` } } : entry,
  );
  const byId = new Map(items.map((entry) => [entry.item.id, entry]));
  const { index, addMs, refreshed } = build(
    items.map((entry) => entry.item),
    topK,
  );
  const splitSources = items.filter((entry) => entry.split);
  const sameFile = (source: BrownItem, target: BrownItem) => source.file === target.file;
  const sameGenre = (source: BrownItem, target: BrownItem) => source.file === target.file || source.genre === target.genre;
  const strict = precisionReport(index, judgeBrown(items, sameFile, splitSources));
  const lenient = precisionReport(index, judgeBrown(items, sameGenre, splitSources));

  // Items of files left whole have no related cross-topic item by construction: what they are shown is noise (or a lucky find).
  const unsplit = items.filter((entry) => !entry.split);
  let noise = 0;
  let strongNoise = 0;
  // "More on this topic" for the same items: their file's other chunks share their genre.
  const samePrecision: number[] = [];
  const latencies: number[] = [];
  for (const entry of unsplit) {
    const start = performance.now();
    const result = index.related(entry.item.id, { limit: 3 });
    latencies.push(performance.now() - start);
    noise += result.connections.length;
    strongNoise += result.connections.filter((connection) => connection.strength === 'strong').length;
    const ranked = index.related(entry.item.id, { limit: 3, minScore: 0 }).sameTopic;
    const siblings = items.filter((other) => other !== entry && other.file === entry.file).length;
    if (ranked.length > 0 && siblings > 0) {
      samePrecision.push(
        ranked.filter((connection) => byId.get(connection.id)!.file === entry.file).length / Math.min(ranked.length, siblings),
      );
    }
  }
  // Precision by score band of the top 3 ranked connections (no threshold): what the strength thresholds are set from.
  const edges = [0, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 1.01];
  const bands = edges.slice(0, -1).map((from, i) => ({ from, to: Math.min(1, edges[i + 1]!), connections: 0, sameFile: 0, sameGenre: 0 }));
  for (const source of splitSources) {
    for (const connection of index.related(source.item.id, { limit: 3, minScore: 0 }).connections) {
      const band = bands.find((entry, i) => connection.score >= entry.from && connection.score < edges[i + 1]!)!;
      const target = byId.get(connection.id)!;
      band.connections++;
      if (sameFile(source, target)) band.sameFile++;
      if (sameGenre(source, target)) band.sameGenre++;
    }
  }
  const pairs = index.topicPairs({ limit: 5 });
  const health = index.health();
  return {
    items: items.length,
    files: new Set(items.map((entry) => entry.file)).size,
    splitFiles: new Set(splitSources.map((entry) => entry.file)).size,
    strict,
    lenient,
    unlabelled: {
      sources: unsplit.length,
      shownPerSource: noise / unsplit.length,
      strongPerSource: strongNoise / unsplit.length,
    },
    sameTopicPrecisionAt3: samePrecision.reduce((sum, value) => sum + value, 0) / Math.max(1, samePrecision.length),
    timing: {
      addMsPerItem: addMs / items.length,
      refreshedStale: refreshed,
      relatedP50Ms: quantile(latencies, 0.5),
      relatedP95Ms: quantile(latencies, 0.95),
    },
    health,
    bands: bands.map((band) => ({
      ...band,
      sameFilePrecision: round(band.sameFile / Math.max(1, band.connections), 2),
      sameGenrePrecision: round(band.sameGenre / Math.max(1, band.connections), 2),
    })),
    topicPairs: pairs.map((pair) => ({ ...pair, similarity: round(pair.similarity), strength: round(pair.strength) })),
    readingListBridge: index.bridges(READING_LIST, 'news', { terms: 6, pairs: 0 }).terms.map((term) => term.label),
  };
}

function row(name: string, report: PrecisionReport): string {
  const cells = [
    name.padEnd(28),
    String(report.sources).padStart(7),
    report.precisionAt3.toFixed(2).padStart(6),
    report.ceilingAt3.toFixed(2).padStart(7),
    report.randomAt3.toFixed(2).padStart(6),
    report.recallAt3.toFixed(2).padStart(6),
    report.hitAt1.toFixed(2).padStart(6),
    report.shownPrecision.toFixed(2).padStart(7),
    report.shownPerSource.toFixed(2).padStart(7),
  ];
  return cells.join(' ');
}

function strengthLine(name: string, report: PrecisionReport): string {
  const parts = (['strong', 'moderate', 'weak'] as const).map((strength) => {
    const { shown, correct } = report.byStrength[strength];
    return `${strength} ${correct}/${shown}${shown > 0 ? ` (${(correct / shown).toFixed(2)})` : ''}`;
  });
  return `  ${name}: ${parts.join(', ')}`;
}

const seed = seedBlog();
const plain = brown(false);
const footer = brown(true);
const largeK = brown(false, MIN_TOP_K);

console.log('Connections: precision of the top 3 cross-topic connections per source item\n');
console.log(`${'corpus'.padEnd(28)} sources    P@3 ceiling random    R@3  hit@1  shownP  shown/src`);
console.log(row('seed blog (hand labels)', seed.report));
console.log(row('brown, same file', plain.strict));
console.log(row('brown, same file or genre', plain.lenient));
console.log(row('brown + footer, same file', footer.strict));
console.log(row(`brown, K=${MIN_TOP_K}, same file`, largeK.strict));
console.log(
  `\nShown connections (score >= minScoreFor(size): seed blog ${minScoreFor(13).toFixed(3)}, Brown ${MIN_SCORE}) by strength, correct/shown:`,
);
console.log(strengthLine('seed blog', seed.report));
console.log(strengthLine('brown, same file', plain.strict));
console.log(strengthLine('brown, same file or genre', plain.lenient));
console.log(strengthLine(`brown, K=${MIN_TOP_K}, same file`, largeK.strict));
console.log('\nBrown top-3 connections by score band (no threshold): count, precision same file / same file or genre');
for (const band of plain.bands) {
  console.log(
    `  [${band.from.toFixed(2)}, ${band.to.toFixed(2)})`.padEnd(18) +
      `${String(band.connections).padStart(5)}   ${band.sameFilePrecision.toFixed(2)} / ${band.sameGenrePrecision.toFixed(2)}`,
  );
}
console.log(
  `\nBrown items of unsplit files (no labelled connection exists): ${plain.unlabelled.shownPerSource.toFixed(2)} shown per item, ` +
    `${plain.unlabelled.strongPerSource.toFixed(3)} strong per item`,
);
console.log(`Brown "more on this topic" precision@3 (same file): ${plain.sameTopicPrecisionAt3.toFixed(2)}`);
console.log(
  `Brown timing (${plain.items} items): add ${plain.timing.addMsPerItem.toFixed(2)} ms/item, related p50 ${plain.timing.relatedP50Ms.toFixed(2)} ms, p95 ${plain.timing.relatedP95Ms.toFixed(2)} ms`,
);
console.log(`\nSeed blog example, ${seed.example.pair.join(' <-> ')}: score ${seed.example.score}, terms ${seed.example.terms.join(', ')}`);
console.log(`  ${seed.example.source}\n  ${seed.example.target}`);
console.log(`Seed blog bridge social media <-> google: shared ${seed.bridge.shared.join(', ')}; terms ${seed.bridge.terms.join(', ')}`);

const resultsPath = join(EVAL_DIR, 'results.json');
const results = {
  minScore: MIN_SCORE,
  seedBlogMinScore: minScoreFor(13),
  seedBlog: seed,
  brown: plain,
  brownWithFooter: { strict: footer.strict },
  brownSmallK: { topK: MIN_TOP_K, strict: largeK.strict, unlabelled: largeK.unlabelled },
};
// Formatted as the repository formats JSON, so `prettier --check` passes on the written file.
writeFileSync(resultsPath, await format(JSON.stringify(results), { ...(await resolveConfig(resultsPath)), filepath: resultsPath }));
console.log('\nWrote eval/results.json');
