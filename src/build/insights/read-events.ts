/**
 * Reads the collector's day files (`kb-events-YYYY-MM-DD.jsonl`) in a time window, streaming:
 * memory does not grow with the files, a line too long or not an event is skipped and counted,
 * never fatal. The files are read as untrusted input.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { validateStoredEvent, type StoredAnalyticsEvent } from '../../core/analytics-events';
import { eventFileDay } from '../collector/event-files';

/** Longer lines are not events the collector wrote (it writes a few hundred bytes per line). */
const MAX_LINE_BYTES = 64 * 1024;
const EXAMPLES_KEPT = 5;

export interface ReadWindow {
  /** Events received at or after this time. */
  since: Date;
  /** Events received before this time (default: no end). */
  until?: Date;
}

export interface ReadStats {
  files: number;
  /** Valid events in the window. */
  events: number;
  /** Lines that are not events (bad JSON, not the schema, too long). */
  badLines: number;
  /** A few of them, `file:line: why`, for the report. */
  badExamples: string[];
  /** Valid events outside the window. */
  outside: number;
}

/** Calls `onEvent` for every valid event in the window, in file order. */
export async function readEvents(dataDir: string, window: ReadWindow, onEvent: (event: StoredAnalyticsEvent) => void): Promise<ReadStats> {
  const stats: ReadStats = { files: 0, events: 0, badLines: 0, badExamples: [], outside: 0 };
  const sinceDay = window.since.toISOString().slice(0, 10);
  const untilDay = window.until?.toISOString().slice(0, 10);
  const names = (await readdir(dataDir)).filter((name) => {
    const day = eventFileDay(name);
    // A day's file holds events received that day (UTC): files wholly outside the window are not opened.
    return day !== undefined && day >= sinceDay && (untilDay === undefined || day <= untilDay);
  });
  const sinceMs = window.since.getTime();
  const untilMs = window.until?.getTime() ?? Infinity;
  for (const name of names.sort()) {
    const path = join(dataDir, name);
    if (!(await lstat(path)).isFile()) continue;
    stats.files++;
    const bad = (line: number, why: string) => {
      stats.badLines++;
      if (stats.badExamples.length < EXAMPLES_KEPT) stats.badExamples.push(`${name}:${line}: ${why}`);
    };
    await forEachLine(path, (text, line) => {
      if (text === undefined) return bad(line, `longer than ${MAX_LINE_BYTES / 1024} KiB`);
      if (!text.trim()) return;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        return bad(line, 'not JSON');
      }
      const checked = validateStoredEvent(data);
      if (!checked.ok) return bad(line, checked.error);
      const at = Date.parse(checked.value.received);
      if (at < sinceMs || at >= untilMs) {
        stats.outside++;
        return;
      }
      stats.events++;
      onEvent(checked.value);
    });
  }
  return stats;
}

/**
 * Calls `onLine(text, lineNumber)` for each line of the file; `text` is undefined for a line over
 * the cap, whose bytes are skipped rather than held.
 */
function forEachLine(path: string, onLine: (text: string | undefined, line: number) => void): Promise<void> {
  return new Promise((resolveRead, reject) => {
    const stream = createReadStream(path);
    let parts: Buffer[] = [];
    let size = 0;
    let tooLong = false;
    let line = 0;
    const endLine = () => {
      line++;
      onLine(tooLong ? undefined : Buffer.concat(parts, size).toString('utf8'), line);
      parts = [];
      size = 0;
      tooLong = false;
    };
    const take = (piece: Buffer) => {
      if (tooLong) return;
      if (size + piece.length > MAX_LINE_BYTES) {
        tooLong = true;
        parts = [];
        size = 0;
        return;
      }
      parts.push(piece);
      size += piece.length;
    };
    stream.on('data', (data: string | Buffer) => {
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      let start = 0;
      for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
        take(chunk.subarray(start, nl));
        endLine();
        start = nl + 1;
      }
      if (start < chunk.length) take(chunk.subarray(start));
    });
    stream.on('error', reject);
    stream.on('end', () => {
      if (size || tooLong) endLine();
      resolveRead();
    });
  });
}
