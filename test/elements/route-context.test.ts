import { expect } from '@open-wc/testing';
import type { ArticleMeta } from '../../src/core/types';
import {
  getRouteContext,
  onRouteContextChange,
  routeContextQueries,
  setContextKeys,
  suggestedArticles,
  type RouteContext,
} from '../../src/elements/shared/route-context';

const article = (id: string): ArticleMeta => ({
  id,
  title: id,
  category: 'c',
  excerpt: '',
  tags: [],
  views: 0,
  headings: [],
  related: [],
  context: [],
});

/** A stand-in for KnowledgeBase.forContext with exact keys; the real matcher is core's. */
const lookup = (table: Record<string, string[]>) => ({
  calls: [] as string[],
  forContext(query: string | string[]) {
    this.calls.push(String(query));
    return (table[String(query)] ?? []).map(article);
  },
});

const nextChange = () =>
  new Promise<RouteContext>((resolve) => {
    const off = onRouteContextChange((context) => {
      off();
      resolve(context);
    });
  });

describe('route context', () => {
  const start = location.pathname + location.search;
  afterEach(() => {
    setContextKeys(null);
    history.replaceState(null, '', start);
  });

  it('reads the path, a hash-route path and the keys', () => {
    history.replaceState(null, '', '/domains/42/dns/#/settings/archive/');
    setContextKeys(['settings.archive', ' ', 'settings.archive', 'dashboard']);
    const context = getRouteContext();
    expect(context).to.deep.equal({
      path: '/domains/42/dns',
      hashPath: '/settings/archive',
      keys: ['settings.archive', 'dashboard'],
    });
    expect(routeContextQueries(context)).to.deep.equal(['settings.archive', 'dashboard', '/settings/archive', '/domains/42/dns']);
  });

  it('ignores hashes that are not routes (anchors, #kb/ deep links)', () => {
    history.replaceState(null, '', '/help#kb/archive-storage');
    expect(getRouteContext().hashPath).to.equal('');
    history.replaceState(null, '', '/help#pricing');
    expect(getRouteContext().hashPath).to.equal('');
    history.replaceState(null, '', '/#!/billing/invoices');
    expect(getRouteContext().hashPath).to.equal('/billing/invoices');
  });

  it('follows pushState, replaceState, popstate and hashchange with no call from the host', async () => {
    history.replaceState(null, '', '/dashboard');
    let change = nextChange();
    history.pushState(null, '', '/domains');
    expect((await change).path).to.equal('/domains');

    change = nextChange();
    history.replaceState(null, '', '/settings/archive');
    expect((await change).path).to.equal('/settings/archive');

    change = nextChange();
    history.back();
    expect((await change).path).to.equal('/dashboard');

    change = nextChange();
    location.hash = '#/billing/invoices';
    expect((await change).hashPath).to.equal('/billing/invoices');
  });

  it('sees a router that kept the original pushState (through the Navigation API)', async function () {
    if (!('navigation' in window)) this.skip();
    history.replaceState(null, '', '/dashboard');
    const original = Object.getPrototypeOf(history).pushState as History['pushState'];
    const change = nextChange();
    original.call(history, null, '', '/billing/invoices');
    expect((await change).path).to.equal('/billing/invoices');
  });

  it('notifies when the keys change, once per change', async () => {
    const seen: string[][] = [];
    const off = onRouteContextChange((c) => seen.push(c.keys));
    setContextKeys('settings.spam-filter');
    await Promise.resolve();
    setContextKeys('settings.spam-filter');
    await Promise.resolve();
    setContextKeys([]);
    await Promise.resolve();
    off();
    setContextKeys('ignored');
    await Promise.resolve();
    expect(seen).to.deep.equal([['settings.spam-filter'], []]);
  });

  it('suggests articles for keys first, then the path, without duplicates, up to the limit', () => {
    history.replaceState(null, '', '/settings/archive');
    setContextKeys('settings.archive');
    const kb = lookup({
      'settings.archive': ['archive-storage', 'retention'],
      '/settings/archive': ['retention', 'export', 'two-factor'],
    });
    expect(suggestedArticles(kb).map((a) => a.id)).to.deep.equal(['archive-storage', 'retention', 'export', 'two-factor']);
    expect(suggestedArticles(kb, getRouteContext(), 2).map((a) => a.id)).to.deep.equal(['archive-storage', 'retention']);
  });

  it('treats a failing look-up as no match', () => {
    const kb = {
      forContext(): ArticleMeta[] {
        throw new Error('bad pattern');
      },
    };
    expect(suggestedArticles(kb)).to.deep.equal([]);
  });

  it('wraps history once even when the module is loaded twice (state lives on window)', () => {
    const pushState = history.pushState;
    onRouteContextChange(() => {})();
    onRouteContextChange(() => {})();
    expect(history.pushState).to.equal(pushState);
  });
});
