// The preview of a checked file: its grids as tables (or a YAML file's lines), with the cells that have
// findings marked and described, so that a finding in the list can take the user to its cell.
import type { Diagnostic } from '../diagnostics.js';
import { addTo } from '../util/append.js';
import type { CheckedFile, PreviewGrid } from './check-file.js';
import { el } from './dom.js';
import { UI, word } from './ui-text.js';

/** The preview of a file, and where each finding sits in it. */
export interface Preview {
  node: HTMLElement;
  /** Whether the preview shows the place a finding points at (its sheet and row are in it). */
  shows(d: Diagnostic): boolean;
  /** The element a finding points at (a cell or a line), if it is shown; its grid is built now if it was not yet. */
  targetOf(d: Diagnostic): HTMLElement | undefined;
}

/** How long one task may build grids before the page gets its turn (ms): a workbook of 260 sheets takes seconds. */
const SLICE_MS = 40;

/** Column letters: 1 → A, 27 → AA. */
function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** The preview of a checked file; `idOf` names each finding's list item, for the cells to refer to. */
export function renderPreview(file: CheckedFile, idOf: (d: Diagnostic) => string): Preview {
  if (file.kind === 'yaml') return yamlPreview(file, idOf);
  // Only the positions findings point at are looked up, so only those are kept (a city's workbook has 300,000):
  // each is given the cell that covers it as the grids are built.
  const cells = new Map<string, HTMLElement | undefined>();
  const rowsOf = new Map<number, Set<number>>();
  for (const d of file.diagnostics) {
    if (!d.cell) continue;
    cells.set(`${d.cell.table}:${d.cell.row}:${d.cell.column}`, undefined);
    const rows = rowsOf.get(d.cell.table) ?? new Set<number>();
    rowsOf.set(d.cell.table, rows.add(d.cell.row));
  }
  const node = el('div', { class: 'preview' });
  // Each finding on its cell: a mark, and the message as the cell's title and description.
  const onGrid = new Map<number, Diagnostic[]>();
  for (const d of file.diagnostics) if (d.cell) addTo(onGrid, d.cell.table, d);
  const targetAt = (d: Diagnostic) =>
    d.cell ? cells.get(`${d.cell.table}:${d.cell.row}:${d.cell.column}`) : undefined;
  // The grids are built in order, a slice of time at a time, so that the findings are on screen at once and
  // the page answers while a large workbook's sheets are made; a finding's grid is built when it is asked for.
  let built = 0;
  const build = (upTo: number) => {
    for (; built < Math.min(upTo, file.grids.length); built++) {
      const g = built + 1;
      node.append(gridTable(file.grids[built]!, g, cells, rowsOf.get(g)));
      const onCell = new Map<HTMLElement, Diagnostic[]>();
      for (const d of onGrid.get(g) ?? []) {
        const cell = targetAt(d);
        if (cell) addTo(onCell, cell, d);
      }
      for (const [cell, list] of onCell) markTarget(cell, list, idOf);
    }
    if (built === file.grids.length) node.dataset.ready = 'yes';
  };
  const slice = () => {
    const start = performance.now();
    while (built < file.grids.length && performance.now() - start < SLICE_MS) build(built + 1);
    if (built < file.grids.length) setTimeout(slice, 0);
  };
  slice();
  return {
    node,
    shows: (d) => (d.cell ? (file.grids[d.cell.table - 1]?.rows.length ?? 0) >= d.cell.row : false),
    targetOf: (d) => {
      if (d.cell) build(d.cell.table);
      return targetAt(d);
    },
  };
}

function markTarget(target: HTMLElement, list: readonly Diagnostic[], idOf: (d: Diagnostic) => string): void {
  target.classList.add(list.some((d) => d.severity === 'error') ? 'has-error' : 'has-warning');
  target.title = list.map((d) => d.message).join('\n');
  target.setAttribute('aria-describedby', list.map(idOf).join(' '));
}

/** The grid as a table; each position of `cells` on a row of `rows` (table:row:column) gets the cell covering it. */
function gridTable(
  grid: PreviewGrid,
  table: number,
  cells: Map<string, HTMLElement | undefined>,
  rows: ReadonlySet<number> | undefined,
): HTMLElement {
  const caption = `${grid.name}${grid.hidden ? word(UI.hiddenSheet) : ''}`;
  const head = el('tr', {}, [el('th', { scope: 'col', class: 'corner' })]);
  for (let c = 1; c <= grid.width; c++) head.append(el('th', { scope: 'col' }, [letters(c)]));
  const body = el('tbody');
  grid.rows.forEach((row, r) => {
    const tr = el('tr', {}, [el('th', { scope: 'row' }, [String(r + 1)])]);
    for (const cell of row) {
      const td = el(
        'td',
        { tabindex: -1, rowspan: cell.rowSpan > 1 && cell.rowSpan, colspan: cell.colSpan > 1 && cell.colSpan },
        [cell.text],
      );
      td.dataset.ref = `${letters(cell.col + 1)}${r + 1}`;
      if (rows)
        for (let dr = 0; dr < cell.rowSpan; dr++) {
          if (!rows.has(r + dr + 1)) continue;
          for (let dc = 0; dc < cell.colSpan; dc++) {
            const at = `${table}:${r + dr + 1}:${cell.col + dc + 1}`;
            if (cells.has(at)) cells.set(at, td);
          }
        }
      tr.append(td);
    }
    body.append(tr);
  });
  const cut =
    grid.totalRows > grid.rows.length &&
    el('p', { class: 'note' }, [word(UI.cutRows, { shown: grid.rows.length, total: grid.totalRows })]);
  return el('section', { class: 'grid', 'aria-label': caption }, [
    el('h4', {}, [caption]),
    el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption }, [
      el('table', {}, [el('thead', {}, [head]), body]),
    ]),
    cut,
  ]);
}

/** Most lines of a YAML file shown. */
const YAML_LINES = 5000;

function yamlPreview(file: CheckedFile, idOf: (d: Diagnostic) => string): Preview {
  const lines = (file.text ?? '').split('\n').slice(0, YAML_LINES);
  const rows = lines.map((line, i) =>
    el('tr', { tabindex: -1 }, [el('th', { scope: 'row' }, [String(i + 1)]), el('td', {}, [el('code', {}, [line])])]),
  );
  const targetOf = (d: Diagnostic) => (d.range ? rows[d.range.start.line - 1] : undefined);
  const onLine = new Map<HTMLElement, Diagnostic[]>();
  for (const d of file.diagnostics) {
    const row = targetOf(d);
    if (row) addTo(onLine, row, d);
  }
  for (const [row, list] of onLine) markTarget(row, list, idOf);
  const node = el('div', { class: 'preview yaml', 'data-ready': 'yes' }, [
    el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': word(UI.yamlPreview) }, [
      el('table', {}, [el('tbody', {}, rows)]),
    ]),
  ]);
  return { node, shows: (d) => targetOf(d) !== undefined, targetOf };
}
