// How busy the machine was during a phase: CPU share of other processes vs. the browser and this script, from /proc.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { browserProcesses, readProc } from './memory';

export interface CpuShare {
  /** CPU time of everything else, as a percentage of all CPUs over the phase. */
  othersPct: number;
  /** CPU time of the browser and this script, as a percentage of all CPUs over the phase. */
  oursPct: number;
}

/** Busy time of the whole machine, in clock ticks (USER_HZ). */
function machineBusyTicks(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return user + nice + system + irq + softirq + steal;
}

/** utime + stime of one process, in clock ticks. */
function processTicks(pid: string): number {
  const stat = readProc(pid, 'stat');
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** Starts measuring; the returned function ends the phase and gives the shares. */
export function startCpuMeter(profileDir: string): () => CpuShare {
  const ticksPerMs = 100 / 1000;
  const ours = () => {
    let sum = processTicks(String(process.pid));
    for (const pid of browserProcesses(profileDir).keys()) sum += processTicks(pid);
    return sum;
  };
  // Processes that end during the phase take their ticks with them; the browser's tree lives throughout.
  const start = { at: performance.now(), busy: machineBusyTicks(), ours: ours() };
  return () => {
    const capacity = (performance.now() - start.at) * ticksPerMs * cpus().length;
    const busy = machineBusyTicks() - start.busy;
    const mine = ours() - start.ours;
    const pct = (ticks: number) => Math.max(0, Math.round((ticks / capacity) * 100));
    return { othersPct: pct(busy - mine), oursPct: pct(mine) };
  };
}
