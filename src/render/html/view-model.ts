import type { Column } from '../table-model.js';
import { buildOverview, type Overview } from './overview.js';
import type { RenderInput, RenderOptions } from '../types.js';

/** A header cell as the template writes it. `scope` is `colgroup` over a group, `col` otherwise. */
export interface HeaderCellView {
  label: string;
  scope: 'col' | 'colgroup';
  /** Only set when above 1, so the template writes the attribute only where it means something. */
  rowSpan?: number;
  colSpan?: number;
  cls: string;
}

/** A body cell: `header` for 序号 (`<th scope="row">`). Covered cells of a merge are left out. */
export interface BodyCellView {
  text: string;
  header: boolean;
  rowSpan?: number;
  cls: string;
  /** Set on the channel checklist: the template wraps each ■ and □ so that CSS can give it words. */
  glyphs?: true;
}

/** A body row with what the filters read: 公开方式 and 公开对象, space-separated. */
export interface BodyRowView {
  method: string;
  audience: string;
  cells: BodyCellView[];
}

/** The rows of one 一级事项 (a `<tbody>` each): print keeps them on one page where they fit, a phone shows them as a group of cards. */
export interface RowGroupView {
  rows: BodyRowView[];
}

/** A `<colgroup>`: one per column without a group, one per group (公开事项, 公开对象 …), so that `scope="colgroup"` has its group. */
export interface ColGroupView {
  cols: { cls: string }[];
}

/** A line of the catalog's description under its title. */
export interface MetaView {
  label: string;
  value: string;
}

/** One catalog: its section on a page and its entry in a table of contents or the index. */
export interface CatalogView {
  /** Fragment id of the section and the caption (`catalog-1` …). */
  id: string;
  /** 1-based position, for numbered lists. */
  number: number;
  captionId: string;
  title: string;
  domain: string;
  unit: string;
  /** Its page in the site layout (relative, URL-encoded). */
  href: string;
  /** Whether the section shows its own heading (not when the page heading is already its title). */
  heading: boolean;
  meta: MetaView[];
  counts: { level1: number; level2: number; rows: number };
  colGroups: ColGroupView[];
  headerRows: HeaderCellView[][];
  groups: RowGroupView[];
}

/** A page with one or more catalogs and the search box. */
export interface PageView {
  /** `<title>`. */
  title: string;
  /** The site's name, in the banner, and the line under it. */
  siteName: string;
  siteSub: string;
  /** `<h1>`. */
  heading: string;
  /** Meta lines under the heading (for a page of one catalog). */
  meta: MetaView[];
  /** A table of contents (more than one catalog). */
  toc: boolean;
  /** A link back to the index (site layout). */
  back: boolean;
  catalogs: CatalogView[];
  total: number;
  /**
   * CSS naming the cells of columns that differ between catalogs (层级, extra columns) on a phone's cards, written
   * after the style sheet as it is: its labels are CSS strings with quotes, backslashes, `<` and `>` escaped.
   */
  cardStyle: string;
}

/** The site's index page: the catalogs with their counts. */
export interface IndexView {
  title: string;
  siteName: string;
  siteSub: string;
  heading: string;
  catalogs: CatalogView[];
  total: { level1: number; level2: number; rows: number };
  /** The figures and what the charts draw. */
  overview: Overview;
}

const GENERIC_TITLE = '基层政务公开标准目录';

