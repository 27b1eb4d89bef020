/**
 * The content folder as the build's fence: every path the build reads is resolved here (the
 * real path, symbolic links followed) and must be inside the folder and be content (not
 * hidden, not `node_modules`). A contributor's `../../etc/passwd`, `%2e%2e/`, or a link to
 * `/proc/self/environ` ends here, as a reason to tell the author, and nothing is read.
 */
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** Names that are never content, wherever they are. */
export const SKIPPED_NAMES = new Set(['node_modules']);

/** Why a path is not content, or undefined when it is. Hidden Markdown files are (`..md`, the tldr page of `.`). */
export function notContentReason(path: string): string | undefined {
  const names = path.split('/');
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (SKIPPED_NAMES.has(name)) return `it is in ${name}`;
    const markdownFile = i === names.length - 1 && /\.(md|markdown)$/i.test(name);
    if (name.startsWith('.') && !markdownFile) return `${name} is hidden`;
  }
  return undefined;
}

export type Resolved = { real: string; path: string } | { missing: true } | { outside: string };

export class ContentRoot {
  /** The folder's real path (a content folder given through a symbolic link is fine). */
  readonly real: string;

  constructor(folder: string) {
    this.real = realpathSync(folder);
  }

  /** The path below the folder (with `/`) of a real path, or undefined when it is not below it. */
  relativeOf(real: string): string | undefined {
    if (real === this.real) return '';
    if (!real.startsWith(this.real + sep)) return undefined;
    return relative(this.real, real).split(sep).join('/');
  }

  /**
   * Follows a path below the folder (`/`-separated, no `..`) to the real file or folder:
   * `real` and its content `path`, or `missing`, or `outside` with the reason.
   */
  resolve(path: string): Resolved {
    let real: string;
    try {
      real = realpathSync(`${this.real}/${path}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { outside: 'its symbolic links go round in a loop' };
      return { missing: true };
    }
    const inside = this.relativeOf(real);
    if (inside === undefined) return { outside: 'it is outside the content folder (through a symbolic link)' };
    const reason = notContentReason(inside);
    if (reason) return { outside: `it is not content (${reason})` };
    return { real, path: inside };
  }
}
