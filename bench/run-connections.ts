// The connections benchmark alone, without the browser: node scripts/run-ts.mjs bench/run-connections.ts [--sizes=1000,10000].
import { runConnectionsBench } from './connections';

const arg = process.argv.slice(2).find((a) => a.startsWith('--sizes='));
const sizes = (arg ? arg.slice('--sizes='.length) : '1000,10000').split(',').map((value) => Number(value.replace(/_/g, '')));
const started = performance.now();
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
console.log(await runConnectionsBench(sizes, log));