/** The class of a column's cells: its kind, and for text columns which one (CSS sets widths by it). */
function columnClass(column: Column): string {
  if (column.kind === 'item') return `item ${column.id}`;
  if (column.kind !== 'text') return column.kind;
  if (column.id.startsWith('extra:')) return 'text extra';
  return `text ${column.id.replace(/_/g, '-')}`;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The catalog's description: unit, level, version, date and the guideline it follows, where given. */
function metaOf(input: RenderInput): MetaView[] {
  const c = input.catalog.catalog as unknown as Record<string, unknown>;
  const baseline = typeof c.baseline === 'object' && c.baseline !== null ? (c.baseline as Record<string, unknown>) : {};
  const baselineTitle = stringOf(baseline.title);
  const baselineVersion = stringOf(baseline.version);
  const entries: [string, string | undefined][] = [
    ['编制单位', stringOf(c.unit)],
    ['领域', stringOf(c.domain)],
    ['行政层级', stringOf(c.admin_level)],
    ['版本', stringOf(c.version)],
    ['日期', stringOf(c.date)],
    ['参照', baselineTitle && (baselineVersion ? `${baselineTitle}（${baselineVersion}年版）` : baselineTitle)],
  ];
  return entries.filter((e): e is [string, string] => e[1] !== undefined).map(([label, value]) => ({ label, value }));
}

function colGroupsOf(columns: readonly Column[]): ColGroupView[] {
  const groups: ColGroupView[] = [];
  for (let i = 0; i < columns.length;) {
    const group = columns[i]!.group;
    let end = i + 1;
    while (group && end < columns.length && columns[end]!.group === group) end++;
    groups.push({ cols: columns.slice(i, end).map((c) => ({ cls: columnClass(c) })) });
    i = end;
  }
  return groups;
}

function headerRowsOf(input: RenderInput): HeaderCellView[][] {
  const { columns, header } = input.table;
  const rows: HeaderCellView[][] = [[], []];
  for (const cell of [...header].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const grouped = cell.row === 0 && cell.rowSpan === 1;
    rows[cell.row]!.push({
      label: cell.label,
      scope: grouped ? 'colgroup' : 'col',
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      cls: grouped ? 'group' : columnClass(columns[cell.col]!),
    });
  }
  return rows[1]!.length > 0 ? rows : [rows[0]!];
}

function bodyRowsOf(input: RenderInput): RowGroupView[] {
  const { columns, rows } = input.table;
  const level1 = columns.findIndex((c) => c.id === 'level1');
  const groups: RowGroupView[] = [];
  for (const row of rows) {
    const view: BodyRowView = {
      method: row.item.fields.method.join(' '),
      audience: row.item.fields.audience.join(' '),
      cells: row.cells.flatMap((cell, c): BodyCellView[] => {
        if (cell.rowSpan === 0) return [];
        const column = columns[c]!;
        // A tick with a note (√（项目单位）) keeps its words on a card; a bare √ becomes the column's name.
        const noted = column.kind === 'tick' && cell.text !== '' && cell.text !== '√';
        return [
          {
            text: cell.text,
            header: column.kind === 'seq',
            ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
            cls: noted ? `${columnClass(column)} note` : columnClass(column),
            ...(column.id === 'channels' ? { glyphs: true as const } : {}),
          },
        ];
      }),
    };
    // A row whose 一级事项 cell is its own starts a group; merges never cross a 一级事项, so none crosses a group.
    const last = groups[groups.length - 1];
    if (!last || level1 < 0 || row.cells[level1]!.rowSpan !== 0) groups.push({ rows: [view] });
    else last.rows.push(view);
  }
  return groups;
}

/** A CSS string literal for a label: quotes, backslashes and line breaks escaped, `<` too so that it cannot close the style element. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}

/**
 * The names a phone's cards give the columns that differ between catalogs: each 层级 tick (县级, 乡级 …) and
 * each extra column, counted among their kind in a row (`:nth-child(n of .tick)`, `:nth-child(n of .extra)`), so that the cells left
 * out by a merge do not shift them (the four ticks of 公开对象 and 公开方式 come first). Fixed columns are named in the style sheet itself.
 */
export function cardStyleOf(catalogs: readonly { id: string; columns: readonly Column[] }[]): string {
  const rules: string[] = [];
  for (const { id, columns } of catalogs) {
    const levels = columns.filter((c) => c.kind === 'tick' && c.id.startsWith('level:'));
    // The first names its group on a line of its own (公开层级：县级), as the style sheet does for 公开对象 and 公开方式.
    levels.forEach((c, i) =>
      rules.push(
        `#${id} td:nth-child(${i + 5} of .tick):not(:empty)::before { content: ${cssString(i === 0 ? `\n${c.group ?? ''}：${c.label}` : c.label)}; }`,
      ),
    );
    const extras = columns.filter((c) => c.id.startsWith('extra:'));
    extras.forEach((c, i) =>
      rules.push(`#${id} td:nth-child(${i + 1} of .extra)::before { content: ${cssString(c.label)}; }`),
    );
  }
  return rules.length > 0 ? `@media screen and (max-width: 600px) {\n${rules.join('\n')}\n}\n` : '';
}

/** A file name for a catalog's page from the file it came from: its stem, letters, digits, `.`, `_` and `-` only. */
function stemOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return stem === '' ? 'catalog' : stem;
}

