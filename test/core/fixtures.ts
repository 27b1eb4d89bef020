/** Small hand-made articles for the core tests (our own text). */
import { assembleBundle, type AssembleInput } from '../../src/core/index';
import type { IndexableArticle, IndexableSection } from '../../src/core/index';

type Input = Partial<IndexableArticle> & { id: string; title: string; html?: string; sections?: IndexableSection[] };

export function article(a: Input): IndexableArticle & { html: string } {
  const sections = a.sections ?? [{ id: '', heading: '', level: 1, parents: [], text: a.excerpt ?? '' }];
  return {
    category: 'general',
    excerpt: '',
    tags: [],
    views: 0,
    headings: sections.filter((s) => s.id).map((s) => ({ id: s.id, text: s.heading, level: s.level })),
    related: [],
    context: [],
    html: sections.map((s) => (s.id ? `<h${s.level} id="${s.id}">${s.heading}</h${s.level}>` : '') + `<p>${s.text}</p>`).join('\n'),
    sections,
    ...a,
  };
}

export function section(id: string, heading: string, text: string, level = 2): IndexableSection {
  return { id, heading, level, parents: [], text };
}

export function bundleOf(articles: (IndexableArticle & { html: string })[], extra: Partial<AssembleInput> = {}) {
  return assembleBundle({
    meta: { title: 'Test KB', locale: 'en' },
    categories: [
      { id: 'general', title: 'General', articleCount: 0, totalCount: 0 },
      { id: 'email', title: 'Email', articleCount: 0, totalCount: 0, order: 1 },
      { id: 'spam', title: 'Spam', parent: 'email', articleCount: 0, totalCount: 0 },
    ],
    articles,
    ...extra,
  });
}

export const SKYHOST = [
  article({
    id: 'spam-filter-threshold',
    title: 'Spam filter threshold',
    category: 'spam',
    views: 900,
    tags: ['spam', 'score'],
    excerpt: 'Set how strict the spam filter is for a domain.',
    sections: [
      { id: '', heading: '', level: 1, parents: [], text: 'The threshold decides when a message counts as spam.' },
      section(
        'lower-the-threshold',
        'Lower the threshold',
        'A lower score catches more spam but risks false positives. The X-Spam-Flag header is set on filtered mail.',
      ),
      section('per-user', 'Per-user settings', 'Users can override the threshold in their own settings.'),
    ],
  }),
  article({
    id: 'quarantine',
    title: 'Quarantine',
    category: 'spam',
    views: 4000,
    tags: ['spam'],
    excerpt: 'Messages held back by the filter wait in quarantine.',
    sections: [
      {
        id: '',
        heading: '',
        level: 1,
        parents: [],
        text: 'Release or delete quarantined messages. Filtering rules decide what lands here.',
      },
    ],
  }),
  article({
    id: 'archive-storage',
    title: 'Archive storage',
    category: 'email',
    views: 100,
    context: ['settings.archive', '/settings/archive'],
    excerpt: 'How long archived mail is kept and where.',
    sections: [
      {
        id: '',
        heading: '',
        level: 1,
        parents: [],
        text: 'Archived messages are stored for ten years. Run setup.sh to change the smtp_tls_policy for user@example.com on 10.0.0.1.',
      },
    ],
  }),
  article({
    id: 'dns-records',
    title: 'DNS records',
    category: 'general',
    views: 300,
    context: ['domains.dns', '/domains/:id/dns'],
    related: ['add-a-domain'],
    excerpt: 'The MX, SPF and DKIM records your domain needs.',
    sections: [
      { id: '', heading: '', level: 1, parents: [], text: 'Point your MX record at our servers.' },
      section('dkim', 'DKIM signing', 'Publish the DKIM key as a TXT record so receivers can verify your mail.'),
    ],
  }),
  article({
    id: 'add-a-domain',
    title: 'Add a domain',
    category: 'general',
    views: 2500,
    context: ['domains.add', '/domains'],
    order: 1,
    excerpt: 'Add your first domain to the panel.',
    sections: [{ id: '', heading: '', level: 1, parents: [], text: 'Open Domains and choose Add domain. Then set the DNS records.' }],
  }),
  article({
    id: 'resume',
    title: 'Résumé of your account',
    category: 'general',
    views: 5,
    order: 2,
    excerpt: 'A summary of your plan.',
    sections: [{ id: '', heading: '', level: 1, parents: [], text: 'Your résumé shows the plan, the domains and the mailboxes.' }],
  }),
  article({
    id: 'settings-overview',
    title: 'Settings overview',
    category: 'general',
    views: 50,
    context: ['settings', '/settings/*'],
    excerpt: 'Every setting in the panel.',
    sections: [
      { id: '', heading: '', level: 1, parents: [], text: 'The settings pages hold the archive, spam filter and branding options.' },
    ],
  }),
];
