/**
 * The pages of the Skyhost Panel demo: static markup (our own, no user data) that the router
 * in main.ts puts into <main>. Contextual help comes from <kb-tip> elements next to the
 * settings; "Suggested for this page" in the launcher follows the URL by itself.
 */
import { KB_URL } from './kb-url';

export interface Page {
  title: string;
  /** Top-level section for the sidebar highlight. */
  section: string;
  html: string;
}

const DOMAINS = [
  { id: 42, name: 'vos-partners.nl', status: 'Active', mailboxes: 18, spam: '2,341', added: 'Mar 3, 2025' },
  { id: 43, name: 'vospartners.com', status: 'Active', mailboxes: 3, spam: '418', added: 'Mar 3, 2025' },
  { id: 57, name: 'mail.vos-legal.eu', status: 'Active', mailboxes: 9, spam: '1,120', added: 'Aug 19, 2025' },
  { id: 61, name: 'vos-events.nl', status: 'DNS pending', mailboxes: 0, spam: '—', added: 'Today' },
];

const header = (title: string, lead: string, actions = '') => `
  <div class="page-header">
    <div>
      <h1>${title}</h1>
      <p class="lead">${lead}</p>
    </div>
    ${actions ? `<div class="page-actions">${actions}</div>` : ''}
  </div>`;

const badge = (text: string, ok: boolean) => `<span class="badge ${ok ? 'badge-ok' : 'badge-warn'}">${text}</span>`;

/** A data table from header texts and rows of cell HTML. */
const table = (headers: string[], rows: string[][], extraClass = '') => `
  <table class="table ${extraClass}">
    <thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>
  </table>`;

function dashboard(): Page {
  const bars = [62, 48, 71, 55, 80, 38, 44, 67, 74, 58, 90, 64, 52, 70];
  return {
    title: 'Dashboard',
    section: 'dashboard',
    html: `
      ${header('Good morning, Maria', 'Here is how mail for your 4 domains flowed in the last 14 days.', '<a class="button" href="/domains" data-link>Add a domain</a>')}
      <div class="stats">
        <div class="card stat"><p class="stat-label">Messages delivered</p><p class="stat-value">48,920</p><p class="stat-trend up">+6.2% vs. last period</p></div>
        <div class="card stat"><p class="stat-label">Spam blocked</p><p class="stat-value">3,879</p><p class="stat-trend">7.3% of all incoming mail</p></div>
        <div class="card stat"><p class="stat-label">In quarantine</p><p class="stat-value">23</p><p class="stat-trend"><a href="/quarantine" data-link>Review messages</a></p></div>
        <div class="card stat"><p class="stat-label">Archive</p><p class="stat-value">412 GB</p><p class="stat-trend">Retention 7 years</p></div>
      </div>
      <div class="grid-2">
        <section class="card">
          <div class="card-head"><h2>Mail flow</h2><span class="muted">Last 14 days</span></div>
          <div class="chart" role="img" aria-label="Mail flow per day over the last 14 days, between 38 and 90 percent of peak">
            ${bars.map((h) => `<span class="bar bar-${Math.round(h / 5) * 5}"></span>`).join('')}
          </div>
          <div class="legend"><span class="dot dot-clean"></span>Clean <span class="dot dot-spam"></span>Spam</div>
        </section>
        <section class="card">
          <div class="card-head"><h2>Finish setting up</h2><span class="muted">3 of 5 done</span></div>
          <ol class="checklist">
            <li class="done">Add your first domain</li>
            <li class="done">Point MX records at Skyhost</li>
            <li class="done">Create mailboxes</li>
            <li>Turn on two-factor authentication <kb-tip context="settings.two-factor" placement="top"></kb-tip></li>
            <li>Choose an archive retention period <kb-tip article="archive-retention" placement="top"></kb-tip></li>
          </ol>
        </section>
      </div>
      <section class="card">
        <div class="card-head"><h2>Recent events</h2><a href="/quarantine" data-link>Open quarantine</a></div>
        ${table(
          ['Time', 'Event', 'Domain'],
          [
            ['09:12', 'Phishing wave blocked (312 messages)', 'vos-partners.nl'],
            ['08:47', 'DKIM key rotated', 'vospartners.com'],
            ['Yesterday', 'Domain added, waiting for DNS', 'vos-events.nl'],
            ['Yesterday', 'Outbound limit reached by j.bakker@vos-legal.eu', 'mail.vos-legal.eu'],
          ],
        )}
      </section>`,
  };
}

function domains(): Page {
  return {
    title: 'Domains',
    section: 'domains',
    html: `
      ${header('Domains', 'Mail for these domains is filtered, delivered and archived by Skyhost.', '<button type="button" class="button" id="add-domain">Add a domain</button> <kb-tip context="domains.add"></kb-tip>')}
      <section class="card">
        ${table(
          ['Domain', 'Status', 'Mailboxes', 'Spam blocked (30 days)', 'Added', '<span class="visually-hidden">Actions</span>'],
          DOMAINS.map((d) => [
            `<strong>${d.name}</strong>`,
            badge(d.status, d.status === 'Active'),
            String(d.mailboxes),
            d.spam,
            d.added,
            `<a href="/domains/${d.id}/dns" data-link>DNS records</a>`,
          ]),
        )}
      </section>
      <p class="hint">Waiting for DNS on <strong>vos-events.nl</strong>? Changes can take up to 24 hours. <kb-tip article="dns-propagation"></kb-tip></p>`,
  };
}

