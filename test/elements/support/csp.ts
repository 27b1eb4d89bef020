/**
 * Reading the Content-Security-Policy reports of a test page served with `?csp` (the strict
 * policy of csp-plugin.mjs, with 'report-sample', so a report shows the code it blocked) and
 * recorded by pages/csp-recorder.js.
 *
 * Two kinds of assertion:
 * - `cspReports(win)` for pages that only show bundles our own build made (or plain test
 *   bundles): the list must be empty, no report at all.
 * - `cspReportsBeyondParsing(win, html)` for a page showing hand-made hostile markup: some browsers
 *   report an inline `style` or `on*` attribute as soon as they *parse* it, even in an inert
 *   document where nothing can run (Chromium 156 does for `on*`). Such reports are allowed
 *   only if this browser makes the very same ones when merely parsing that markup with
 *   DOMParser; whether anything actually ran or applied is for the test to check (a canary
 *   global, `getComputedStyle`).
 */
import { waitFor } from './frame';

export interface CspReport {
  directive: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
  lineNumber: number;
}

type RecordingWindow = Window & typeof globalThis & { cspReports?: CspReport[]; cspFlushes?: number[] };

let flushes = 0;

/**
 * Waits until every report the browser has queued so far has reached the page: sets a style
 * attribute the policy refuses, and waits for its report. Chromium dispatches violation events
 * in the order it queued them, so the reports of everything done before have arrived too.
 */
export async function flushCspReports(win: Window): Promise<void> {
  const page = win as RecordingWindow;
  if (!page.cspFlushes) throw new Error('the page does not load csp-recorder.js');
  const id = ++flushes;
  page.document.createElement('i').setAttribute('style', `--kb-csp-flush-${id}: 1`);
  await waitFor(() => page.cspFlushes!.includes(id), `the CSP report of flush ${id}`, 10_000);
}

/** The page's CSP reports so far, after a flush: for a strict `expect(...).to.deep.equal([])`. */
export async function cspReports(win: Window): Promise<string[]> {
  await flushCspReports(win);
  return (win as RecordingWindow).cspReports!.map(summary);
}

/**
 * The page's CSP reports, and those of them that parsing `html` inert (DOMParser, in the page)
 * does not explain: `unexplained` is empty when every report is one this browser also makes
 * for only parsing the markup.
 */
export async function cspReportsBeyondParsing(win: Window, html: string): Promise<{ reports: string[]; unexplained: string[] }> {
  const reports = await cspReports(win);
  const page = win as RecordingWindow;
  new page.DOMParser().parseFromString(html, 'text/html');
  await flushCspReports(win);
  const fromParsing = new Set(page.cspReports!.slice(reports.length).map(summary));
  return { reports, unexplained: reports.filter((report) => !fromParsing.has(report)) };
}

/** A report as `directive blockedURI "sample"` (where it came from varies with who parsed). */
const summary = (report: CspReport) => `${report.directive} ${report.blockedURI} ${JSON.stringify(report.sample)}`;
