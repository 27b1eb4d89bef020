/** Files that articles reference (images, attachments), copied under content-hash names. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { hashedName } from './hash';

export const ASSETS_DIR = 'assets';

export class AssetStore {
  /** Output path (relative to the bundle, `assets/name.hash.ext`) to content. */
  readonly files = new Map<string, Uint8Array>();
  private readonly bySource = new Map<string, string>();

  /** Adds a file (absolute path) and returns its path relative to the bundle. */
  add(absolutePath: string): string {
    let output = this.bySource.get(absolutePath);
    if (output) return output;
    const content = readFileSync(absolutePath);
    const extension = extname(absolutePath).toLowerCase();
    output = `${ASSETS_DIR}/${hashedName(basename(absolutePath, extname(absolutePath)), extension, content)}`;
    this.bySource.set(absolutePath, output);
    this.files.set(output, content);
    return output;
  }

  /** Absolute paths of every file added. */
  sources(): string[] {
    return [...this.bySource.keys()];
  }
}
