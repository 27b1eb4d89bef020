// Serves any page whose URL carries `?csp` with the strict policy the elements must run under.
// 'report-sample' only adds the start of the blocked code to each report (see support/csp.ts).
export const STRICT_CSP = "script-src 'self' 'report-sample'; style-src 'self' 'report-sample'; object-src 'none'; base-uri 'none'";

export function cspPlugin() {
  return {
    name: 'kb-strict-csp',
    transform(context) {
      if (context.URL.searchParams.has('csp') && context.response.is('html')) {
        context.set('Content-Security-Policy', STRICT_CSP);
      }
    },
  };
}
