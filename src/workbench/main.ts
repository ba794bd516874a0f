// The workbench page (dist/zwgk-workbench.html): one file that runs in the browser, offline. Built by
// rolldown.config.mjs (workbenchBuild) into the page's inline script; the same script, started as a
// worker, checks the files.
import { checkTab } from './check-tab.js';
import { Checker, serveChecks } from './check-worker.js';
import { el } from './dom.js';
import { UI, word } from './ui-text.js';

declare const ZWGK_VERSION: string;

/** Draw the page into its <main>. */
function startPage(): void {
  const script = document.getElementById('zwgk-script')?.textContent ?? undefined;
  const checker = new Checker(script);
  document.title = word(UI.title);
  const main = document.querySelector('main')!;
  const tab = el(
    'button',
    { type: 'button', role: 'tab', id: 'tab-check', 'aria-selected': 'true', 'aria-controls': 'panel-check' },
    [word(UI.checkTab)],
  );
  main.replaceChildren(
    el('header', {}, [
      el('h1', {}, [word(UI.title), ' ', el('small', {}, [word(UI.subtitle)])]),
      el('p', { class: 'offline' }, [word(UI.offline)]),
    ]),
    el('div', { role: 'tablist', 'aria-label': word(UI.title) }, [tab]),
    checkTab(checker),
    el('footer', {}, [`zwgk ${word(UI.version, { version: ZWGK_VERSION })}`]),
  );
  document.documentElement.dataset.worker = checker.inWorker ? 'yes' : 'no';
}

if (typeof document === 'undefined') serveChecks(self);
else startPage();
