// The connections benchmark alone (in Chromium, without the search part): node scripts/run-ts.mjs bench/run-connections.ts [--sizes=1000,10000].
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { CHROMIUM } from '../test/e2e/extension';
import { runConnectionsBench } from './connections';
import { round } from './stats';

const arg = process.argv.slice(2).find((a) => a.startsWith('--sizes='));
const sizes = (arg ? arg.slice('--sizes='.length) : '1000,10000').split(',').map((value) => Number(value.replace(/_/g, '')));
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const environment = {
  chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim(),
  loadAverage: round(loadavg()[0]!, 2),
};
console.log(await runConnectionsBench(sizes, environment, log));
