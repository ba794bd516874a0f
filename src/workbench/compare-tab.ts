// The tab 比较两个版本: the clerk picks the old version's files and the new version's, the worker compares
// them as `zwgk diff old new` does, and the page shows the change report `zwgk diff -f html` writes, its
// summary, and its downloads (HTML, Excel); or the errors that stop the comparison, as `zwgk diff` says them.
// The tab keeps the files picked when the page is drawn again, and shows the report in the page's language.
import type { Lang } from '../i18n.js';
import { isCheckedFile } from './check-file.js';
import type { Checker, CheckReply } from './check-worker.js';
import { changeReportName, type GivenFile } from './compare-files.js';
import { COMPARE_TEXT } from './compare-text.js';
import { el } from './dom.js';
import { download, XLSX_TYPE } from './download.js';
import { takeFiles } from './take-files.js';
import { pageLang, UI, word } from './ui-text.js';

type Side = 'before' | 'after';

/** What comparing gave in one language: the worker's reply, or why the files were not compared. */
type Outcome = CheckReply | { problem: string };

/** What the tab keeps between drawings of the page. */
interface CompareState {
  files: Record<Side, File[]>;
  /** The outcome of comparing the files picked now, in each language. */
  outcomes: Partial<Record<Lang, Outcome>>;
  /** Counts the picks, so that a comparison of files since replaced is let go. */
  pick: number;
  /** Comparisons under way, as `pick:lang`. */
  running: Set<string>;
  view?: { status: HTMLElement; result: HTMLElement };
}

const states = new WeakMap<Checker, CompareState>();

/** Build the tab's panel, with the files picked so far; the comparison runs in `checker`'s worker. */
export function compareTab(checker: Checker): HTMLElement {
  let state = states.get(checker);
  if (!state) {
    state = { files: { before: [], after: [] }, outcomes: {}, pick: 0, running: new Set() };
    states.set(checker, state);
  }
  const kept = state;
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'compare-result' });
  kept.view = { status, result };
  const picker = (side: Side) => {
    const id = `compare-${side}`;
    const input = el('input', {
      type: 'file',
      id,
      multiple: true,
      accept: '.yaml,.yml,.xlsx,.xlsm,.html,.htm,.csv',
      class: 'visually-hidden',
      // Named by its side and its button: 旧版本 选择文件, 新版本 选择文件.
      'aria-labelledby': `${id}-heading ${id}-label`,
    });
    const list = el('ul', { class: 'picked', 'aria-label': word(COMPARE_TEXT[side]) });
    const showFiles = () =>
      list.replaceChildren(
        ...(kept.files[side].length === 0
          ? [el('li', { class: 'note' }, [word(COMPARE_TEXT.noFiles)])]
          : kept.files[side].map((f) => el('li', {}, [f.name]))),
      );
    showFiles();
    const take = (files: File[]) => {
      if (files.length === 0) return;
      kept.files[side] = files;
      kept.outcomes = {};
      kept.pick++;
      showFiles();
      show(checker, kept);
    };
    const drop = el('div', { class: `drop side ${side}` }, [
      el('h3', { id: `${id}-heading` }, [word(COMPARE_TEXT[side])]),
      el('p', {}, [el('label', { for: id, class: 'button', id: `${id}-label` }, [word(UI.pick)])]),
      input,
      list,
    ]);
    takeFiles(input, drop, take);
    return drop;
  };
  const panel = el('section', { class: 'compare' }, [
    el('p', { class: 'note' }, [word(COMPARE_TEXT.intro)]),
    el('div', { class: 'sides' }, [picker('before'), picker('after')]),
    status,
    result,
  ]);
  show(checker, kept);
  return panel;
}

/** Show the outcome in the page's language, comparing the files for it first when it is not there yet. */
function show(checker: Checker, state: CompareState): void {
  const view = state.view;
  if (!view) return;
  const lang = pageLang();
  const outcome = state.outcomes[lang];
  if (outcome) {
    view.status.replaceChildren(word(COMPARE_TEXT.compared));
    view.result.replaceChildren(...outcomeNodes(state, outcome, lang));
    return;
  }
  view.result.replaceChildren();
  if (state.files.before.length === 0 || state.files.after.length === 0) {
    view.status.replaceChildren(el('span', { class: 'note' }, [word(COMPARE_TEXT.waiting)]));
    return;
  }
  view.status.replaceChildren(
    el('span', {}, [`${word(COMPARE_TEXT.comparing)}……`]),
    el('progress', { 'aria-label': word(COMPARE_TEXT.comparing) }),
  );
  void compareIn(checker, state, lang);
}

