// `npm run bench`: per library size, a fresh profile, the extension measured, the baselines beside it, results written.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchExtension, newProfileDir } from '../test/e2e/extension';
import { ROOT } from '../test/e2e/paths';
import { measureBaselines } from './baseline';
import { bundlePageScript } from './bundle';
import { runConnectionsBench } from './connections';
import { DEFAULT_SEED } from './corpus';
import { insertLibrary } from './insert';
import { listMarkdown, measureList, type ListResults } from './list';
import { measureExtension, type ExtensionResults } from './measure';
import { markdownReport, ratios, targetRows, type RunResults } from './report';
import { round } from './stats';

const RESULTS = join(ROOT, 'bench/results');

function option(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

// --render=<name>: writes bench/results/<name>.md again from its .json with the current report code.
const render = option('render', '');
if (render) {
  const saved = JSON.parse(await readFile(join(RESULTS, `${render}.json`), 'utf8')) as RunResults;
  for (const result of saved.results) {
    result.ratios = ratios(result.extension, result.baselines);
    result.rows = targetRows(result.size, result.extension);
  }
  const markdown = markdownReport(saved);
  await writeFile(join(RESULTS, `${render}.md`), markdown);
  console.log(markdown);
  process.exit(0);
}

const sizes = option('sizes', '1000,10000')
  .split(',')
  .map((value) => Number(value.trim().replace(/_/g, '')));
if (sizes.some((size) => !Number.isInteger(size) || size < 10)) {
  console.error(
    'usage: bench/run.ts [--sizes=1000,10000,100000] [--only=search,list,connections] [--cold-runs=5] [--baseline-budget-ms=60000] [--out=latest] | --render=latest',
  );
  process.exit(2);
}
/**
 * --only=search, list or connections, or several joined by commas, runs those parts (connections alone
 * skips inserting the library into IndexedDB); without it all three run.
 */
const PARTS = ['search', 'list', 'connections'];
const only = option('only', PARTS.join(',')).split(',');
const unknownPart = only.find((part) => !PARTS.includes(part));
if (unknownPart !== undefined) {
  console.error(`--only takes search, list or connections (joined by commas), not "${unknownPart}"`);
  process.exit(2);
}
const runs = (part: string) => only.includes(part);
const coldRuns = Number(option('cold-runs', '5'));
const baselineBudgetMs = Number(option('baseline-budget-ms', '60000'));
/** Results go to bench/results/<out>.json and .md. */
const out = option('out', 'latest').replace(/[^\w.-]/g, '_');
/** The list part's results: bench/results/list.json and .md, or list-<out>.* for another --out. */
const listOut = out === 'latest' ? 'list' : `list-${out}`;

const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const load = () => round(loadavg()[0]!, 2);

const [helper, baselineBundle, listHelper] = await Promise.all([
  bundlePageScript('bench/extension-page.ts'),
  bundlePageScript('bench/baseline-page.ts'),
  bundlePageScript('bench/list-page.ts'),
]);
const listResults: ListResults[] = [];
const run: RunResults = {
  environment: {
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverage: load(),
  },
  options: { sizes, coldRuns, baselineBudgetMs, seed: DEFAULT_SEED },
  results: [],
  failures: [],
};

async function saveList(): Promise<string> {
  const markdown = listMarkdown(listResults, { chromium: run.environment.chromium, loadAverage: load(), date: new Date().toISOString() });
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, `${listOut}.json`), `${JSON.stringify({ environment: run.environment, results: listResults }, null, 2)}\n`);
  await writeFile(join(RESULTS, `${listOut}.md`), markdown);
  return markdown;
}

async function save(): Promise<string> {
  const markdown = markdownReport(run);
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, `${out}.json`), `${JSON.stringify(run, null, 2)}\n`);
  await writeFile(join(RESULTS, `${out}.md`), markdown);
  return markdown;
}

for (const size of runs('search') || runs('list') ? sizes : []) {
  log(`${size.toLocaleString('en-US')} items: fresh profile, built extension`);
  const sizeStart = performance.now();
  const loadBefore = load();
  const profileDir = await newProfileDir();
  try {
    const inserted = await insertLibrary(profileDir, helper, size, log);
    const session = await launchExtension(profileDir);
    let closing = false;
    // Said at once, so a failure further on can be told apart from a browser that went away.
    session.context.on('close', () => closing || log('the browser closed unexpectedly'));
    try {
      if (!runs('search')) {
        listResults.push(await measureList(session, listHelper, size, log));
        continue;
      }
      const extension: ExtensionResults = { ...inserted, ...(await measureExtension(session, helper, size, { coldRuns, log })) };
      let baselines = null;
      let baselineError: string | undefined;
      try {
        baselines = await measureBaselines(session.context, baselineBundle, size, { budgetMs: baselineBudgetMs, log, profileDir });
      } catch (error) {
        baselineError = (error as Error).message.split('\n')[0];
        log(`baselines failed: ${baselineError}`);
      }
      run.results.push({
        size,
        wallMs: round(performance.now() - sizeStart),
        loadAverage: { before: loadBefore, after: load() },
        extension,
        baselines,
        ...(baselineError ? { baselineError } : {}),
        ratios: ratios(extension, baselines),
        rows: targetRows(size, extension),
      });
      if (runs('list')) listResults.push(await measureList(session, listHelper, size, log));
    } finally {
      closing = true;
      await session.close();
    }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    log(`${size} items failed: ${(error as Error).stack ?? message}`);
    run.failures.push({ size, error: message });
    process.exitCode = 1;
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
  if (runs('search')) await save();
  if (runs('list')) await saveList();
}

if (runs('search')) {
  const markdown = await save();
  console.log(`\n${markdown}`);
  log(`wrote bench/results/${out}.json and bench/results/${out}.md`);
}
if (runs('list')) {
  console.log(`\n${await saveList()}`);
  log(`wrote bench/results/${listOut}.json and bench/results/${listOut}.md`);
}
if (runs('connections')) {
  // Connections: the worker's core code in an extension page, beside a naive baseline, on the same libraries.
  // A named run (--out) keeps the default connections results: a 100k run alone does not replace the 1k and 10k ones.
  const name = out === 'latest' ? 'connections' : `connections-${out}`;
  console.log(`\n${await runConnectionsBench(sizes, { chromium: run.environment.chromium, loadAverage: load() }, log, name)}`);
  log(`wrote bench/results/${name}.json and bench/results/${name}.md`);
}