function dns(id: string): Page {
  const domain = DOMAINS.find((d) => String(d.id) === id) ?? DOMAINS[0]!;
  const records = [
    ['MX', '@', 'mx1.skyhost-filter.net', '10', 'ok'],
    ['MX', '@', 'mx2.skyhost-filter.net', '20', 'ok'],
    ['TXT', '@', 'v=spf1 include:spf.skyhost-filter.net -all', '', 'ok'],
    ['CNAME', 'sky1._domainkey', 'sky1.dkim.skyhost-filter.net', '', domain.status === 'Active' ? 'ok' : 'missing'],
    ['TXT', '_dmarc', 'v=DMARC1; p=quarantine; rua=mailto:dmarc@skyhost-filter.net', '', domain.status === 'Active' ? 'ok' : 'missing'],
  ];
  return {
    title: `DNS records · ${domain.name}`,
    section: 'domains',
    html: `
      <nav class="crumbs" aria-label="Breadcrumb"><a href="/domains" data-link>Domains</a> <span aria-hidden="true">/</span> <span>${domain.name}</span></nav>
      ${header(`DNS records for ${domain.name}`, 'Create these records at your DNS provider. We check them every 10 minutes.')}
      <section class="card">
        <div class="card-head"><h2>Required records <kb-tip context="domains.dns"></kb-tip></h2><button type="button" class="button button-quiet">Check now</button></div>
        ${table(
          ['Type', 'Name', 'Value', 'Priority', 'Status'],
          records.map(([type, name, value, prio, ok]) => [
            type!,
            name!,
            `<span class="wrap">${value}</span>`,
            prio!,
            ok === 'ok' ? badge('Found', true) : badge('Missing', false),
          ]),
          'mono',
        )}
      </section>`,
  };
}

function quarantine(): Page {
  const rows = [
    ['invoice-3391@acc0unts-payable.biz', 'Your invoice is overdue – action required', '9.8', '09:02'],
    ['newsletter@travelspark.com', 'Last-minute deals to Lisbon', '5.4', '08:31'],
    ['j.smit@partnerfirm.nl', 'RE: contract draft v3', '5.1', '07:55'],
    ['security@m1crosoft-support.com', 'Unusual sign-in activity', '10.0', 'Yesterday'],
  ];
  return {
    title: 'Quarantine',
    section: 'quarantine',
    html: `
      ${header('Quarantine', 'Messages the filter held back. Release the ones you want; the rest are deleted after 30 days.', '<button type="button" class="button button-quiet">Release selected</button>')}
      <section class="card">
        ${table(
          ['From', 'Subject', 'Spam score', 'Received'],
          rows.map(([from, subject, score, time]) => [from!, subject!, `<span class="score">${score}</span>`, time!]),
        )}
      </section>
      <p class="hint">Wanted mail keeps landing here? <kb-tip article="spam-filter-threshold" section="choosing-a-value"></kb-tip></p>`,
  };
}

const SETTINGS_TABS = [
  ['spam-filter', 'Spam filter'],
  ['quarantine', 'Quarantine'],
  ['outbound', 'Outbound'],
  ['archive', 'Archive'],
  ['branding', 'Branding'],
  ['security', 'Security'],
] as const;

/** One setting: label, control, a tip explaining it (`for` ties the tip to the field). */
const row = (id: string, label: string, control: string, tip: string, help = '') => `
  <div class="setting">
    <div class="setting-label">
      <label for="${id}">${label}</label>
      <kb-tip for="${id}" ${tip}></kb-tip>
      ${help ? `<p class="setting-help">${help}</p>` : ''}
    </div>
    <div class="setting-control">${control}</div>
  </div>`;

const toggle = (id: string, on: boolean) => `<input type="checkbox" role="switch" class="switch" id="${id}" ${on ? 'checked' : ''} />`;

const select = (id: string, options: string[], selected: string) =>
  `<select id="${id}">${options.map((o) => `<option${o === selected ? ' selected' : ''}>${o}</option>`).join('')}</select>`;

