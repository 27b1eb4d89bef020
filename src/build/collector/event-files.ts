/**
 * The collector's files: one JSON-lines file per day (UTC) in the data folder,
 * `kb-events-2026-03-02.jsonl`, each line one stored event. The collector appends to them; the
 * insights report reads them. File names are made from dates only, never from request data.
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';

const EVENT_FILE = /^kb-events-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The file name for the UTC day of `date`. */
export function eventFileName(date: Date): string {
  return `kb-events-${date.toISOString().slice(0, 10)}.jsonl`;
}

/** The day (`YYYY-MM-DD`) an event file holds, or undefined when `name` is not an event file. */
export function eventFileDay(name: string): string | undefined {
  return EVENT_FILE.exec(name)?.[1];
}

/**
 * Appends batches to the day files, one at a time: each batch is one write of whole lines, so
 * lines from concurrent requests never interleave.
 */
export class EventFileWriter {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  /** Appends `lines` (each ending in a newline) to the file of `day`; rejects if the write fails. */
  append(day: Date, lines: string): Promise<void> {
    const path = join(this.dataDir, eventFileName(day));
    const write = this.#queue.then(() => appendFile(path, lines, 'utf8'));
    this.#queue = write.catch(() => undefined);
    return write;
  }

  /** Resolves once every append started so far has finished. */
  idle(): Promise<void> {
    return this.#queue.then(() => undefined);
  }
}
