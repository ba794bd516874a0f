// The tab 检查目录表格: files dropped or picked are checked one after another (in the worker), and each
// gets a section with its findings, the preview of its table with the cells marked, and its YAML download.
import type { Diagnostic } from '../diagnostics.js';
import { isCheckedFile, type CheckedFile } from './check-file.js';
import type { Checker, CheckReply } from './check-worker.js';
import { el } from './dom.js';
import { download, XLSX_TYPE } from './download.js';
import { findingsWorkbookName } from './findings-workbook.js';
import { renderPreview } from './preview.js';
import { UI, word } from './ui-text.js';

/** Build the tab's panel; files are checked by `checker`. */
export function checkTab(checker: Checker): HTMLElement {
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
  let files = 0;

  const checkAll = async (list: readonly File[]) => {
    for (const [i, file] of list.entries()) {
      const n = ++files;
      const progress = el('progress', { 'aria-label': `${word(UI.checking)} ${file.name}` });
      status.replaceChildren(
        el('span', {}, [`${word(UI.checking)} ${file.name}（${i + 1}/${list.length}）`]),
        progress,
      );
      results.prepend(await checkOne(checker, file, n));
    }
    status.replaceChildren(`${word(UI.done)}：${list.map((f) => f.name).join('、')}`);
  };
  input.addEventListener('change', () => {
    const list = [...(input.files ?? [])];
    input.value = '';
    void checkAll(list);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void checkAll([...(event.dataTransfer?.files ?? [])]);
  });
  return el('section', {}, [drop, status, results]);
}

async function checkOne(checker: Checker, file: File, n: number): Promise<HTMLElement> {
  if (!isCheckedFile(file.name)) return problemSection(file.name, n, word(UI.notChecked));
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return problemSection(file.name, n, word(UI.cannotRead));
  }
  const reply: CheckReply = await checker.check(file.name, bytes);
  if ('failure' in reply) return problemSection(file.name, n, word(UI.failed, { reason: reply.failure }));
  if (!('result' in reply)) return problemSection(file.name, n, word(UI.failed, { reason: 'no result' }));
  return fileSection(checker, reply.result, n);
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

function fileSection(checker: Checker, file: CheckedFile, n: number): HTMLElement {
  const idOf = (d: Diagnostic) => `finding-${n}-${file.diagnostics.indexOf(d) + 1}`;
  const preview = renderPreview(file, idOf);
  const summary =
    file.diagnostics.length === 0
      ? word(UI.noFindings)
      : `${file.errorCount}${word(UI.errors)}，${file.warningCount}${word(UI.warnings)}`;
  const list = el('ol', { class: 'findings' });
  file.diagnostics.forEach((d) => {
    const target = preview.targetOf(d);
    const place = placeOf(d);
    const item = el('li', { id: idOf(d), class: d.severity, 'data-code': d.code, 'data-place': place }, [
      el('span', { class: 'severity' }, [word(d.severity === 'error' ? UI.error : UI.warning)]),
      ' ',
      target
        ? el('button', { type: 'button', class: 'place' }, [place])
        : place !== '' && el('span', { class: 'place' }, [place]),
      ' ',
      el('span', { class: 'message' }, [d.message]),
      ' ',
      el('code', { class: 'code' }, [d.code]),
      d.hint !== undefined && el('p', { class: 'hint' }, [d.hint]),
    ]);
    item.querySelector('button')?.addEventListener('click', () => {
      target!.scrollIntoView({ block: 'center', inline: 'center' });
      target!.focus({ preventScroll: true });
    });
    list.append(item);
  });
  const downloads = el('div', { class: 'downloads' });
  if (file.kind === 'table') {
    if (file.catalogs.length === 0) downloads.append(el('p', { class: 'note' }, [word(UI.noCatalog)]));
    for (const catalog of file.catalogs) {
      const button = el('button', { type: 'button', class: 'button' }, [
        `${word(UI.downloadYaml)}：${catalog.fileName}`,
      ]);
      button.addEventListener('click', () => download(catalog.fileName, catalog.text));
      downloads.append(button);
    }
  }
  if (file.diagnostics.length > 0) downloads.append(reportButton(checker, file));
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

/** The button that downloads the findings as the workbook `zwgk validate -f xlsx` writes. */
function reportButton(checker: Checker, file: CheckedFile): HTMLElement {
  const name = findingsWorkbookName(file.name, 'zh');
  const button = el('button', { type: 'button', class: 'button secondary', 'data-report': name }, [
    word(UI.downloadReport),
  ]);
  button.addEventListener('click', () => {
    button.disabled = true;
    const reported = {
      name: file.name,
      diagnostics: file.diagnostics,
      ...(file.text !== undefined ? { text: file.text } : {}),
    };
    void checker.report(reported).then((reply) => {
      button.disabled = false;
      if ('workbook' in reply) download(name, reply.workbook, XLSX_TYPE);
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