const SETTINGS: Record<string, () => string> = {
  'spam-filter': () => `
    ${row('threshold', 'Spam threshold', '<div class="range"><input type="range" id="threshold" min="1" max="10" step="0.5" value="5" /><output for="threshold">5.0</output></div>', 'context="settings.spam-filter" section="choosing-a-value"', 'Messages scoring at or above this value go to quarantine.')}
    ${row('tag-only', 'Tag instead of quarantine', toggle('tag-only', false), 'article="spam-headers"', 'Deliver spam with an X-Spam-Flag header, so your mail client can sort it.')}
    ${row('allow-list', 'Allow and block lists', '<button type="button" class="button button-quiet" id="allow-list">Edit lists (14 entries)</button>', 'article="allow-and-block-lists"')}`,
  quarantine: () => `
    ${row('q-retention', 'Keep quarantined mail for', select('q-retention', ['14 days', '30 days', '60 days'], '30 days'), 'context="settings.quarantine" section="how-long-messages-are-kept"')}
    ${row('digest', 'Quarantine digest', select('digest', ['Off', 'Daily', 'Twice a day'], 'Daily'), 'article="quarantine" section="quarantine-digests"', 'A mail listing new quarantined messages, with release links.')}`,
  outbound: () => `
    ${row('outbound-scan', 'Scan outgoing mail', toggle('outbound-scan', true), 'context="settings.outbound"', 'Stops a hacked mailbox from sending spam in your name.')}
    ${row('send-limit', 'Messages per user per hour', '<input type="number" id="send-limit" value="500" min="10" max="10000" />', 'article="outbound-filtering"')}
    ${row('smarthost', 'Relay through Skyhost (smarthost)', toggle('smarthost', false), 'article="smarthost-setup"')}`,
  archive: () => `
    ${row('archive-on', 'Archive all mail', toggle('archive-on', true), 'article="archive-storage"', 'Every incoming and outgoing message is stored, tamper-proof.')}
    ${row('archive-retention', 'Retention period', select('archive-retention', ['1 year', '3 years', '7 years', '10 years'], '7 years'), 'article="archive-retention"')}
    ${row('legal-hold', 'Legal hold', toggle('legal-hold', false), 'article="archive-retention"', 'Keeps everything, past the retention period, until you lift it.')}`,
  branding: () => `
    ${row('logo', 'Logo', '<input type="file" id="logo" accept="image/png,image/svg+xml" />', 'context="settings.branding"', 'Shown in the panel and in quarantine digests. SVG or PNG, at most 1 MB.')}
    ${row('brand-color', 'Brand colour', '<input type="color" id="brand-color" value="#1a5fc8" />', 'article="branding"')}`,
  security: () => `
    ${row('two-factor', 'Two-factor authentication', toggle('two-factor', false), 'context="settings.two-factor"', 'Required for administrators from 1 July.')}
    ${row('session', 'Sign out after', select('session', ['30 minutes', '8 hours', '7 days'], '8 hours'), 'article="users-and-roles"')}`,
};

function settings(tab: string): Page {
  const current = SETTINGS[tab] ? tab : 'spam-filter';
  const name = SETTINGS_TABS.find(([id]) => id === current)![1];
  return {
    title: `${name} · Settings`,
    section: 'settings',
    html: `
      ${header('Settings', 'Filtering, archiving and account settings for all your domains.')}
      <nav class="tabs" aria-label="Settings">
        ${SETTINGS_TABS.map(([id, label]) => `<a href="/settings/${id}" data-link${id === current ? ' aria-current="page"' : ''}>${label}</a>`).join('')}
      </nav>
      <form class="card settings" id="settings-form">
        <h2 class="visually-hidden">${name}</h2>
        ${SETTINGS[current]!()}
        <div class="form-actions"><button type="submit" class="button">Save changes</button><span class="muted" id="saved" role="status"></span></div>
      </form>`,
  };
}

function billing(): Page {
  const invoices = [
    ['SKY-2026-0311', 'Nov 1, 2026', '€ 412.00', 'Paid'],
    ['SKY-2026-0278', 'Oct 1, 2026', '€ 412.00', 'Paid'],
    ['SKY-2026-0241', 'Sep 1, 2026', '€ 398.50', 'Paid'],
    ['SKY-2026-0206', 'Aug 1, 2026', '€ 398.50', 'Paid'],
  ];
  return {
    title: 'Invoices · Billing',
    section: 'billing',
    html: `
      ${header('Billing', 'Business plan, billed monthly. Next invoice on December 1.', '<kb-tip context="billing.invoices"></kb-tip>')}
      <section class="card">
        ${table(
          ['Invoice', 'Date', 'Amount', 'Status'],
          invoices.map(([no, date, amount, status]) => [
            `<a href="#" class="mono">${no}</a>`,
            date!,
            amount!,
            badge(status!, status === 'Paid'),
          ]),
        )}
      </section>`,
  };
}

function help(): Page {
  return {
    title: 'Help center',
    section: 'help',
    html: `<kb-help class="help-page" src="${KB_URL}" routing="hash" heading="Skyhost Help Center" intro="Guides for domains, mail filtering, archiving and your account."></kb-help>`,
  };
}

/** The page for a path (unknown paths show the dashboard). */
export function pageFor(path: string): Page {
  const parts = path.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'domains':
      return parts[2] === 'dns' && parts[1] ? dns(parts[1]) : domains();
    case 'quarantine':
      return quarantine();
    case 'settings':
      return settings(parts[1] ?? 'spam-filter');
    case 'billing':
      return billing();
    case 'help':
      return help();
    default:
      return dashboard();
  }
}
