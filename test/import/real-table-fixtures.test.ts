import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../_helpers/excel.js';
import { sampleExpectation } from '../_helpers/real-tables/grid.js';
import { sampleHtml, samplesHtmlPage } from '../_helpers/real-tables/html.js';
import {
  loadCatalogSamples,
  loadFormSamples,
  type CatalogRow,
  type CatalogSample,
} from '../_helpers/real-tables/samples.js';
import { sampleXlsx, samplesWorkbook } from '../_helpers/real-tables/xlsx.js';

// The fixtures are checked against the sample JSON, read here on its own terms, not against the grid they
// were built from. Facts taken from the samples' notes:
/** Samples whose unticked cells hold a glyph instead of nothing. */
const OFF_GLYPH: Readonly<Record<string, string>> = { 'secondsilicon-fupin-trad': '?' };
/** Samples whose 一级事项 value is shown in another column (巴南: 事项类型; 一级 事项 is visually empty). */
const FIRST_IN: Readonly<Record<string, string>> = { 'banan-huimin-gonggongwenhuafuwu': '事项类型' };

/** A cell where it starts; `null` where a merged cell covers the position. */
type Placed = { text: string; rowSpan: number; colSpan: number } | null;
type PlacedRow = Placed[];

// ---- reading the fixtures back ----

function columnNumber(letters: string): number {
  return Array.from(letters).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : `<non-text ${JSON.stringify(value)}>`;
}

