// Turns one run's numbers into the targets table and the "where the time goes" breakdown, as Markdown.
import type { BaselineResults, TypingResult } from './baseline';
import type { ExtensionResults } from './measure';
import type { Footprint, HeapUsage, ProcessMemory } from './memory';
import { median, percentile, round } from './stats';

export interface Environment {
  chromium: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine skews the numbers. */
  loadAverage: number;
}

export interface Ratio {
  baseline: 'MiniSearch' | 'naive scan';
  /** Keystrokes compared (the first ones: a slow baseline stops at its time budget). */
  keystrokes: number;
  baselineP95: number;
  /** Ours through the extension (message round trip) on the same keystrokes. */
  oursP95: number;
  ratio: number;
  /** Our search core in the same page as the baseline, on the same keystrokes. */
  oursCoreP95: number;
  coreRatio: number;
}

export interface TargetRow {
  metric: string;
  value: string;
  target: string;
  met: boolean | null;
}

export interface SizeResult {
  size: number;
  wallMs: number;
  loadAverage: { before: number; after: number };
  extension: ExtensionResults;
  baselines: BaselineResults | null;
  baselineError?: string;
  ratios: Ratio[];
  rows: TargetRow[];
}

export interface RunResults {
  environment: Environment;
  options: { sizes: number[]; coldRuns: number; baselineBudgetMs: number; seed: number };
  results: SizeResult[];
  /** Sizes whose extension measurements failed, with why. */
  failures: { size: number; error: string }[];
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : `${round(value)} ms`;
const s = (value: number) => `${round(value / 1000, 1)} s`;
const n = (value: number) => value.toLocaleString('en-US');
const x = (value: number) => `${round(value, 2)}×`;
/** The private part of an RSS reading, when the run recorded it (older results did not). */
const privateOf = (memory: ProcessMemory) =>
  memory.extensionPrivateMB === undefined
    ? ''
    : `${memory.extensionPrivateMB} MB of it private, the rest shared with other Chromium processes; `;
/** The most V8 held for the search host's heap during the build, garbage included (sampled every 2 s). */
const heldOf = (heap: HeapUsage | null | undefined, backingStoresPeakMB: number | null | undefined) =>
  heap
    ? `; while building, the search host's heap held up to ${heap.totalMB} MB, ${heap.usedMB} MB of it in use or garbage not yet collected${backingStoresPeakMB == null ? '' : `, and up to ${backingStoresMB(backingStoresPeakMB)} besides`}`
    : '';
const backingStoresMB = (mb: number) => `${mb} MB of ArrayBuffer contents (posting lists)`;
/** The largest footprint a window's memory-infra dumps found, with what its V8 heaps and malloc held then. */
const footprintOf = (footprint: Footprint | null | undefined) =>
  footprint
    ? `${footprint.privateMB} MB (V8 heaps ${footprint.v8MainMB} MB in the pages, ${footprint.v8WorkersMB} MB in the worker; malloc ${footprint.mallocMB} MB)`
    : '—';

/** The most V8 held for each heap during the save (sampled every 500 ms), when the run recorded it. */
const savingHeldOf = ({ hostHeapHeld, workerHeapHeld }: ExtensionResults['snapshot']) =>
  hostHeapHeld || workerHeapHeld
    ? `; while saving, JS heaps held up to ${hostHeapHeld?.totalMB ?? '?'} MB in the search host${hostHeapHeld?.backingStoresMB === undefined ? '' : ` (and ${backingStoresMB(hostHeapHeld.backingStoresMB)})`} and ${workerHeapHeld?.totalMB ?? '?'} MB in the worker, garbage included`
    : '';

export function ratios(extension: ExtensionResults, baselines: BaselineResults | null): Ratio[] {
  if (!baselines) return [];
  const compare = (baseline: Ratio['baseline'], typing: TypingResult): Ratio => {
    // Ours is timed over several passes; a baseline may stop early: compare the same keystrokes of each pass.
    const k = typing.measured;
    const pass = typing.planned;
    const sameKeystrokes = (samples: number[]) => samples.filter((_, i) => i % pass < k);
    const oursP95 = percentile(sameKeystrokes(extension.typing.quickSamples), 95);
    const oursCoreP95 = percentile(sameKeystrokes(baselines.ours.quick.samples), 95);
    const baselineP95 = typing.summary.p95;
    return {
      baseline,
      keystrokes: k,
      baselineP95,
      oursP95: round(oursP95, 2),
      ratio: round(oursP95 / baselineP95, 3),
      oursCoreP95: round(oursCoreP95, 2),
      coreRatio: round(oursCoreP95 / baselineP95, 3),
    };
  };
  return [compare('MiniSearch', baselines.miniSearch.typing), compare('naive scan', baselines.naive.typing)];
}

/** The issue's targets: keystroke, full-text and cold start at 10,000 items; keystroke and memory at 100,000. */
export function targetRows(size: number, e: ExtensionResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const label = size <= 10_000 ? (size === 10_000 ? '' : ' (10k target)') : size === 100_000 ? '' : ' (100k target)';
  const keystrokeTarget = size <= 10_000 ? 16 : 50;
  rows.push({
    metric: 'Keystroke p95, warm (quick search through messages)',
    value: ms(e.typing.quick.p95),
    target: `< ${keystrokeTarget} ms${label}`,
    met: e.typing.quick.p95 < keystrokeTarget,
  });
  const fullMet = e.typing.full.p95 < 100;
  const coldMet = e.coldSearch.medianMs < 300;
  rows.push({
    metric: 'Full-text p95 after a pause',
    value: ms(e.typing.full.p95),
    target: size <= 10_000 ? `< 100 ms${label}` : '— (< 100 ms at 10k)',
    met: size <= 10_000 ? fullMet : null,
  });
  rows.push({
    metric: `Cold worker to first results, search host alive (median of ${e.coldSearch.ms.length})`,
    value: `${ms(e.coldSearch.medianMs)} (${e.coldSearch.ms.map((v) => round(v, 0)).join(', ')})`,
    target: size <= 10_000 ? `< 300 ms${label}` : '— (< 300 ms at 10k)',
    met: size <= 10_000 ? coldMet : null,
  });
  if (e.coldEverything) {
    rows.push({
      metric: `Everything cold to first results: worker and search host started, quick tier restored (median of ${e.coldEverything.ms.length})`,
      value: `${ms(e.coldEverything.medianMs)} (${e.coldEverything.ms.map((v) => round(v, 0)).join(', ')})`,
      target: '—',
      met: null,
    });
  }
  const memory = e.typing.memory.extensionMB;
  const hostHeap = e.typing.hostHeap ? `, search host JS heap ${e.typing.hostHeap.usedMB} MB` : '';
  rows.push({
    metric: 'Memory: extension process RSS, warm (worker + search host + extension page, after the cold starts)',
    value: `${memory} MB (${privateOf(e.typing.memory)}worker JS heap ${e.typing.workerHeap?.usedMB ?? '?'} MB${hostHeap})`,
    target: size > 10_000 ? `< 500 MB${label}` : '— (< 500 MB at 100k)',
    met: size > 10_000 ? memory < 500 : null,
  });
  rows.push({
    metric: 'Memory: extension process RSS, peak during rebuild',
    value: `${e.indexBuild.memoryPeak.extensionMB} MB (${privateOf(e.indexBuild.memoryPeak)}${e.indexBuild.memoryBefore.extensionMB} MB before, worker stopped; after build JS heap of the worker ${e.indexBuild.workerHeapAfter?.usedMB ?? '?'} MB${e.indexBuild.hostHeapAfter ? `, of the search host ${e.indexBuild.hostHeapAfter.usedMB} MB${e.indexBuild.hostHeapAfter.backingStoresMB === undefined ? '' : ` and ${backingStoresMB(e.indexBuild.hostHeapAfter.backingStoresMB)}`}` : ''}${heldOf(e.indexBuild.hostHeapHeld, e.indexBuild.hostBackingStoresPeakMB)})`,
    target: size > 10_000 ? `< 500 MB${label}` : '—',
    met: size > 10_000 ? e.indexBuild.memoryPeak.extensionMB < 500 : null,
  });
  if (e.snapshot.memoryPeak) {
    rows.push({
      metric: 'Memory: extension process RSS, peak from the end of the rebuild to its snapshot saved',
      value: `${e.snapshot.memoryPeak.extensionMB} MB (${privateOf(e.snapshot.memoryPeak)}${e.indexBuild.memoryAfter.extensionMB} MB at the end of the build${savingHeldOf(e.snapshot)})`,
      target: size > 10_000 ? `< 500 MB${label}` : '—',
      met: size > 10_000 ? e.snapshot.memoryPeak.extensionMB < 500 : null,
    });
  }
  const build = e.indexBuild.footprintPeak;
  const saving = e.snapshot.footprintPeak;
  if (build || saving) {
    rows.push({
      metric:
        "Memory as Chrome measures it (the extension process's private footprint, as its task manager shows it): peak during rebuild / from its end to the snapshot saved",
      value: `${footprintOf(build)} / ${footprintOf(saving)}`,
      target: '— (RSS is what the target is judged by)',
      met: null,
    });
  }
  rows.push(
    { metric: 'Keystroke p50 / max, warm', value: `${ms(e.typing.quick.p50)} / ${ms(e.typing.quick.max)}`, target: '—', met: null },
    { metric: 'Full-text p50 / max', value: `${ms(e.typing.full.p50)} / ${ms(e.typing.full.max)}`, target: '—', met: null },
    {
      metric: `Typing "${e.typingAfterOpen.keystrokes[0] ? e.typingAfterOpen.keystrokes[e.typingAfterOpen.keystrokes.length / 2 - 1] : ''}" right after opening on a stopped worker: p50 / p95 / max`,
      value: `${ms(e.typingAfterOpen.summary.p50)} / ${ms(e.typingAfterOpen.summary.p95)} / ${ms(e.typingAfterOpen.summary.max)} (after a cold warmUp of ${e.typingAfterOpen.warmUpMs.map((v) => round(v, 0)).join(', ')} ms)`,
      target: '—',
      met: null,
    },
    ...(e.typingWhileSaving
      ? [
          {
            metric: 'Typing while a snapshot is saved (after a change, keystrokes 50 ms apart): p50 / p95 / max',
            value: `${ms(e.typingWhileSaving.summary.p50)} / ${ms(e.typingWhileSaving.summary.p95)} / ${ms(e.typingWhileSaving.summary.max)} (${e.typingWhileSaving.summary.n} keystrokes from the save's start, 5 s after the change, to its commit at ${s(e.typingWhileSaving.committedAt)})`,
            target: '—',
            met: null,
          },
        ]
      : []),
    {
      metric: e.coldEverything ? 'Everything cold to first article-text answer' : 'Cold worker to first article-text answer',
      value: `${ms(e.coldFull.firstFullTextMs)} (first "full" answer ${ms(e.coldFull.firstAnswerMs)}, ${e.coldFull.requests} requests)`,
      target: '—',
      met: null,
    },
    {
      metric: 'Bulk insert (raw IndexedDB, 500 items per transaction)',
      value: `${s(e.insert.idbMs)} in IndexedDB, ${n(e.insert.itemsPerSecond)} items/s (${s(e.insert.ms)} with generating the items in the page)`,
      target: '—',
      met: null,
    },
    { metric: 'Index build after a worker restart (no snapshot)', value: s(e.indexBuild.ms), target: '—', met: null },
    {
      metric: 'Snapshot: quick tier / full tier (JSON)',
      value: `${e.snapshot.quickMB} MB / ${e.snapshot.fullMB} MB (saved ${s(e.snapshot.savedAfterMs)} after ready)`,
      target: '—',
      met: null,
    },
    {
      metric: 'Browser RSS, all processes: before build / after build / warm',
      value: `${e.indexBuild.memoryBefore.totalMB} / ${e.indexBuild.memoryAfter.totalMB} / ${e.typing.memory.totalMB} MB`,
      target: '—',
      met: null,
    },
  );
  return rows;
}

function table(rows: TargetRow[]): string[] {
  return [
    '| metric | value | target | met? |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.metric} | ${row.value} | ${row.target} | ${row.met === null ? '' : row.met ? 'yes' : '**no**'} |`),
  ];
}

function breakdown(r: SizeResult): string[] {
  const e = r.extension;
  const b = r.baselines;
  const lines = ['', '**Where the time goes** (measured from outside the worker; the worker itself is not instrumented):', ''];
  const pings = e.messaging.coldPing;
  const coldPing = median(pings.map((p) => p.ms));
  const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const scriptMs = median(known(pings.map((p) => p.scriptMs)));
  const startMs = median(known(pings.map((p) => p.workerStartMs)));
  const coldWarmUp = median(e.coldWarmUpMs);
  const { quickRead, fullRead } = e.snapshot;
  const workerStart =
    `  - ${ms(coldPing)}: the new worker handles its first request (a cold unknown request; runs ${pings.map((p) => round(p.ms, 0)).join(', ')} ms):` +
    ` ${ms(startMs)} until the worker's clock starts, then ${ms(scriptMs)} until its router logs the request, i.e. loading, compiling and running background.js.`;
  const quickRestore =
    ` From an extension page, reading the quick tier's rows (its manifest and parts, a transaction each) takes ${ms(quickRead.readMs)} and parsing it ${ms(quickRead.parseMs)}` +
    (b ? `; restoring it in a page (parse + load + stored fields) ${ms(b.ours.restoreQuickMs)}.` : '.');
  if (e.coldEverything) {
    lines.push(
      `- Cold worker to first results with the search host alive (the offscreen document keeps the index while Chrome stops the idle worker), ${ms(e.coldSearch.medianMs)} (median), by milestones (medians of separate cold starts):`,
      workerStart,
      `  - ${ms(coldWarmUp)}: a cold warmUp is answered (${e.coldWarmUpMs.map((v) => round(v, 0)).join(', ')} ms): the new worker's first message to the host, which first catches up with the change feed (one IndexedDB read), and back.`,
      `  - ${ms(e.coldSearch.medianMs)}: the first results, from the host's loaded index, against ${ms(e.typing.quick.p50)} for a warm search (p50): the worker start plus two message hops (page → worker → host).`,
      `- Everything cold (no worker, no search host, as after the browser starts), ${ms(e.coldEverything.medianMs)} (median; ${e.coldEverything.ms.map((v) => round(v, 0)).join(', ')} ms): the worker starts, creates the offscreen document (loading offscreen.js), the host restores the quick tier and catches up, then answers.` +
        quickRestore +
        ` The ${e.snapshot.fullMB} MB full tier waits until typing pauses (1.5 s) or a full search asks; from a page reading its rows (a transaction per part) takes ${ms(fullRead.readMs)}` +
        ` and parsing its lines ${ms(fullRead.parseMs)}, which the host does in slices of about 8 ms between messages.`,
    );
  } else {
    lines.push(
      `- Cold start to first results, ${ms(e.coldSearch.medianMs)} (median), by milestones (medians of separate cold starts, so they can overlap by run-to-run variation):`,
      workerStart,
      `  - ${ms(coldWarmUp)}: the quick tier is restored and caught up (a cold warmUp is answered then: ${e.coldWarmUpMs.map((v) => round(v, 0)).join(', ')} ms).` +
        quickRestore,
      `  - ${ms(e.coldSearch.medianMs)}: the first results, against ${ms(e.typing.quick.p50)} for a warm search (p50).` +
        ` The gap is the first search and its result views in a new worker (cold code, an empty summary cache, a heap just filled by the restore).` +
        ` The ${e.snapshot.fullMB} MB full tier waits until typing pauses (1.5 s) or a full search asks; from a page reading its rows (a transaction per part) takes ${ms(fullRead.readMs)}` +
        ` and parsing its lines ${ms(fullRead.parseMs)}, which the worker does in slices of about 8 ms between messages.`,
    );
  }
  const after = e.typingAfterOpen;
  lines.push(
    `- Typing right after opening on a stopped worker (the usual case: Chrome stops an idle worker after 30 s): keystrokes take ${ms(after.summary.p50)} at p50 and up to ${ms(after.summary.max)}` +
      ` (${after.samples.map((v) => round(v, 0)).join(', ')} ms), against ${ms(e.typing.quick.p50)} warm (the full tier is not loaded meanwhile: it waits for a pause).`,
  );
  if (b) {
    lines.push(
      `- Keystroke p50/p95 ${ms(e.typing.quick.p50)} / ${ms(e.typing.quick.p95)} through messages = our search core alone ${ms(b.ours.quick.summary.p50)} / ${ms(b.ours.quick.summary.p95)} (same keystrokes, in a page)` +
        ` + message round trip ${ms(e.messaging.warmPing.p50)} (p50) + result views (summaries of recently shown items kept in memory, the others read from IndexedDB; snippets) and scheduling;` +
        ` a quick search that finds nothing (no result views) takes ${ms(e.messaging.emptySearch.p50)} at p50, so result views cost about ${ms(e.typing.quick.p50 - e.messaging.emptySearch.p50 - b.ours.quick.summary.p50)} of a typical keystroke.`,
      `- Slowest keystrokes (through messages / core alone): ${slowest(e, b)}.`,
      `- Full-text p50/p95 ${ms(e.typing.full.p50)} / ${ms(e.typing.full.p95)} through messages; the core alone ${ms(b.ours.full.summary.p50)} / ${ms(b.ours.full.summary.p95)}.`,
      `- Index build ${s(e.indexBuild.ms)} in the worker; indexing the same items in a page (no IndexedDB, no yields) ${s(b.ours.buildMs)}; the rest is pauses between slices of indexing (for messages), compacting posting lists, and reading ${n(r.size)} items from IndexedDB where it is not overlapped with indexing.`,
      `- Restoring the full tier in a page: ${ms(b.ours.restoreFullMs)} (in slices of about 8 ms, each followed by a pause); the first article-text answer after ${e.coldEverything ? 'everything started cold' : 'a cold start'} came at ${ms(e.coldFull.firstFullTextMs)}.`,
    );
  }
  const half = e.indexBuild.progress.find((point) => point.items >= r.size / 2);
  lines.push(
    `- While rebuilding, searches were answered from the partial index: first answer after ${s(e.indexBuild.firstAnswerMs)}` +
      (half ? `, half of the items searchable after ${s(half.ms)}` : '') +
      '.',
  );
  return lines;
}

function slowest(e: ExtensionResults, b: BaselineResults): string {
  return e.typing.quickSamples
    .map((value, i) => ({ value, i }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 5)
    .map(({ value, i }) => `"${e.typing.keystrokes[i]}" ${ms(value)} / ${ms(b.ours.quick.samples[i])}`)
    .join(', ');
}

function baselineTable(r: SizeResult): string[] {
  const b = r.baselines;
  if (!b) return ['', `Baselines: not run (${r.baselineError ?? 'unknown error'}).`];
  const lines = [
    '',
    `**Baselines in the same browser run, on the same items and the same ${b.miniSearch.typing.planned} keystrokes** (in a plain page, compute only; ours is timed over ${b.ours.quick.measured / b.miniSearch.typing.planned} passes of them):`,
    '',
    '| | build | keystroke p50 | keystroke p95 | keystrokes timed | heap | ours/baseline p95 (through messages) | ours/baseline p95 (core in page) |',
    '|---|---|---|---|---|---|---|---|',
    `| our search core (two tiers) | ${s(b.ours.buildMs)} | ${ms(b.ours.quick.summary.p50)} | ${ms(b.ours.quick.summary.p95)} | ${b.ours.quick.measured} | ${b.ours.heapMB} MB | | |`,
  ];
  for (const ratio of r.ratios) {
    const result = ratio.baseline === 'MiniSearch' ? b.miniSearch : b.naive;
    lines.push(
      `| ${ratio.baseline === 'MiniSearch' ? 'MiniSearch 7, default options, `prefix: true, fuzzy: 0.2`' : 'naive scan (lower-case `includes`, every word)'} | ${s(result.buildMs)} | ${ms(result.typing.summary.p50)} | ${ms(result.typing.summary.p95)} | ${result.typing.measured}/${result.typing.planned} | ${result.heapMB} MB | ${x(ratio.ratio)} (${ms(ratio.oursP95)} vs ${ms(ratio.baselineP95)}) | ${x(ratio.coreRatio)} (${ms(ratio.oursCoreP95)}) |`,
    );
  }
  if (r.ratios.some((ratio) => ratio.keystrokes < b.miniSearch.typing.planned)) {
    lines.push(
      '',
      'A baseline that ran out of its time budget was timed on the first keystrokes only; its ratios compare those same keystrokes.',
    );
  }
  return lines;
}

export function markdownReport(run: RunResults): string {
  const env = run.environment;
  const lines = [
    '# Search benchmark',
    '',
    `${env.date} · ${env.chromium} (headless) · ${env.cpus} × ${env.cpuModel} · ${env.memoryGB} GB · Node ${env.node} · load average at start ${env.loadAverage}`,
    '',
    'Produced by `npm run bench` (see bench/README.md). Times are wall-clock in real headless Chromium with the built extension; a shared or busy machine makes them slower.',
  ];
  for (const r of run.results) {
    const c = r.extension.corpus;
    const cpu = r.extension.cpu;
    lines.push(
      '',
      `## ${n(r.size)} items`,
      '',
      `${n(c.clips)} clips and ${n(c.highlights)} highlights from the Brown corpus: ${c.textMB} MB of article text (${c.htmlMB} MB of HTML), ${n(c.distinctWords)} distinct words. This size took ${s(r.wallMs)}.`,
      '',
      `Machine: load average ${r.loadAverage.before} → ${r.loadAverage.after}; other processes kept ${cpu.build.othersPct}% of the CPUs busy during the index build, ${cpu.cold.othersPct}% during the cold starts and ${cpu.typing.othersPct}% during typing${r.baselines ? ` (${r.baselines.othersCpuPct}% during the baselines)` : ''}. Above ~10%, expect slower and noisier numbers than on a quiet machine.`,
      '',
      ...table(r.rows),
      ...breakdown(r),
      ...baselineTable(r),
    );
  }
  for (const failure of run.failures) lines.push('', `## ${n(failure.size)} items`, '', `Failed: ${failure.error}`);
  return `${lines.join('\n')}\n`;
}
