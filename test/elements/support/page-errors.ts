/** Runs `body` and resolves with what reached the page's error handlers meanwhile (`error`, `unhandledrejection`). */
export async function pageErrorsDuring(body: () => Promise<void>, settleMs = 50): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await body();
    await new Promise((r) => setTimeout(r, settleMs));
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}