/** Page names for the site layout, in input order; a repeated stem gets `-2`, `-3` …, and `index` is taken by the index. */
export function pageNames(inputs: readonly RenderInput[]): string[] {
  const taken = new Set(['index']);
  return inputs.map((input) => {
    const stem = stemOf(input.file);
    let name = stem;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}`;
    taken.add(name.toLowerCase());
    return `${name}.html`;
  });
}

/** A catalog's view with its rows, from one made without them. Pure. */
export function withRows(view: CatalogView, input: RenderInput): CatalogView {
  return { ...view, groups: bodyRowsOf(input) };
}

/** Build the view of one catalog; without `rows`, its table body is left empty (see {@link withRows}). Pure. */
export function buildCatalogView(
  input: RenderInput,
  index: number,
  page: string,
  heading: boolean,
  rows = true,
): CatalogView {
  const id = `catalog-${index + 1}`;
  return {
    id,
    number: index + 1,
    captionId: `${id}-caption`,
    title: input.table.title,
    domain: input.table.domain,
    unit: input.table.unit,
    href: encodeURIComponent(page),
    heading,
    meta: metaOf(input),
    counts: { ...input.table.counts },
    colGroups: colGroupsOf(input.table.columns),
    headerRows: headerRowsOf(input),
    groups: rows ? bodyRowsOf(input) : [],
  };
}

/** The site's name: the title asked for, else the unit all catalogs share, else 基层政务公开标准目录. */
export function siteNameOf(inputs: readonly RenderInput[], options: RenderOptions): string {
  if (options.title) return options.title;
  const units = [...new Set(inputs.map((i) => i.table.unit))];
  return units.length === 1 && units[0] ? units[0] : GENERIC_TITLE;
}

function site(inputs: readonly RenderInput[], options: RenderOptions): { siteName: string; siteSub: string } {
  const siteName = siteNameOf(inputs, options);
  return { siteName, siteSub: siteName === GENERIC_TITLE ? '' : GENERIC_TITLE };
}

/** The heading of a page or index listing several catalogs. */
function collectionHeading(inputs: readonly RenderInput[], options: RenderOptions): string {
  if (options.title) return options.title;
  const name = siteNameOf(inputs, options);
  return name === GENERIC_TITLE ? name : `${name}${GENERIC_TITLE}`;
}

/**
 * The view of the single page holding every catalog (layout `single`); with `rows: false`, the catalogs'
 * table bodies are left empty, to be made one catalog at a time. Pure.
 */
export function buildSinglePageView(
  inputs: readonly RenderInput[],
  options: RenderOptions,
  { rows = true }: { rows?: boolean } = {},
): PageView {
  const pages = pageNames(inputs);
  const only = inputs.length === 1 ? inputs[0] : undefined;
  const heading = only && !options.title ? only.table.title : collectionHeading(inputs, options);
  const catalogs = inputs.map((input, i) =>
    buildCatalogView(input, i, pages[i]!, !(only && heading === only.table.title), rows),
  );
  return {
    title: heading,
    ...site(inputs, options),
    heading,
    meta: only && !catalogs[0]!.heading ? catalogs[0]!.meta : [],
    toc: inputs.length > 1,
    back: false,
    catalogs,
    total: catalogs.reduce((n, c) => n + c.counts.rows, 0),
    cardStyle: cardStyleOf(catalogs.map((c, i) => ({ id: c.id, columns: inputs[i]!.table.columns }))),
  };
}

/** The view of one catalog's own page (layout `site`). Pure. */
export function buildCatalogPageView(inputs: readonly RenderInput[], index: number, options: RenderOptions): PageView {
  const input = inputs[index]!;
  const catalog = buildCatalogView(input, index, pageNames(inputs)[index]!, false);
  const { siteName, siteSub } = site(inputs, options);
  return {
    title: `${catalog.title} - ${siteName}`,
    siteName,
    siteSub,
    heading: catalog.title,
    meta: catalog.meta,
    toc: false,
    back: true,
    catalogs: [catalog],
    total: catalog.counts.rows,
    cardStyle: cardStyleOf([{ id: catalog.id, columns: input.table.columns }]),
  };
}

/** The view of the site's index page (layout `site`). Pure. */
export function buildIndexView(inputs: readonly RenderInput[], options: RenderOptions): IndexView {
  const pages = pageNames(inputs);
  const catalogs = inputs.map((input, i) => buildCatalogView(input, i, pages[i]!, true));
  const heading = collectionHeading(inputs, options);
  return {
    title: heading,
    ...site(inputs, options),
    heading,
    catalogs,
    total: catalogs.reduce(
      (t, c) => ({
        level1: t.level1 + c.counts.level1,
        level2: t.level2 + c.counts.level2,
        rows: t.rows + c.counts.rows,
      }),
      { level1: 0, level2: 0, rows: 0 },
    ),
    overview: buildOverview(inputs),
  };
}
