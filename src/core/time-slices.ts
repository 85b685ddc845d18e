// Long loops on a thread that also answers messages and draws pages (the worker, or the offscreen
// document, which shares its thread with the popup and the library page) run in short slices.

/** Something that lets other work run, e.g. a zero-delay timer. */
export type Pause = () => Promise<void>;

/** A pause that lets timers and messages waiting on the thread run first. */
export const yieldToEvents: Pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Calls `each` on every item, awaiting `pause` once `sliceMs` of work have passed since the last one,
 * so nothing waits behind the loop for longer than about that.
 */
export async function forEachInSlices<T>(items: Iterable<T>, each: (item: T) => void, pause: Pause, sliceMs: number): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
