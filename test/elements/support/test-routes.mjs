// Server routes for the hostile-content tests: a test stores files (or redirects, or a request
// that never answers) under its own folder `/kb-test/<run>/…` with PUT, the elements fetch them,
// and the test reads back every request that folder saw, with whether it carried a cookie.
const files = new Map();
const requests = [];

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const HANG_MS = 5000;

export function testRoutes() {
  return async function kbTestRoutes(ctx, next) {
    const log = /^\/kb-test-log\/([\w-]+)$/.exec(ctx.path);
    if (log) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(requests.filter((r) => r.path.startsWith(`/kb-test/${log[1]}/`)));
      return;
    }
    if (!ctx.path.startsWith('/kb-test/')) return next();
    if (ctx.method === 'PUT') {
      files.set(ctx.path, {
        body: await readBody(ctx.req),
        type: ctx.get('content-type') || 'text/plain',
        redirect: ctx.get('x-redirect') || undefined,
        hang: ctx.get('x-hang') === '1',
      });
      ctx.status = 204;
      return;
    }
    requests.push({ path: ctx.path, cookie: Boolean(ctx.get('cookie')) });
    const file = files.get(ctx.path);
    if (!file) {
      ctx.status = 404;
      ctx.body = 'not found';
      return;
    }
    if (file.hang) {
      await new Promise((resolve) => setTimeout(resolve, HANG_MS));
      ctx.status = 504;
      return;
    }
    if (file.redirect) {
      ctx.redirect(file.redirect);
      return;
    }
    ctx.type = file.type;
    ctx.body = file.body;
  };
}
