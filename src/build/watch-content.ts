/**
 * The content folder, watched for `kb-elements build --watch`, with chokidar: one walk of the
 * folder sets a watcher on each folder and file in it, and the promise resolves once that walk
 * is done, so a change made after it resolves is seen, however deep in the folder (Node's own
 * recursive `fs.watch` on Linux says nothing of when its subfolders are watched). New folders
 * are watched as they appear. Never watched, so never a cost: the output folder, and what the
 * build never reads (hidden folders and files, `node_modules`).
 */
import { relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { notContentReason } from './content-root';

export interface ContentWatcher {
  close(): Promise<void>;
}

/**
 * Watches `content`; `onChange` gets the path (relative, `/`-separated) of each file or folder
 * added, changed or removed; `onError` what the system refuses (too many watched files, a
 * folder that cannot be read), after which watching goes on where it can.
 */
export function watchContent(
  content: string,
  out: string,
  onChange: (path: string) => void,
  onError: (error: Error) => void,
): Promise<ContentWatcher> {
  const root = resolve(content);
  const output = resolve(out);
  const pathOf = (path: string) => relative(root, resolve(root, path)).split(sep).join('/');
  const ignored = (path: string) => {
    const absolute = resolve(root, path);
    if (absolute === output || absolute.startsWith(output + sep)) return true;
    const inside = pathOf(path);
    return inside !== '' && !inside.startsWith('../') && notContentReason(inside) !== undefined;
  };
  const watcher = watch(root, { ignoreInitial: true, followSymlinks: false, ignored });
  watcher.on('all', (_event, path) => onChange(pathOf(path)));
  watcher.on('error', (error) => onError(error as Error));
  return new Promise((ready) => watcher.once('ready', () => ready({ close: () => watcher.close() })));
}
