/**
 * Copies text to the clipboard. Uses the async Clipboard API, and falls back to a selection
 * and `execCommand('copy')` where that API is missing or refused (insecure origin, iframe
 * without permission). Resolves true when the text was copied.
 */
export async function copyText(text: string, scratchParent: Node): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text, scratchParent);
  }
}

function copyBySelection(text: string, parent: Node): boolean {
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.className = 'visually-hidden';
  parent.appendChild(scratch);
  const active = (parent.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  scratch.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  scratch.remove();
  active?.focus();
  return copied;
}
