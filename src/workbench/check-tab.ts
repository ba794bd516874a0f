// The tab 检查目录表格: files dropped or picked are checked one after another (in the worker), and each
// gets a section with its findings, the preview of its table with the cells marked, and its YAML download.
// The tab keeps its files when the page is drawn again in the other language, and shows them checked in it.
import type { Diagnostic } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';
import { CHECK_PHASES, isCheckedFile, type CheckedFile, type CheckPhase } from './check-file.js';
import type { Checker, CheckReply } from './check-worker.js';
import { el } from './dom.js';
import { download, XLSX_TYPE } from './download.js';
import { findingsWorkbookName } from './findings-workbook.js';
import { officialWorkbookName } from './official-workbook.js';
import { renderPreview } from './preview.js';
import { takeFiles } from './take-files.js';
import { pageLang, UI, word } from './ui-text.js';

/** What checking a file in one language gave: the worker's reply, or why the file was not checked. */
type Outcome = CheckReply | { problem: Text };

/** A file given to the tab: its bytes once read, what checking it gave and its section, in each language. */
interface Entry {
  n: number;
  file: File;
  bytes?: ArrayBuffer;
  outcomes: Partial<Record<Lang, Outcome>>;
  sections: Partial<Record<Lang, HTMLElement>>;
}

/** What the tab keeps between drawings of the page: its files, the checks queued, and the panel drawn last. */
interface TabState {
  entries: Entry[];
  /** Files are checked one after another. */
  queue: Promise<void>;
  /** What the status line says, in the page's language when it is drawn. */
  status: () => (Node | string)[];
  view?: { status: HTMLElement; results: HTMLElement };
}

/** Each checker's tab: one page has one. */
const states = new WeakMap<Checker, TabState>();

/** Build the tab's panel, with the files given so far; files are checked by `checker`. */
export function checkTab(checker: Checker): HTMLElement {
  let state = states.get(checker);
  if (!state) {
    state = { entries: [], queue: Promise.resolve(), status: () => [] };
    states.set(checker, state);
  }
  const kept = state;
  const input = el('input', {
    type: 'file',
    id: 'check-files',
    multiple: true,
    accept: '.xlsx,.xlsm,.html,.htm,.csv,.yaml,.yml',
    class: 'visually-hidden',
  });
  const drop = el('div', { class: 'drop' }, [
    el('p', {}, [word(UI.dropTitle), ' ', el('label', { for: 'check-files', class: 'button' }, [word(UI.pick)])]),
    el('p', { class: 'note' }, [word(UI.dropFormats)]),
    input,
  ]);
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const results = el('div', { class: 'results' });
  kept.view = { status, results };
  status.replaceChildren(...kept.status());
  const lang = pageLang();
  const unchecked: Entry[] = [];
  for (const entry of [...kept.entries].reverse()) {
    if (entry.outcomes[lang]) results.append(sectionOf(checker, entry, lang));
    else unchecked.push(entry);
  }
  if (unchecked.length > 0) checkInTurn(checker, kept, unchecked.reverse(), lang);

  const checkAll = (list: readonly File[]) => {
    const added = list.map((file) => ({ n: kept.entries.length + 1, file, outcomes: {}, sections: {} }));
    added.forEach((entry, i) => (entry.n += i));
    for (const entry of added) kept.entries.push(entry);
    checkInTurn(checker, kept, added, pageLang());
  };
  takeFiles(input, drop, checkAll);
  return el('section', {}, [drop, status, results]);
}

/** What each step of a check is called on the status line. */
const PHASE_WORDS: Record<CheckPhase, Text> = {
  read: { zh: '读取文件', en: 'reading the file' },
  check: { zh: '检查', en: 'checking' },
  import: { zh: '生成 YAML 目录', en: 'writing the YAML catalog' },
};

/** Say `parts` on the status line now and when the page is drawn again. */
function say(state: TabState, parts: () => (Node | string)[]): void {
  state.status = parts;
  state.view?.status.replaceChildren(...parts());
}

/**
 * Check `entries` in `lang` after what is queued, each shown as it is done while the page is in `lang`. A
 * file is checked in a language once; work for a language the page has left is put off until it is back.
 */
