// Loaded first by test pages: records Content-Security-Policy violations for the test to read
// (`cspViolations`: one line each; `cspReports`: the fields). Reports of the sentinel that
// test/elements/support/csp.ts sets to flush the browser's queue of reports are counted in
// `cspFlushes` instead.
window.cspViolations = [];
window.cspReports = [];
window.cspFlushes = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const flush = /kb-csp-flush-(\d+)/.exec(event.sample);
  if (flush) {
    window.cspFlushes.push(Number(flush[1]));
    return;
  }
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  window.cspReports.push({
    directive: event.effectiveDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    sourceFile: event.sourceFile,
    lineNumber: event.lineNumber,
  });
});
