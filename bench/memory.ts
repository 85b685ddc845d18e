// Memory from outside: RSS of one profile's Chromium processes (/proc), JS heaps of the worker or a page (DevTools protocol).
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface ProcessMemory {
  /** Sum of VmRSS over the browser's processes (shared pages are counted once per process, so this overstates). */
  totalMB: number;
  /** VmRSS of the extension's renderer process: the service worker and the extension's pages. */
  extensionMB: number;
  /**
   * The same process's private pages (Private_Clean + Private_Dirty in smaps_rollup): RSS less what it
   * shares with the browser's other processes, mostly Chromium's own code.
   */
  extensionPrivateMB?: number;
  processes: number;
}

const MB = 1024 * 1024;

export function readProc(pid: string, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The processes of the browser using `profileDir`, with their command lines: those started with that
 * --user-data-dir (the browser and every helper it launches carry it) and their descendants.
 */
export function browserProcesses(profileDir: string): Map<string, string[]> {
  const flag = `--user-data-dir=${profileDir}`;
  const parents = new Map<string, string>();
  const commandLines = new Map<string, string[]>();
  const ours = new Set<string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const cmdline = readProc(pid, 'cmdline');
    const status = readProc(pid, 'status');
    if (cmdline === null || status === null) continue;
    // Zygote-forked helpers rewrite their command line as one space-separated string.
    const args = cmdline.split(/[\0 ]/);
    commandLines.set(pid, args);
    parents.set(pid, /PPid:\s+(\d+)/.exec(status)?.[1] ?? '0');
    if (args.includes(flag)) ours.add(pid);
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!ours.has(pid) && ours.has(parent)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return new Map([...ours].map((pid) => [pid, commandLines.get(pid) ?? []]));
}

/** Whether a browser process (by its command line) is the extension's renderer: its worker and pages. */
const isExtensionProcess = (args: readonly string[]) => args.includes('--extension-process');

export function chromiumMemory(profileDir: string): ProcessMemory {
  const processes = browserProcesses(profileDir);
  let total = 0;
  let extension = 0;
  let extensionPrivate = 0;
  for (const [pid, args] of processes) {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status') ?? '')?.[1] ?? 0);
    total += kb;
    if (!isExtensionProcess(args)) continue;
    extension += kb;
    const rollup = readProc(pid, 'smaps_rollup') ?? '';
    for (const field of ['Private_Clean', 'Private_Dirty'])
      extensionPrivate += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(rollup)?.[1] ?? 0);
  }
  return {
    totalMB: Math.round(total / 1024),
    extensionMB: Math.round(extension / 1024),
    extensionPrivateMB: Math.round(extensionPrivate / 1024),
    processes: processes.size,
  };
}

export interface HeapUsage {
  /** V8 heap in use after a full garbage collection. */
  usedMB: number;
  totalMB: number;
  /** ArrayBuffer contents, kept outside the JS heap (posting lists are bytes); absent where Chromium does not say. */
  backingStoresMB?: number;
}

type Send = (method: string, params?: object) => Promise<Record<string, unknown>>;

/** The JS heap in use, after a full garbage collection unless `collect` is false (then garbage counts too). */
async function heapOf(send: Send, collect = true): Promise<HeapUsage> {
  if (collect) await send('HeapProfiler.collectGarbage');
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number };
  return {
    usedMB: Math.round(usage.usedSize / MB),
    totalMB: Math.round(usage.totalSize / MB),
    ...(usage.backingStorageSize === undefined ? {} : { backingStoresMB: Math.round(usage.backingStorageSize / MB) }),
  };
}

/** A page's JS heap after garbage collection. */
export async function pageHeap(context: BrowserContext, page: Page): Promise<HeapUsage> {
  const cdp = await context.newCDPSession(page);
  try {
    return await heapOf((method, params) => cdp.send(method as 'Runtime.getHeapUsage', params) as Promise<Record<string, unknown>>);
  } finally {
    await cdp.detach();
  }
}

/** The running service worker's JS heap (see searchHostHeap for `collect`), or null when no worker runs. */
export function serviceWorkerHeap(context: BrowserContext, page: Page, collect = true): Promise<HeapUsage | null> {
  return targetHeap(context, page, (target) => target.type === 'service_worker', collect);
}

/**
 * The JS heap of the search host's offscreen document (Chromium), or null when there is none: after
 * garbage collection, or as it is (`collect` false; totalMB is then what V8 holds for it, garbage included).
 */