function checkInTurn(checker: Checker, state: TabState, entries: readonly Entry[], lang: Lang): void {
  entries.forEach((entry, i) => {
    state.queue = state.queue.then(async () => {
      if (entry.outcomes[lang] || pageLang() !== lang) return;
      const name = entry.file.name;
      // The file's place in the batch, and the step of its check (read, check, write the YAML) on the bar.
      const showStep = (phase?: CheckPhase) =>
        say(state, () => [
          el('span', {}, [
            `${word(UI.checking)} ${name}${word(UI.ofAll, { n: i + 1, all: entries.length })}`,
            phase ? `${word(UI.colon)}${word(PHASE_WORDS[phase])}` : '',
          ]),
          el('progress', {
            'aria-label': `${word(UI.checking)} ${name}`,
            max: CHECK_PHASES.length,
            ...(phase ? { value: CHECK_PHASES.indexOf(phase) + 1 } : {}),
          }),
        ]);
      showStep();
      try {
        entry.outcomes[lang] = await checkOne(checker, entry, lang, showStep);
      } catch (error) {
        // Whatever went wrong with this file, the files after it are still checked.
        entry.outcomes[lang] = { id: 0, failure: error instanceof Error ? error.message : String(error) };
      }
      if (pageLang() === lang && state.view) place(state.view.results, entry, sectionOf(checker, entry, lang));
    });
  });
  const names = () => entries.map((e) => e.file.name).join(word(UI.listSeparator));
  state.queue = state.queue.then(() => {
    if (pageLang() === lang) say(state, () => [`${word(UI.done)}${word(UI.colon)}${names()}`]);
  });
}

/** Put a file's section among the others, the newest first. */
function place(results: HTMLElement, entry: Entry, section: HTMLElement): void {
  if (section.parentElement === results) return;
  const older = [...results.children].find((child) => Number((child as HTMLElement).dataset.n) < entry.n);
  results.insertBefore(section, older ?? null);
}

/** A file's section in `lang` (the page's language now), made once. */
function sectionOf(checker: Checker, entry: Entry, lang: Lang): HTMLElement {
  const made = entry.sections[lang];
  if (made) return made;
  const outcome = entry.outcomes[lang]!;
  const { n } = entry;
  const name = entry.file.name;
  const section =
    'problem' in outcome
      ? problemSection(name, n, word(outcome.problem))
      : 'failure' in outcome
        ? problemSection(name, n, word(UI.failed, { reason: outcome.failure }))
        : 'result' in outcome
          ? fileSection(checker, outcome.result, n, lang)
          : problemSection(name, n, word(UI.failed, { reason: 'no result' }));
  section.dataset.n = String(n);
  entry.sections[lang] = section;
  // One language's sections at a time: a large workbook's preview is big, and is made again if asked for.
  if (lang === 'zh') delete entry.sections.en;
  else delete entry.sections.zh;
  return section;
}

async function checkOne(
  checker: Checker,
  entry: Entry,
  lang: Lang,
  onPhase: (phase: CheckPhase) => void,
): Promise<Outcome> {
  if (!isCheckedFile(entry.file.name)) return { problem: UI.notChecked };
  try {
    entry.bytes ??= await entry.file.arrayBuffer();
  } catch {
    return { problem: UI.cannotRead };
  }
  return checker.check(entry.file.name, entry.bytes, lang, onPhase);
}

function problemSection(name: string, n: number, message: string): HTMLElement {
  return el('article', { class: 'file', 'aria-labelledby': `file-${n}` }, [
    el('h3', { id: `file-${n}` }, [name]),
    el('p', { class: 'problem', role: 'alert' }, [message]),
  ]);
}

/** Where a finding is, as the page names it: the cell for a table, line and column for YAML. */
function placeOf(d: Diagnostic): string {
  if (d.cell) return d.cell.ref;
  if (d.range) return word(UI.lineColumn, { line: d.range.start.line, column: d.range.start.column });
  return '';
}

