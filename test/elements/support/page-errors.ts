import { quiet } from './dom';

/**
 * Runs `body` and resolves with what reached the page's error handlers meanwhile (`error`,
 * `unhandledrejection`), including what `body` set off and the page ran before it went `quiet`.
 */
export async function pageErrorsDuring(body: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await body();
    await quiet();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}