/** Compare the files picked now, in `lang`, and show the outcome if the page is still in it and they are still picked. */
async function compareIn(checker: Checker, state: CompareState, lang: Lang): Promise<void> {
  const { pick } = state;
  const key = `${pick}:${lang}`;
  if (state.running.has(key)) return;
  state.running.add(key);
  const outcome = await compareFiles(checker, state.files, lang);
  state.running.delete(key);
  if (state.pick !== pick) return;
  state.outcomes[lang] = outcome;
  if (pageLang() === lang) show(checker, state);
}

async function compareFiles(checker: Checker, files: Record<Side, File[]>, lang: Lang): Promise<Outcome> {
  const given: Record<Side, GivenFile[]> = { before: [], after: [] };
  for (const side of ['before', 'after'] as const) {
    for (const file of files[side]) {
      if (!isCheckedFile(file.name)) return { problem: `${file.name}：${word(COMPARE_TEXT.notCompared)}` };
      try {
        given[side].push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch {
        return { problem: `${file.name}：${word(UI.cannotRead)}` };
      }
    }
  }
  return checker.compare(given.before, given.after, lang);
}

function outcomeNodes(state: CompareState, outcome: Outcome, lang: Lang): Node[] {
  const problem = (message: string) => [el('p', { class: 'problem', role: 'alert' }, [message])];
  if ('problem' in outcome) return problem(outcome.problem);
  if ('failure' in outcome) return problem(word(UI.failed, { reason: outcome.failure }));
  if (!('compared' in outcome)) return problem(word(UI.failed, { reason: 'no result' }));
  const compared = outcome.compared;
  if (!compared.ok) {
    return [
      el('p', { class: 'problem', role: 'alert' }, [word(COMPARE_TEXT.cannotCompare)]),
      el('pre', { class: 'diff-errors', tabindex: 0 }, [compared.text]),
    ];
  }
  const after = state.files.after;
  const htmlButton = el('button', { type: 'button', class: 'button', 'data-download': 'html' }, [
    word(COMPARE_TEXT.downloadHtml),
  ]);
  htmlButton.addEventListener('click', () =>
    download(changeReportName(after, lang, 'html'), compared.html, 'text/html;charset=utf-8'),
  );
  const xlsxButton = el('button', { type: 'button', class: 'button secondary', 'data-download': 'xlsx' }, [
    word(COMPARE_TEXT.downloadXlsx),
  ]);
  xlsxButton.addEventListener('click', () => download(changeReportName(after, lang, 'xlsx'), compared.xlsx, XLSX_TYPE));
  return [
    el('p', { class: 'summary diff-summary' }, [compared.summary]),
    el('div', { class: 'downloads' }, [
      htmlButton,
      xlsxButton,
      el('p', { class: 'note' }, [word(COMPARE_TEXT.reportNote)]),
    ]),
    reportFrame(compared.html, lang),
  ];
}

/**
 * The report in a frame of its own: its styles apart from the page's, no script run in it (sandboxed), as
 * tall as the report so that the page scrolls, not the frame.
 */
function reportFrame(html: string, lang: Lang): HTMLIFrameElement {
  const frame = el('iframe', {
    class: 'report-frame',
    sandbox: 'allow-same-origin',
    title: word(COMPARE_TEXT.report),
    lang: lang === 'zh' ? 'zh-CN' : 'en',
    srcdoc: html,
  });
  // The height of the report's own box, not of the frame's window, so that the frame can grow and shrink.
  const fit = () => {
    const root = frame.contentDocument?.documentElement;
    if (root) frame.style.height = `${root.offsetHeight + 2}px`;
  };
  frame.addEventListener('load', () => {
    fit();
    const body = frame.contentDocument?.body;
    if (body && typeof ResizeObserver !== 'undefined') new ResizeObserver(fit).observe(body);
  });
  return frame;
}