function fileSection(checker: Checker, file: CheckedFile, n: number, lang: Lang): HTMLElement {
  const idOf = (d: Diagnostic) => `finding-${n}-${file.diagnostics.indexOf(d) + 1}`;
  const preview = renderPreview(file, idOf);
  const summary =
    file.diagnostics.length === 0
      ? word(UI.noFindings)
      : `${file.errorCount}${word(UI.errors)}${word(UI.clauseSeparator)}${file.warningCount}${word(UI.warnings)}`;
  const list = el('ol', { class: 'findings' });
  file.diagnostics.forEach((d) => {
    const place = placeOf(d);
    const item = el('li', { id: idOf(d), class: d.severity, 'data-code': d.code, 'data-place': place }, [
      el('span', { class: 'severity' }, [word(d.severity === 'error' ? UI.error : UI.warning)]),
      ' ',
      preview.shows(d)
        ? el('button', { type: 'button', class: 'place' }, [place])
        : place !== '' && el('span', { class: 'place' }, [place]),
      ' ',
      el('span', { class: 'message' }, [d.message]),
      ' ',
      el('code', { class: 'code' }, [d.code]),
      d.hint !== undefined && el('p', { class: 'hint' }, [d.hint]),
    ]);
    item.querySelector('button')?.addEventListener('click', () => {
      const target = preview.targetOf(d);
      target?.scrollIntoView({ block: 'center', inline: 'center' });
      target?.focus({ preventScroll: true });
    });
    list.append(item);
  });
  const downloads = el('div', { class: 'downloads' });
  if (file.kind === 'table') {
    if (file.catalogs.length === 0) downloads.append(el('p', { class: 'note' }, [word(UI.noCatalog)]));
    for (const catalog of file.catalogs) {
      const button = el('button', { type: 'button', class: 'button' }, [
        `${word(UI.downloadYaml)}${word(UI.colon)}${catalog.fileName}`,
      ]);
      button.addEventListener('click', () => download(catalog.fileName, catalog.text));
      downloads.append(button);
    }
  }
  // The official workbook, as `zwgk render` lays it out: like the command, only of a catalog without errors.
  const catalogs =
    file.kind === 'table' ? file.catalogs : file.text !== undefined ? [{ fileName: file.name, text: file.text }] : [];
  if (catalogs.length > 0 && file.errorCount === 0)
    for (const catalog of catalogs) {
      const name = officialWorkbookName(catalog.fileName);
      downloads.append(
        workbookButton(`${word(UI.downloadOfficial)}${word(UI.colon)}${name}`, name, 'official', () =>
          checker.official(catalog.fileName, catalog.text, lang),
        ),
      );
    }
  if (file.diagnostics.length > 0) {
    const reported = {
      name: file.name,
      diagnostics: file.diagnostics,
      ...(file.text !== undefined ? { text: file.text } : {}),
    };
    const name = findingsWorkbookName(file.name, lang);
    downloads.append(workbookButton(word(UI.downloadReport), name, 'report', () => checker.report(reported, lang)));
  }
  if (catalogs.length > 0 && file.errorCount > 0)
    downloads.append(el('p', { class: 'note' }, [word(UI.officialAfterErrors)]));
  if (file.catalogs.length > 0) downloads.append(el('p', { class: 'note' }, [word(UI.downloadYamlNote)]));
  return el('article', { class: 'file', 'aria-labelledby': `file-${n}` }, [
    el('h3', { id: `file-${n}` }, [file.name]),
    el('p', { class: file.errorCount > 0 ? 'summary bad' : 'summary' }, [summary]),
    downloads,
    file.diagnostics.length > 0 && el('h4', {}, [word(UI.findings)]),
    file.diagnostics.length > 0 && list,
    el('h4', {}, [word(file.kind === 'yaml' ? UI.yamlPreview : UI.preview)]),
    preview.node,
  ]);
}

/**
 * A button that downloads a workbook the worker makes: the findings as `zwgk validate -f xlsx` writes them
 * (`report`), or the official workbook as `zwgk render` writes it (`official`).
 */
function workbookButton(
  label: string,
  name: string,
  kind: 'report' | 'official',
  make: () => Promise<CheckReply>,
): HTMLElement {
  const button = el('button', { type: 'button', class: 'button secondary', [`data-${kind}`]: name }, [label]);
  button.addEventListener('click', () => {
    button.disabled = true;
    void make().then((reply) => {
      button.disabled = false;
      if ('workbook' in reply) download(name, reply.workbook, XLSX_TYPE);
      else if ('errors' in reply)
        button.after(
          el('p', { class: 'problem', role: 'alert' }, [
            word(UI.officialRefused),
            ...reply.errors.map((d) => el('span', { class: 'refused' }, [d.message])),
          ]),
        );
      else
        button.after(
          el('p', { class: 'problem', role: 'alert' }, [
            word(UI.failed, { reason: 'failure' in reply ? reply.failure : '' }),
          ]),
        );
    });
  });
  return button;
}
