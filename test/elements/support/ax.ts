/**
 * Chromium's accessibility tree, as a screen reader gets it (server commands of
 * support/ax-plugin.mjs, through CDP): computed role, name and description of an element,
 * whether it is ignored (hidden, inert, behind a modal dialog); forced-colors and phone emulation.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface AxNode {
  role: string;
  name: string;
  description: string;
  /** Not exposed to assistive technology. */
  ignored: boolean;
  /** Why: `inertElement`, `activeModalDialog`, `ariaHiddenElement`, `notRendered`, ... */
  ignoredReasons: string[];
  /** Other properties: `modal`, `level`, `focused`, `expanded`, ... */
  properties: Record<string, unknown>;
}

/**
 * The computed accessibility of the element at `path`: each selector is looked up inside the
 * shadow root of the element found by the previous one (`['kb-launcher', 'kb-launcher-panel', 'dialog']`).
 * Null when there is no such element.
 */
export function axNode(...path: string[]): Promise<AxNode | null> {
  return executeServerCommand<AxNode | null, { path: string[] }>('ax-node', { path });
}

/** Role and name of every node of the page a screen reader can reach (not ignored, named). */
export function axNames(): Promise<{ role: string; name: string }[]> {
  return executeServerCommand<{ role: string; name: string }[], undefined>('ax-names');
}

/** Turns Chromium's `forced-colors: active` emulation on or off. */
export async function emulateForcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-forced-colors', { active });
}

/**
 * A phone: the page's viewport meta tag, a mobile viewport of `width`×`height` with touch
 * (`hover: none`, `pointer: coarse`). Resolves with the function that goes back to the desktop.
 */
/** A real mouse wheel turn at a point of the viewport (Chromium's input pipeline, through CDP). */
export async function wheel(x: number, y: number, deltaY: number): Promise<void> {
  await executeServerCommand('wheel', { x, y, deltaY });
}

export async function emulatePhone(width: number, height: number): Promise<() => Promise<void>> {
  const meta = document.createElement('meta');
  meta.name = 'viewport';
  meta.content = 'width=device-width, initial-scale=1';
  document.head.append(meta);
  await executeServerCommand('emulate-phone', { width, height });
  return async () => {
    await executeServerCommand('emulate-phone', null);
    meta.remove();
  };
}

/** The pixels (RGBA) the page paints in `box` (viewport coordinates), as Chromium composites them. */
export async function paintedPixels(box: DOMRect): Promise<Uint8ClampedArray> {
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
  const png = await executeServerCommand<string, typeof clip>('screenshot', clip);
  const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}
