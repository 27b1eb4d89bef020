/**
 * Knowledge-base bundles for the element tests, made with core's `assembleBundle` (the one
 * place a bundle is made), so they always match the current format and search index.
 *
 * - `smallBundle()`: 9 articles in 5 categories (two nested), sections, views, dates.
 * - `hostileBundle()`: every text field of a bundle carries XSS payloads.
 * - `largeBundle(n)`: n generated articles in 12 categories (pagination, speed).
 * - `bundleUrl(bundle)`: a blob: URL serving it as JSON (for `src`); `knowledgeBase(bundle)`
 *   a ready KnowledgeBase (for the `knowledgeBase` property).
 * - The generated demo bundle is at `DEMO_BUNDLE_URL` (written by test/fixtures/build-fixtures.ts).
 */
import { assembleBundle, KnowledgeBase, type Category, type IndexableArticle, type KbBundle } from '../../../src/core/index';

export const DEMO_BUNDLE_URL = '/test/fixtures/generated/demo/kb.json';

export interface ArticleSpec {
  id: string;
  title: string;
  category: string;
  excerpt?: string;
  views?: number;
  updated?: string;
  order?: number;
  tags?: string[];
  context?: string[];
  related?: string[];
  /** Text before the first heading. */
  intro?: string;
  sections?: { heading: string; text: string; id?: string }[];
  /** Body HTML; default: made from intro and sections (escaped). */
  html?: string;
  /** Language of the article, when it differs from the knowledge base's. */
  lang?: string;
}

