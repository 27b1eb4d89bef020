/**
 * Inline SVG charts for the insights report: no script, colours from the report's CSS (light
 * and dark), a title and description for assistive technology; the report puts the same
 * numbers in a table next to each chart. Every text is escaped here.
 */
import { escapeHtml as esc } from '../../core/search/highlight';

export interface StackedBar {
  /** Axis label (`3 Mar`). */
  label: string;
  /** Bottom part, then top part. */
  values: [number, number];
}

const fmt = (n: number) => n.toLocaleString('en');

/** A round axis maximum at or above `max` (1, 2, 5 times a power of ten). */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= max) ?? max;
}

/**
 * Vertical stacked bars (one per day). `series` names the two parts for the legend classes
 * (`bar-0`, `bar-1`); `title` and `description` become the chart's accessible name and
 * description.
 */
export function stackedBarChart(
  bars: StackedBar[],
  options: { id: string; title: string; description: string; series: [string, string] },
): string {
  const width = 760;
  const height = 240;
  const left = 44;
  const bottom = 28;
  const top = 12;
  const plotWidth = width - left - 8;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.values[0] + b.values[1])));
  const step = bars.length ? plotWidth / bars.length : plotWidth;
  const barWidth = Math.max(1, Math.min(28, step * 0.72));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.max(1, Math.ceil(bars.length / 10));
  const parts: string[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(`<line class="grid" x1="${left}" x2="${width - 8}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}"/>`);
    parts.push(`<text class="axis" x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(tick))}</text>`);
  }
  bars.forEach((bar, i) => {
    const x = left + i * step + (step - barWidth) / 2;
    const [low, high] = bar.values;
    if (low > 0)
      parts.push(
        `<rect class="bar-0" x="${x.toFixed(1)}" y="${y(low).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(low)).toFixed(1)}"/>`,
      );
    if (high > 0)
      parts.push(
        `<rect class="bar-1" x="${x.toFixed(1)}" y="${y(low + high).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(low) - y(low + high)).toFixed(1)}"/>`,
      );
    if (i % labelEvery === 0)
      parts.push(`<text class="axis" x="${(x + barWidth / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${esc(bar.label)}</text>`);
  });
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId} ${descId}" preserveAspectRatio="xMidYMid meet">
<title id="${titleId}">${esc(options.title)}</title>
<desc id="${descId}">${esc(options.description)}</desc>
${parts.join('\n')}
</svg>
<p class="legend" aria-hidden="true"><span class="key key-0"></span>${esc(options.series[0])} <span class="key key-1"></span>${esc(options.series[1])}</p>`;
}

/** A small horizontal bar (decorative: the number is in the text next to it). */
export function meterBar(value: number, max: number, className = 'meter'): string {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return `<svg class="${className}" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="10"/><rect class="fill" width="${(share * 100).toFixed(1)}" height="10"/></svg>`;
}

/** A two-part bar: helpful (first) against not helpful (second). Decorative. */
export function splitBar(yes: number, no: number): string {
  const total = yes + no;
  const yesWidth = total ? (yes / total) * 100 : 0;
  return `<svg class="split" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="no" width="100" height="10"/><rect class="yes" width="${yesWidth.toFixed(1)}" height="10"/></svg>`;
}