/** Every row of a sheet, each as wide as its last written cell. */
function readSheet(sheet: ExcelJS.Worksheet): PlacedRow[] {
  const masters = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const range of sheet.model.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
    const [top, left, bottom, right] = [Number(m[2]), columnNumber(m[1]!), Number(m[4]), columnNumber(m[3]!)];
    masters.set(`${top}:${left}`, { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r}:${c}`);
  }
  const rows: PlacedRow[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: PlacedRow = [];
    for (let c = 1; c <= row.cellCount; c++) {
      if (covered.has(`${r}:${c}`)) cells.push(null);
      else cells.push({ text: cellText(row.getCell(c).value), rowSpan: 1, colSpan: 1, ...masters.get(`${r}:${c}`) });
    }
    rows.push(cells);
  }
  return rows;
}

/** Consecutive non-blank rows of a sheet. */
function sheetBlocks(rows: readonly PlacedRow[]): PlacedRow[][] {
  const blocks: PlacedRow[][] = [[]];
  for (const row of rows) {
    if (row.length > 0) blocks.at(-1)!.push(row);
    else if (blocks.at(-1)!.length > 0) blocks.push([]);
  }
  return blocks.filter((b) => b.length > 0);
}

/** Text as a DOM's textContent gives it, except that <br> is a line break: a newline in the source is a space. */
function decodeHtml(html: string): string {
  return html
    .replace(/\r?\n/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Table rows with rowspan/colspan resolved into positions. */
function placeHtmlRows(tableHtml: string): PlacedRow[] {
  const rows: PlacedRow[] = [];
  const trs = [...tableHtml.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const m of tr.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      while (rows[r][c] !== undefined) c++;
      const rowSpan = Number(/rowspan="(\d+)"/.exec(m[2]!)?.[1] ?? 1);
      const colSpan = Number(/colspan="(\d+)"/.exec(m[2]!)?.[1] ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        rows[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) rows[r + dr]![c + dc] = null;
      }
      rows[r][c] = { text: decodeHtml(m[3]!), rowSpan, colSpan };
      c += colSpan;
    }
  });
  return rows;
}

/** Each table of a page with the texts of the headings and paragraphs just before it. */
function readHtmlPage(html: string): { before: string[]; rows: PlacedRow[] }[] {
  const tables: { before: string[]; rows: PlacedRow[] }[] = [];
  let from = 0;
  for (const m of html.matchAll(/<table\b[^>]*>[\s\S]*?<\/table>/g)) {
    const before = [...html.slice(from, m.index).matchAll(/<(h\d|p)\b[^>]*>([\s\S]*?)<\/\1>/g)]
      .map((p) => decodeHtml(p[2]!).trim())
      .filter((t) => t !== '');
    tables.push({ before, rows: placeHtmlRows(m[0]) });
    from = m.index + m[0].length;
  }
  return tables;
}

// ---- what the sample JSON says ----

const TRADITIONAL: Readonly<Record<string, string>> = {
  開: '开',
  對: '对',
  層: '层',
  級: '级',
  項: '项',
  內: '内',
  據: '据',
  時: '时',
  號: '号',
};

function withoutSic(text: string): string {
  return text.replace(/\s*\(sic\b[^)]*\)/g, '');
}

function leafOf(entry: string): { group: string | null; label: string; role: string } {
  const slash = entry.indexOf('/');
  const group = slash < 0 ? null : withoutSic(entry.slice(0, slash));
  const label = withoutSic(slash < 0 ? entry : entry.slice(slash + 1));
  const plain = (s: string): string =>
    s
      .replace(/\([a-zà-ü\u0100-\u01dc]+\)/g, '')
      .replace(/\s/g, '')
      .replace(/./gu, (ch) => TRADITIONAL[ch] ?? ch);
  const g = group === null ? '' : plain(group);
  const l = plain(label);
  const role =
    g === '公开对象'
      ? 'audience'
      : g === '公开方式'
        ? 'method'
        : g === '公开层级'
          ? 'levels'
          : l.startsWith('一级') || l === '公开事项'
            ? 'first'
            : l.startsWith('二级')
              ? 'second'
              : l.startsWith('序号')
                ? 'seq'
                : l.startsWith('公开内容')
                  ? 'content'
                  : l.startsWith('公开依据')
                    ? 'basis'
                    : l.startsWith('公开时限')
                      ? 'time_limit'
                      : l.startsWith('公开渠道')
                        ? 'channels'
                        : l === '公开' || l.startsWith('公开主')
                          ? 'subject'
                          : 'extra';
  return { group, label, role };
}

const MARK_ROLES = ['audience', 'method', 'levels'] as const;

function marksRaw(row: CatalogRow): string[] | undefined {
  return typeof row.extra.marks_raw === 'string' ? row.extra.marks_raw.split('|').map((t) => t.trim()) : undefined;
}

/** An extra column's value as the page shows it; anything but text is marked, so it never matches a cell. */
function extraText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : `<non-text ${JSON.stringify(value)}>`;
}

/** Expected text per position of a body row; `undefined` where the page does not say (unattributable marks). */
function expectedTexts(sample: CatalogSample, row: CatalogRow): (string | undefined)[] {
  const leaves = sample.header.map(leafOf);
  const markCount = leaves.filter((l) => (MARK_ROLES as readonly string[]).includes(l.role)).length;
  // A marks_raw shorter than the tick columns lost which column each mark is in.
  const unattributable = (marksRaw(row)?.length ?? markCount) < markCount;
  const direct: Record<string, string> = {
    seq: row.seq,
    first: FIRST_IN[sample.id] ? '' : row.first,
    second: row.second,
    content: row.content,
    basis: row.basis,
    time_limit: row.time_limit,
    subject: row.subject ?? '',
    channels: row.channels_raw ?? '',
  };
  const texts = leaves.map((leaf, c): string | undefined => {
    if (leaf.role in direct) return direct[leaf.role];
    if (leaf.role === 'extra') return leaf.label === FIRST_IN[sample.id] ? row.first : extraText(row.extra[leaf.label]);
    if (unattributable) return undefined;
    const group = row[leaf.role as (typeof MARK_ROLES)[number]];
    const v =
      group === null ? null : Object.values(group)[leaves.slice(0, c).filter((l) => l.role === leaf.role).length];
    return v === true ? '√' : v === false ? (OFF_GLYPH[sample.id] ?? '') : typeof v === 'string' ? v : '';
  });
  const prefix = row.extra.raw_cells_prefix;
  if (!Array.isArray(prefix)) return texts;
  return [...prefix.map(String), ...texts.slice(leaves.findIndex((l) => l.role === 'content'))];
}

function checkHeader(sample: CatalogSample, header: readonly PlacedRow[]): void {
  const leaves = sample.header.map(leafOf);
  for (const row of header) expect(row.length, 'header width').toBe(leaves.length);
  if (sample.header_raw) {
    // The header as the page showed it: its non-blank labels in reading order.
    const shown = header
      .flat()
      .filter((c) => c !== null && c.text !== '')
      .map((c) => c!.text);
    expect(shown).toEqual(sample.header_raw.filter((t) => t !== '(blank)'));
    return;
  }
  const twoRows = leaves.some((l) => l.group !== null);
  expect(header.length).toBe(twoRows ? 2 : 1);
  leaves.forEach((leaf, c) => {
    if (leaf.group === null) {
      expect(header[0]![c]).toEqual({ text: leaf.label, rowSpan: twoRows ? 2 : 1, colSpan: 1 });
      if (twoRows) expect(header[1]![c]).toBeNull();
      return;
    }
    expect(header[1]![c]).toEqual({ text: leaf.label, rowSpan: 1, colSpan: 1 });
    if (c > 0 && leaves[c - 1]!.group === leaf.group) {
      expect(header[0]![c]).toBeNull();
      return;
    }
    const span = leaves.slice(c).findIndex((l) => l.group !== leaf.group);
    expect(header[0]![c]).toEqual({ text: leaf.group, rowSpan: 1, colSpan: span < 0 ? leaves.length - c : span });
  });
}

function checkBody(sample: CatalogSample, body: readonly PlacedRow[]): void {
  expect(body.length, 'body rows').toBe(sample.rows.length);
  const leaves = sample.header.map(leafOf);
  const mergeCol = FIRST_IN[sample.id]
    ? leaves.findIndex((l) => l.label === FIRST_IN[sample.id])
    : leaves.findIndex((l) => l.role === 'first');
  const markCols = leaves.flatMap((l, i) => ((MARK_ROLES as readonly string[]).includes(l.role) ? [i] : []));
  // Rows a 一级事项 cell spans: 0 on rows merged into the one above.
  const mergedSpans = sample.rows.map((row, r) => {
    if (row.extra.first_merged_with_previous === true) return 0;
    let span = 1;
    while (sample.rows[r + span]?.extra.first_merged_with_previous === true) span++;
    return span;
  });
  sample.rows.forEach((row, r) => {
    const where = `row ${r + 1} (seq ${row.seq})`;
    const cells = body[r]!;
    const texts = expectedTexts(sample, row);
    expect(cells.length, `${where} width`).toBe(texts.length);
    const raw = marksRaw(row);
    const markTexts = markCols.map((c) => cells[c]?.text ?? '');
    // marks_raw is the page's tick cells: all of them in place, or (when shorter) only the non-empty ones in order.
    if (raw && raw.length === markCols.length) expect(markTexts, where).toEqual(raw);
    if (raw && raw.length < markCols.length)
      expect(
        markTexts.filter((t) => t !== ''),
        where,
      ).toEqual(raw);
    texts.forEach((text, c) => {
      const at = `${where} col ${c + 1}`;
      if (c === mergeCol && mergedSpans[r] === 0) expect(cells[c], at).toBeNull();
      else if (text === undefined) expect(cells[c], at).toMatchObject({ rowSpan: 1, colSpan: 1 });
      else expect(cells[c], at).toEqual({ text, rowSpan: c === mergeCol ? mergedSpans[r] : 1, colSpan: 1 });
    });
  });
}

/** Checks a table block: headings, template fields, header and body, against the sample. */
function checkBlock(
  sample: CatalogSample,
  headings: readonly string[],
  preamble: readonly string[],
  table: readonly PlacedRow[],
): void {
  expect(headings.length).toBeGreaterThan(0);
  const title = headings.at(-1)!;
  expect(sample.title.includes(title) && !/copy|sic/.test(title), `heading '${title}'`).toBe(true);
  const fields = Object.entries(sample.form_header ?? {}).map(([k, v]) => `${k}:${v}`);
  for (const field of fields) expect(preamble.join('\n')).toContain(field);
  expect(preamble.length).toBe(fields.length > 0 ? 1 : 0);
  const headerRows = sample.header.some((h) => h.includes('/')) ? 2 : 1;
  checkHeader(sample, table.slice(0, headerRows));
  checkBody(sample, table.slice(headerRows));
}

function checkSheetBlock(sample: CatalogSample, block: readonly PlacedRow[]): PlacedRow[] {
  const width = sample.header.length;
  const table = block.slice(block.length - sample.rows.length - (sample.header.some((h) => h.includes('/')) ? 2 : 1));
  const above = block.slice(0, block.length - table.length);
  const preambleCount = sample.form_header ? 1 : 0;
  const headingRows = above.slice(0, above.length - preambleCount);
  for (const row of headingRows)
    expect(row).toEqual([{ text: row[0]!.text, rowSpan: 1, colSpan: width }, ...Array<null>(width - 1).fill(null)]);
  const preamble = above.slice(headingRows.length).map((row) =>
    row
      .filter((c) => c !== null)
      .map((c) => c.text)
      .join('\n'),
  );
  checkBlock(
    sample,
    headingRows.map((row) => row[0]!.text),
    preamble,
    table,
  );
  return table;
}

function checkHtmlTable(sample: CatalogSample, table: { before: string[]; rows: PlacedRow[] }): PlacedRow[] {
  const preambleCount = sample.form_header ? 1 : 0;
  const headings = table.before.slice(0, table.before.length - preambleCount);
  checkBlock(sample, headings, table.before.slice(headings.length), table.rows);
  return table.rows;
}

// ---- tests ----

const samples = loadCatalogSamples();
const cases = samples.map((s) => [s.id, s] as const);

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = await loadWorkbook(bytes);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

describe('real-table samples', () => {
  it('loads every catalog sample and keeps the forms apart', () => {
    expect(samples.length).toBeGreaterThanOrEqual(18);
    expect(samples.every((s) => !s.id.startsWith('forms-') && s.rows.length > 0)).toBe(true);
    expect(loadFormSamples().map((f) => f.id)).toEqual([
      'forms-shanghai-jiaowei-2025-kaifangyue',
      'forms-xiangjiang-2023-zhutiri-shenbaobiao-template',
    ]);
  });
});

describe('sampleXlsx', () => {
  it.each(cases)('%s: one table in its original layout', async (_id, sample) => {
    const sheet = await sheetOf(await sampleXlsx(sample));
    expect(sheet.name).toBe(sample.domain.replace(/\s*\(.*\)$/, ''));
    const blocks = sheetBlocks(readSheet(sheet));
    expect(blocks).toHaveLength(1);
    checkSheetBlock(sample, blocks[0]!);
  });

  it('puts several tables on one sheet, each under its heading with a blank row between', async () => {
    const sheet = await sheetOf(await samplesWorkbook(samples, '标准目录'));
    expect(sheet.name).toBe('标准目录');
    const blocks = sheetBlocks(readSheet(sheet));
    expect(blocks).toHaveLength(samples.length);
    samples.forEach((sample, i) => checkSheetBlock(sample, blocks[i]!));
  });
});

describe('sampleHtml', () => {
  it.each(cases)('%s: one table in its original layout, like the same table in xlsx', async (_id, sample) => {
    const html = sampleHtml(sample);
    const tables = readHtmlPage(html);
    expect(tables).toHaveLength(1);
    const rows = checkHtmlTable(sample, tables[0]!);
    const sheetRows = sheetBlocks(readSheet(await sheetOf(await sampleXlsx(sample))))[0]!;
    expect(rows).toEqual(sheetRows.slice(sheetRows.length - rows.length));
  });

  it('escapes markup and keeps line breaks as <br>', () => {
    const html = sampleHtml(samples.find((s) => s.id === 'bozhou-xinjiang-shuishouguanli')!);
    expect(html).toContain('关于印发&lt;全面推进政务公开工作实施办法&gt;的通知');
    expect(html).toContain('政策<br>法规');
  });

  it('puts several tables on one page, each under its heading', () => {
    const tables = readHtmlPage(samplesHtmlPage(samples));
    expect(tables).toHaveLength(samples.length);
    samples.forEach((sample, i) => checkHtmlTable(sample, tables[i]!));
  });
});

describe('the checks notice a wrong fixture', () => {
  const sample = samples.find((s) => s.id === 'secondsilicon-fupin-trad')!;
  const mutate = (change: (rows: CatalogRow[]) => void): CatalogSample => {
    const copy = structuredClone(sample);
    change(copy.rows);
    return copy;
  };

  it.each([
    ['a changed text', mutate((rows) => void (rows[1]!.content += '。'))],
    [
      'a lost merge',
      mutate((rows) => void (rows[2]!.extra = { ...rows[2]!.extra, first_merged_with_previous: false })),
    ],
    [
      'a different tick glyph',
      mutate((rows) => void (rows[0]!.extra = { ...rows[0]!.extra, marks_raw: '√ |  | √ |  | √ | √' })),
    ],
  ])('%s', async (_what, wrong) => {
    const table = sheetBlocks(readSheet(await sheetOf(await sampleXlsx(sample))))[0]!;
    expect(() => checkSheetBlock(sample, table)).not.toThrow();
    expect(() => checkSheetBlock(wrong, table)).toThrow();
  });
});

describe('sampleExpectation', () => {
  it.each(cases)('%s: one expectation per row, marks per tick column', (_id, sample) => {
    const expected = sampleExpectation(sample);
    const markColumns = sample.header.map(leafOf).filter((l) => (MARK_ROLES as readonly string[]).includes(l.role));
    expect(expected.map((e) => [e.seq, e.second, e.content, e.basis, e.timeLimit, e.subject, e.channelsRaw])).toEqual(
      sample.rows.map((r) => [r.seq, r.second, r.content, r.basis, r.time_limit, r.subject, r.channels_raw]),
    );
    for (const [i, e] of expected.entries()) {
      const row = sample.rows[i]!;
      // Labels as shown: a page's blank labels (header_raw) stay blank.
      if (sample.header_raw) expect(e.marks).toHaveLength(markColumns.length);
      else expect(e.marks.map((m) => m.label)).toEqual(markColumns.map((l) => l.label));
      expect(e.firstResolved).toBe(e.firstMergedWithPrevious ? expected[i - 1]!.firstResolved : row.first);
      for (const m of e.marks) {
        const value = m.key === null ? null : row[m.group]![m.key];
        expect(m.value).toEqual(
          typeof value === 'boolean' ? value : typeof value === 'string' ? { text: value } : 'unknown',
        );
      }
    }
  });

  it('says unknown where the page lost which column a mark is in (奉节)', () => {
    const expected = sampleExpectation(samples.find((s) => s.id === 'fengjie-zhongdajianshexiangmu')!);
    expect(expected[0]!.marks.every((m) => m.value === 'unknown')).toBe(true);
    expect(expected[1]!.marks.map((m) => m.value)).toEqual([
      'unknown',
      { text: '项目单位' },
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });

  it("keeps a row's surplus cell (梅县 row 1)", () => {
    const expected = sampleExpectation(samples.find((s) => s.id === 'meixian-gonggongfalvfuwu')!);
    expect(expected[0]!.surplus).toEqual(['法律知识普及服务、法律法规和案例检索服务']);
    expect(expected.slice(1).every((e) => e.surplus.length === 0)).toBe(true);
  });
});
