/**
 * sessionStorage that never throws: storage can be disabled, full, or forbidden in a
 * sandboxed iframe, and a help widget must keep working without it.
 */

/** The stored string, or undefined when absent or storage is unavailable. */
export function readSession(key: string): string | undefined {
  try {
    return window.sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` (an empty value removes the key). Silently does nothing without storage. */
export function writeSession(key: string, value: string): void {
  try {
    if (value) window.sessionStorage.setItem(key, value);
    else window.sessionStorage.removeItem(key);
  } catch {
    // storage unavailable: the value is simply not kept
  }
}
