// The workbench page (dist/zwgk-workbench.html): one file that runs in the browser, offline. Built by
// rolldown.config.mjs (workbenchBuild) into the page's inline script; the same script, started as a
// worker, checks the files.
import { checkTab } from './check-tab.js';
import { Checker, serveChecks } from './check-worker.js';
import { compareTab } from './compare-tab.js';
import { COMPARE_TEXT } from './compare-text.js';
import { el } from './dom.js';
import { formTab } from './form-tab.js';
import { FORM_TEXT } from './form-text.js';
import { tabbed, type Tab } from './tabs.js';
import { pageLang, setPageLang, UI, word } from './ui-text.js';

declare const ZWGK_VERSION: string;

/** Where the page keeps the language chosen, between visits (where the browser lets a file:// page keep it). */
const LANG_KEY = 'zwgk-workbench-lang';

function savedLang(): 'zh' | 'en' {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function saveLang(lang: 'zh' | 'en'): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // A page from a file may not keep anything: the choice lasts until it is closed.
  }
}

/** Draw the page into its <main>, and again in the other language when the switch is pressed. */
function startPage(): void {
  const script = document.getElementById('zwgk-script')?.textContent ?? undefined;
  const checker = new Checker(script);
  const tabs: Tab[] = [
    { id: 'check', label: UI.checkTab, panel: () => checkTab(checker) },
    { id: 'compare', label: COMPARE_TEXT.tab, panel: () => compareTab(checker) },
    { id: 'form', label: FORM_TEXT.tab, panel: () => formTab() },
  ];
  let chosen = tabs[0]!.id;
  const main = document.querySelector('main')!;

  const draw = () => {
    document.documentElement.lang = pageLang() === 'zh' ? 'zh-CN' : 'en';
    document.title = word(UI.title);
    const other = pageLang() === 'zh' ? 'en' : 'zh';
    const switcher = el('button', { type: 'button', class: 'lang', lang: other === 'zh' ? 'zh-CN' : 'en' }, [
      word(UI.otherLanguage),
    ]);
    switcher.addEventListener('click', () => {
      setPageLang(other);
      saveLang(other);
      draw();
      main.querySelector<HTMLElement>('button.lang')?.focus();
    });
    main.replaceChildren(
      el('header', {}, [
        el('h1', {}, [word(UI.title), ' ', el('small', {}, [word(UI.subtitle)])]),
        switcher,
        el('p', { class: 'offline' }, [word(UI.offline)]),
      ]),
      ...tabbed(tabs, chosen, word(UI.title), (id) => (chosen = id)),
      el('footer', {}, [`zwgk ${word(UI.version, { version: ZWGK_VERSION })}`]),
    );
  };
  // A file dropped beside a drop zone would make the browser open it in place of the page, and the work
  // on it would be lost: the page takes no drop but its zones'.
  for (const type of ['dragover', 'drop'] as const)
    window.addEventListener(type, (event) => {
      if (!(event.target instanceof Element) || !event.target.closest('.drop')) event.preventDefault();
    });
  setPageLang(savedLang());
  draw();
  document.documentElement.dataset.worker = checker.inWorker ? 'yes' : 'no';
}

if (typeof document === 'undefined') serveChecks(self);
else startPage();
