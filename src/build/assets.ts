/**
 * Files that articles reference (images, attachments), published under content-hash names:
 * only the types of ./asset-types, SVG only sanitized, each real file read once.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { assetType, hasExpectedStart } from './asset-types';
import { hashedName } from './hash';
import { sanitizeSvg } from './html-sanitizer';
import { ASSETS_DIR } from '../core/bundle-format';

/** Larger files are not published (serve big downloads from elsewhere). */
export const MAX_ASSET_BYTES = 50 * 1024 * 1024;

/** A published file's path in the bundle (and what sanitizing an SVG removed), or why it is not published. */
export type AssetResult = { path: string; removed?: string[] } | { refused: string };

export class AssetStore {
  /** Output path (relative to the bundle, `assets/name.hash.ext`) to content. */
  readonly files = new Map<string, Uint8Array>();
  private readonly bySource = new Map<string, AssetResult>();

  /**
   * Publishes a file, named by its real path (absolute, already confined to the content
   * folder by the caller), once however many articles use it.
   */
  add(realPath: string): AssetResult {
    let result = this.bySource.get(realPath);
    if (!result) {
      result = this.publish(realPath);
      this.bySource.set(realPath, result);
    }
    return result;
  }

  private publish(realPath: string): AssetResult {
    const name = basename(realPath);
    const type = assetType(name);
    if ('refused' in type) return type;
    const size = statSync(realPath).size;
    if (size > MAX_ASSET_BYTES)
      return { refused: `it is ${(size / 1024 / 1024).toFixed(0)} MB; files over ${MAX_ASSET_BYTES / 1024 / 1024} MB are not published` };
    let content: Uint8Array = readFileSync(realPath);
    let removed: string[] | undefined;
    if (type.kind === 'svg') {
      const clean = sanitizeSvg(Buffer.from(content).toString('utf8'));
      if ('error' in clean) return { refused: `it is not an SVG image (${clean.error})` };
      content = Buffer.from(clean.svg);
      removed = clean.removed;
    } else if (!hasExpectedStart(type, content)) {
      return { refused: `its content is not what a .${name.slice(name.lastIndexOf('.') + 1).toLowerCase()} file holds` };
    }
    const dot = name.lastIndexOf('.');
    const output = `${ASSETS_DIR}/${hashedName(name.slice(0, dot), name.slice(dot).toLowerCase(), content)}`;
    this.files.set(output, content);
    return removed?.length ? { path: output, removed } : { path: output };
  }

  /** Real paths of every file that was asked for (published or not). */
  sources(): string[] {
    return [...this.bySource.keys()];
  }
}
