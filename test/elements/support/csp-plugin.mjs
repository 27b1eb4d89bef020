// Serves any page whose URL carries `?csp` with the strict policy the elements must run under.
export const STRICT_CSP = "script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

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