export function searchHostHeap(context: BrowserContext, page: Page, collect = true): Promise<HeapUsage | null> {
  return targetHeap(context, page, (target) => target.url.endsWith('/offscreen.html'), collect);
}

type TargetInfo = { type: string; targetId: string; url: string };

/**
 * A DevTools target's JS heap (see heapOf), or null when no target matches. Playwright cannot
 * open a session on a worker or an offscreen document, so this attaches to the target through a page's
 * session and talks to it with Target.sendMessageToTarget.
 */
async function targetHeap(
  context: BrowserContext,
  page: Page,
  match: (target: TargetInfo) => boolean,
  collect = true,
): Promise<HeapUsage | null> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const raw = (method: string, params?: object) => cdp.send(method as 'Target.getTargets', params) as Promise<Record<string, unknown>>;
  try {
    const { targetInfos } = (await raw('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const worker = targetInfos.find(match);
    if (!worker) return null;
    const { sessionId } = (await raw('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    let nextId = 1;
    const waiting = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
    cdp.on('Target.receivedMessageFromTarget' as 'Target.attachedToTarget', (event: unknown) => {
      const { message } = event as { message: string };
      const reply = JSON.parse(message) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
      const waiter = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!waiter) return;
      if (reply.error) waiter.reject(new Error(reply.error.message));
      else waiter.resolve(reply.result ?? {});
    });
    const send: Send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        raw('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    try {
      return await heapOf(send, collect);
    } finally {
      await raw('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  } finally {
    await cdp.detach();
  }
}

/** The extension process as Chrome itself measures it (a memory-infra dump), in MB. */
export interface Footprint {
  /** Private memory footprint: what Chrome's task manager shows as the process's memory. */
  privateMB: number;
  /** V8 heaps of the process's main thread (the extension's pages) and of its workers (the service worker). */
  v8MainMB: number;
  v8WorkersMB: number;
  mallocMB: number;
}

type DumpEvent = { ph?: string; pid?: number; args?: { dumps?: DumpArgs } };
type DumpArgs = {
  process_totals?: { private_footprint_bytes?: string };
  allocators?: Record<string, { attrs?: Record<string, { value?: string }> }>;
};

/**
 * The extension process's footprint from a memory-infra dump, taken through a page's DevTools session
 * (tracing is browser-wide), or null when the dump names no extension process.
 */
export async function extensionFootprint(context: BrowserContext, page: Page, profileDir: string): Promise<Footprint | null> {
  const cdp = await context.newCDPSession(page);
  const send = (method: string, params?: object) => cdp.send(method as 'Tracing.start', params);
  try {
    const events: DumpEvent[] = [];
    cdp.on('Tracing.dataCollected', (event: { value: object[] }) => events.push(...(event.value as DumpEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await send('Tracing.start', {
      traceConfig: {
        includedCategories: ['disabled-by-default-memory-infra'],
        excludedCategories: ['*'],
        memoryDumpConfig: { triggers: [] },
      },
      transferMode: 'ReportEvents',
    });
    await send('Tracing.requestMemoryDump', { levelOfDetail: 'light' });
    await send('Tracing.end');
    await complete;
    const extension = new Set([...browserProcesses(profileDir)].filter(([, args]) => isExtensionProcess(args)).map(([pid]) => Number(pid)));
    // A process's totals and its allocators come in separate events.
    let privateBytes = 0;
    const allocators: NonNullable<DumpArgs['allocators']> = {};
    for (const event of events) {
      if (event.ph !== 'v' || event.pid === undefined || !extension.has(event.pid)) continue;
      const dumps = event.args?.dumps;
      privateBytes += hex(dumps?.process_totals?.private_footprint_bytes);
      Object.assign(allocators, dumps?.allocators ?? {});
    }
    if (privateBytes === 0) return null;
    const allocated = (name: string) => {
      const attrs = allocators[name]?.attrs;
      return Math.round(hex(attrs?.effective_size?.value ?? attrs?.size?.value) / MB);
    };
    return {
      privateMB: Math.round(privateBytes / MB),
      v8MainMB: allocated('v8/main'),
      v8WorkersMB: allocated('v8/workers'),
      mallocMB: allocated('malloc'),
    };
  } finally {
    await cdp.detach();
  }
}

const hex = (value: string | undefined) => (value ? parseInt(value, 16) : 0);
