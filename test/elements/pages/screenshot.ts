// Page script of screenshot.html (scripts/screenshots.mjs): one <kb-help> with the demo
// knowledge base, set up from the query: theme, dir, lang (`ar`: the tests' Arabic strings), view (`article:<id>[:<section>]`,
// `search:<query>`, `category:<id>`).
import '../../../src/elements/kb-help/kb-help';
import '../../../src/elements/locales/de';
import '../../../src/elements/locales/nl';
import '../support/arabic';
import type { KbHelp } from '../../../src/elements/kb-help/kb-help';

const params = new URLSearchParams(location.search);
const help = document.createElement('kb-help') as KbHelp;
help.src = '/test/fixtures/generated/demo/kb.json';
if (params.get('theme')) help.setAttribute('theme', params.get('theme')!);
if (params.get('theme') === 'dark') document.body.classList.add('dark');
if (params.get('dir')) document.documentElement.dir = params.get('dir')!;
if (params.get('lang')) document.documentElement.lang = params.get('lang')!;
document.querySelector('main')!.append(help);

const [view, id, section] = (params.get('view') ?? '').split(':');
if (view === 'article') help.open(id!, section);
if (view === 'search') help.search(id!);
if (view === 'category') (help as unknown as { go(l: unknown, u: boolean): void }).go({ view: 'category', id }, false);
