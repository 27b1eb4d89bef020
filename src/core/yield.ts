/** Gives the event loop a turn, so that long work runs as short tasks (no 4 ms timer clamp). */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as {
    scheduler?: { yield?: () => Promise<void> };
    setImmediate?: (fn: () => void) => unknown;
  };
  if (typeof g.scheduler?.yield === 'function') return g.scheduler.yield();
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate!(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `step(i)` for i in [0, n), yielding whenever a slice has run for `budgetMs`. */
export async function timeSliced(n: number, step: (i: number) => void, budgetMs = 8): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i & 31) === 31 && performance.now() - sliceStart > budgetMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}
