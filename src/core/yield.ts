/** Long work as short tasks: giving the event loop a turn between steps, within a time budget. */

/** How long our code runs before it gives the event loop a turn (well under a 50 ms long task, GC included). */
const BUDGET_MS = 8;

/** When our code last got the event loop back from a yield: one clock for all sliced work, so consecutive steps share a budget. */
let resumedAt = Number.NEGATIVE_INFINITY;

/** A new task (no 4 ms timer clamp): `scheduler.yield()`, `setImmediate`, a MessageChannel message, or a timer. */
function nextTask(): Promise<void> {
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

/**
 * Waits for a quiet moment of the page (a background-priority task, which rendering and input
 * go before, or else an idle period), for work nobody waits for; a plain new task where neither
 * exists (Node).
 */
export async function yieldUntilIdle(): Promise<void> {
  const g = globalThis as unknown as {
    requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => unknown;
    scheduler?: { postTask?: (fn: () => void, options: { priority: string }) => Promise<void> };
  };
  if (typeof g.scheduler?.postTask === 'function') await g.scheduler.postTask(() => {}, { priority: 'background' });
  else if (typeof g.requestIdleCallback === 'function')
    await new Promise<void>((resolve) => g.requestIdleCallback!(resolve, { timeout: 200 }));
  else await nextTask();
  resumedAt = performance.now();
}

/** Gives the event loop a turn, so that long work runs as short tasks. */
async function yieldToEventLoop(): Promise<void> {
  await nextTask();
  resumedAt = performance.now();
}

/** Whether our code has run for `budgetMs` since it last gave the event loop a turn. */
function sliceDue(budgetMs = BUDGET_MS): boolean {
  return performance.now() - resumedAt > budgetMs;
}

/** Gives the event loop a turn if the current slice has used its budget. */
export async function yieldIfDue(budgetMs = BUDGET_MS): Promise<void> {
  if (sliceDue(budgetMs)) await yieldToEventLoop();
}

/** Runs `step(i)` for i in [0, n), giving the event loop a turn whenever a slice has used its budget. */
export async function timeSliced(n: number, step: (i: number) => void, budgetMs = BUDGET_MS): Promise<void> {
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i & 31) === 31 && sliceDue(budgetMs)) await yieldToEventLoop();
  }
}