export interface CategorySpec {
  id: string;
  title: string;
  description?: string;
  introHtml?: string;
  parent?: string;
  order?: number;
  icon?: string;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A bundle from short specs: headings, sections, bodies and category counts are derived. */
export function makeBundle(input: { title?: string; locale?: string; categories: CategorySpec[]; articles: ArticleSpec[] }): KbBundle {
  const articles = input.articles.map((spec): IndexableArticle & { html: string } => {
    const sections = (spec.sections ?? []).map((s) => ({ ...s, id: s.id ?? slug(s.heading) }));
    const html =
      spec.html ??
      [
        spec.intro ? `<p>${escape(spec.intro)}</p>` : '',
        ...sections.map((s) => `<h2 id="${escape(s.id)}">${escape(s.heading)}</h2><p>${escape(s.text)}</p>`),
      ].join('\n');
    return {
      id: spec.id,
      title: spec.title,
      category: spec.category,
      excerpt: spec.excerpt ?? spec.intro ?? '',
      tags: spec.tags ?? [],
      views: spec.views ?? 0,
      ...(spec.updated ? { updated: spec.updated } : {}),
      ...(spec.order !== undefined ? { order: spec.order } : {}),
      ...(spec.lang ? { lang: spec.lang } : {}),
      headings: sections.map((s) => ({ id: s.id, text: s.heading, level: 2 })),
      related: spec.related ?? [],
      context: spec.context ?? [],
      sections: [
        { id: '', heading: '', level: 1, parents: [], text: spec.intro ?? '' },
        ...sections.map((s) => ({ id: s.id, heading: s.heading, level: 2, parents: [], text: s.text })),
      ],
      html,
    };
  });
  const direct = (id: string) => articles.filter((a) => a.category === id).length;
  const descendants = (id: string): string[] =>
    input.categories.filter((c) => c.parent === id).flatMap((c) => [c.id, ...descendants(c.id)]);
  const categories: Category[] = input.categories.map((c) => ({
    ...c,
    articleCount: direct(c.id),
    totalCount: [c.id, ...descendants(c.id)].reduce((n, id) => n + direct(id), 0),
  }));
  return assembleBundle({ meta: { title: input.title ?? 'Test help', locale: input.locale ?? 'en' }, categories, articles });
}

/** Skyhost-like help: 5 categories (spam filter and archive nested under email), 9 articles. */
export function smallBundle(): KbBundle {
  return makeBundle({
    title: 'Skyhost help',
    categories: [
      { id: 'getting-started', title: 'Getting started', description: 'First steps in the Skyhost Panel.', order: 1 },
      { id: 'email', title: 'Email filtering', description: 'Keep spam out and mail archived.', order: 2 },
      { id: 'spam', title: 'Spam filter', description: 'Thresholds, quarantine and outbound checks.', parent: 'email', order: 1 },
      {
        id: 'archive',
        title: 'Archive',
        description: 'Store every message for years.',
        parent: 'email',
        order: 2,
        introHtml: '<p>The <strong>archive</strong> keeps mail.</p><img src="x" onerror="window.__kbIntroXss=1">',
      },
      { id: 'domains', title: 'Domains', description: 'Add domains and manage DNS.', order: 3 },
      { id: 'billing', title: 'Billing', description: 'Invoices and payment.', order: 4 },
    ],
    articles: [
      {
        id: 'getting-started',
        title: 'Getting started with Skyhost',
        category: 'getting-started',
        order: 1,
        views: 4692,
        updated: '2026-03-01',
        intro: 'A tour of the panel: dashboard, domains and email settings.',
        sections: [
          { heading: 'Log in', text: 'Use the address from your welcome mail to sign in.' },
          { heading: 'Your dashboard', text: 'The dashboard shows domains, mail flow and alerts.' },
        ],
      },
      {
        id: 'two-factor-authentication',
        title: 'Turn on two-factor authentication',
        category: 'getting-started',
        order: 2,
        views: 1250,
        updated: '2026-02-10',
        intro: 'Protect your login with a second factor from an authenticator app.',
        sections: [{ heading: 'Recovery codes', text: 'Print the recovery codes and keep them somewhere safe.' }],
      },
      {
        id: 'spam-filter-threshold',
        title: 'Set the spam filter threshold',
        category: 'spam',
        order: 1,
        views: 3100,
        updated: '2026-01-20',
        intro: 'The threshold decides how strict the spam filter is.',
        tags: ['spam', 'score'],
        sections: [
          { heading: 'Choosing a score', text: 'Lower scores catch more spam but may quarantine wanted mail.' },
          { heading: 'Per-domain thresholds', text: 'Each domain can override the default threshold.' },
        ],
      },
      {
        id: 'quarantine',
        title: 'Release mail from quarantine',
        category: 'spam',
        order: 2,
        views: 2890,
        updated: '2025-12-05',
        intro: 'Messages the filter held back wait in quarantine for 30 days.',
        sections: [{ heading: 'Releasing a message', text: 'Select the message and choose release; it is delivered at once.' }],
      },
      {
        id: 'outbound-filtering',
        title: 'Outbound filtering',
        category: 'spam',
        order: 3,
        views: 640,
        intro: 'Outgoing mail is scanned so a hacked mailbox cannot send spam.',
        sections: [{ heading: 'Blocked senders', text: 'A sender that exceeds the limit is blocked until you unblock it.' }],
      },
      {
        id: 'archive-storage',
        title: 'How long the archive keeps mail',
        category: 'archive',
        order: 1,
        views: 980,
        updated: '2026-02-28',
        intro: 'The archive stores every message for the retention period you choose.',
        sections: [
          { heading: 'Retention period', text: 'Choose between one and ten years of retention.' },
          { heading: 'Storage limits', text: 'Archive storage is unlimited on business plans.' },
        ],
      },
      {
        id: 'add-a-domain',
        title: 'Add a domain',
        category: 'domains',
        order: 1,
        views: 2200,
        updated: '2026-03-10',
        intro: 'Add your domain, then point its MX records at Skyhost.',
        sections: [{ heading: 'Verify ownership', text: 'Create the TXT record the panel shows to prove the domain is yours.' }],
      },
      {
        id: 'dns-records',
        title: 'DNS records for mail',
        category: 'domains',
        order: 2,
        views: 1800,
        updated: '2026-01-02',
        intro: 'MX, SPF, DKIM and DMARC records for filtered mail.',
        sections: [
          { heading: 'MX records', text: 'Point MX records at the Skyhost filter hosts.' },
          { heading: 'SPF record', text: 'Include the Skyhost servers in your SPF record.' },
        ],
      },
      {
        id: 'branding',
        title: 'Brand the panel with your logo',
        category: 'getting-started',
        order: 3,
        views: 310,
        updated: '2025-11-11',
        intro: 'Upload a logo and pick colours for your customers.',
        sections: [],
      },
    ],
  });
}

/** Payloads that must never execute nor leave an `on*` attribute or script URL in the DOM. */
export const XSS_PAYLOADS = [
  '<script>window.__kbXss=1</script>',
  '<img src=x onerror="window.__kbXss=1">',
  '<svg onload="window.__kbXss=1"></svg>',
  '<a href="javascript:window.__kbXss=1">x</a>',
  '"><img src=x onerror=window.__kbXss=1>',
  '<math><mi><mglyph><style><img src=x onerror=window.__kbXss=1></style></mglyph></mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=window.__kbXss=1>">',
  '</mark><img src=x onerror=window.__kbXss=1><mark>',
  '&lt;img src=x onerror=window.__kbXss=1&gt;',
] as const;

/** Every text field carries a payload; titles also contain a searchable word, `payload`. */
export function hostileBundle(): KbBundle {
  const p = (i: number) => XSS_PAYLOADS[i % XSS_PAYLOADS.length]!;
  return makeBundle({
    title: `Hostile ${p(0)}`,
    categories: [
      { id: 'evil', title: `Evil ${p(1)}`, description: `Description ${p(2)}`, introHtml: p(3) },
      { id: 'nested-evil', title: `Nested ${p(4)}`, description: p(5), parent: 'evil' },
    ],
    articles: XSS_PAYLOADS.map((payload, i) => ({
      id: `hostile-${i}`,
      title: `Payload ${i} ${payload}`,
      category: i % 2 ? 'nested-evil' : 'evil',
      excerpt: `Excerpt payload ${p(i + 1)}`,
      views: 100 + i,
      updated: '2026-01-01',
      tags: [payload],
      intro: `Intro payload ${payload}`,
      sections: [{ heading: `Section payload ${p(i + 2)}`, text: `Section text payload ${payload}`, id: `s${i}` }],
      html: `<p>Body ${payload}</p>`,
    })),
  });
}

const WORDS = [
  'mail',
  'domain',
  'filter',
  'archive',
  'invoice',
  'backup',
  'certificate',
  'forwarding',
  'alias',
  'quota',
  'retention',
  'login',
];

/** `count` generated articles over 12 categories, with distinct views and dates. */
export function largeBundle(count = 300): KbBundle {
  const categories = WORDS.map((w, i) => ({
    id: `cat-${i}`,
    title: `${w[0]!.toUpperCase()}${w.slice(1)} topics`,
    description: `Everything about ${w}.`,
    order: i,
  }));
  const articles = Array.from({ length: count }, (_, i): ArticleSpec => {
    const w = WORDS[i % WORDS.length]!;
    const v = WORDS[(i * 7 + 3) % WORDS.length]!;
    return {
      id: `article-${i}`,
      title: `Article ${i}: ${w} and ${v}`,
      category: `cat-${i % WORDS.length}`,
      order: Math.floor(i / WORDS.length),
      views: (i * 7919) % 10007,
      updated: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      intro: `How ${w} works with ${v} in the panel.`,
      sections: [{ heading: `Configure ${v}`, text: `Steps to configure ${v} for ${w}.` }],
    };
  });
  return makeBundle({ title: 'Large help', categories, articles });
}

/** A blob: URL serving the bundle (or any JSON-able value, or raw text) for `src`. */
export function bundleUrl(bundle: unknown): string {
  const text = typeof bundle === 'string' ? bundle : JSON.stringify(bundle);
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

/** A ready KnowledgeBase for the `knowledgeBase` property. */
export function knowledgeBase(bundle: KbBundle = smallBundle()): KnowledgeBase {
  return KnowledgeBase.from(bundle);
}
