// Page script of embed-screenshot.html (scripts/screenshots.mjs): a control panel's settings
// page with a search box in its top bar, two tips and the launcher, on the demo knowledge
// base. Query: theme (light | dark), dir (rtl: an Arabic page with Arabic interface strings,
// the English demo content), content=ar (an Arabic article in the knowledge base, on an English page).
import '../../../src/elements/index';
import type { KbLauncher } from '../../../src/elements/kb-launcher/kb-launcher';
import { KnowledgeBase } from '../../../src/core/index';
import '../support/arabic';
import { makeBundle } from '../support/bundles';

const params = new URLSearchParams(location.search);
const theme = params.get('theme') ?? 'light';
if (theme === 'dark') document.body.classList.add('dark');
if (params.get('dir') === 'rtl') {
  document.documentElement.dir = 'rtl';
  document.documentElement.lang = 'ar';
}
const src = '/test/fixtures/generated/demo/kb.json';
const launcher = document.querySelector<KbLauncher>('kb-launcher')!;
for (const el of document.querySelectorAll('kb-search, kb-tip, kb-launcher')) {
  el.setAttribute('theme', theme);
  if (el.localName !== 'kb-tip') el.setAttribute('src', src);
}
for (const tip of document.querySelectorAll('kb-tip')) tip.setAttribute('src', src);

if (params.get('content') === 'ar') {
  const kb = KnowledgeBase.from(
    makeBundle({
      title: 'Skyhost',
      categories: [{ id: 'email', title: 'Email filtering' }],
      articles: [
        {
          id: 'quarantine-ar',
          title: 'إخراج الرسائل من الحجر',
          lang: 'ar',
          category: 'email',
          updated: '2026-10-02',
          intro: 'تنتظر الرسائل التي أوقفها المرشّح في الحجر مدة 30 يومًا، ثم تُحذف.',
          html: '<p>تنتظر الرسائل التي أوقفها المرشّح في الحجر مدة 30 يومًا، ثم تُحذف.</p><h2 id="release">إخراج رسالة</h2><p>اختر الرسالة ثم «إخراج»، أو استخدم الأمر <code>release --all</code> لإخراجها كلها.</p>',
          sections: [{ heading: 'إخراج رسالة', text: 'اختر الرسالة ثم «إخراج».', id: 'release' }],
        },
        {
          id: 'spam-filter-threshold',
          title: 'Set the spam filter threshold',
          category: 'email',
          intro: 'The threshold decides how strict the filter is.',
        },
      ],
    }),
  );
  // The launcher's help center takes the bundle once its panel exists.
  document.addEventListener('kb-launcher-open', () => {
    const assign = () => {
      const help = launcher.shadowRoot?.querySelector('kb-launcher-panel')?.shadowRoot?.querySelector('kb-help') as
        (HTMLElement & { knowledgeBase?: KnowledgeBase }) | null;
      if (help) help.knowledgeBase = kb;
      else requestAnimationFrame(assign);
    };
    assign();
  });
}

(window as unknown as { kbReady: boolean }).kbReady = true;
