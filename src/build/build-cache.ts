/**
 * What a long-running build (`--watch`, the Vite plugin) keeps between rebuilds: each
 * article's conversion, reused while the file's size and modification time stay the same.
 * Links, ids, categories and the index are still worked out anew on every build, so a change
 * in one article is seen everywhere it matters; only the Markdown conversion is skipped.
 */
import { statSync } from 'node:fs';
import type { Diagnostic } from './diagnostics';
import { MarkdownEngine } from './markdown';

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: T;
  diagnostics: Diagnostic[];
}

export class BuildCache {
  private engine?: MarkdownEngine;
  private locale = '';
  private entries = new Map<string, Entry<unknown>>();
  private seen = new Set<string>();
  /** Files converted / reused by the last build (for tests and the curious). */
  readonly stats = { converted: 0, reused: 0 };

  /** The Markdown engine for a locale, kept across builds (cached conversions depend on it). */
  engineFor(locale: string): MarkdownEngine {
    if (!this.engine || locale !== this.locale) {
      this.engine = new MarkdownEngine(locale);
      this.locale = locale;
      this.entries.clear();
    }
    return this.engine;
  }

  /** Starts a build: counts from zero, and forgets files the build does not ask for again. */
  begin(): void {
    this.stats.converted = 0;
    this.stats.reused = 0;
    this.seen.clear();
  }

  end(): void {
    for (const path of this.entries.keys()) if (!this.seen.has(path)) this.entries.delete(path);
  }

  /**
   * The cached result for a file, or a fresh one from `make` (which reports into the list it
   * gets, so the messages can be replayed when the result is reused).
   */
  get<T>(path: string, make: (diagnostics: Diagnostic[]) => T): { value: T; diagnostics: Diagnostic[] } {
    this.seen.add(path);
    const info = statSync(path);
    const cached = this.entries.get(path) as Entry<T> | undefined;
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
      this.stats.reused++;
      return cached;
    }
    const diagnostics: Diagnostic[] = [];
    const value = make(diagnostics);
    this.entries.set(path, { mtimeMs: info.mtimeMs, size: info.size, value, diagnostics });
    this.stats.converted++;
    return { value, diagnostics };
  }
}
