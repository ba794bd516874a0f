import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Counts } from '../../src/catalog/counts.js';
import { STANDARD_CHANNELS } from '../../src/catalog/vocabulary.js';
import { renderExcel, SUMMARY_SHEET, WORKBOOK_FILE } from '../../src/render/excel.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import type { CatalogTable } from '../../src/render/table-model.js';
import type { RenderInput } from '../../src/render/types.js';
import { loadWorkbook, mergesOf, rangeOf, readZipEntry, renderXlsx } from '../_helpers/excel.js';
import { inputFromYaml, shippedInputs } from '../_helpers/tables.js';

const TITLE_ROW = 1;
const BYLINE_ROW = 2;
const HEADER_TOP = 3;
const BODY_TOP = 5;

const inputs = shippedInputs();
let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await renderXlsx(inputs);
  workbook = await loadWorkbook(bytes);
});

const col = (table: CatalogTable, id: string) => table.columns.findIndex((c) => c.id === id) + 1;

/** The body merges the table model asks for, as A1 ranges. */
/** The 0-based body rows that start a page of a sheet (`xl/worksheets/sheet<n>.xml`), from its manual breaks. */
function pageStarts(xlsx: Uint8Array, sheet: number): number[] {
  const xml = readZipEntry(xlsx, `xl/worksheets/sheet${sheet}.xml`);
  // A break's `id` is the row above it.
  return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1 - BODY_TOP);
}

/** The parts a merge from row `r` over `span` rows is cut into at page starts: [first row, rows]. */
function pieces(r: number, span: number, starts: readonly number[]): [number, number][] {
  const cuts = [r, ...starts.filter((s) => s > r && s < r + span), r + span];
  return cuts.slice(0, -1).map((a, k) => [a, cuts[k + 1]! - a]);
}

/** The body merges of a table's sheet: each vertical merge of the table model, cut where a page starts. */
function expectedBodyMerges(table: CatalogTable, starts: readonly number[] = []): Set<string> {
  const merges = new Set<string>();
  table.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      for (const [a, n] of pieces(r, cell.rowSpan, starts))
        if (n > 1) merges.add(rangeOf(BODY_TOP + a, c + 1, BODY_TOP + a + n - 1, c + 1));
    }),
  );
  return merges;
}

function catalogYaml(items: string, extra = ''): string {
  return `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级, 乡级]
${extra}defaults: {subject: 青禾区教育局, channels: [政府网站], audience: 全社会, method: 主动, levels: [县级], time_limit: 实时公开}
items:
${items}`;
}

describe('Excel workbook of the shipped catalogs', () => {
  it('is one file, a summary sheet first, then a sheet per catalog named after its domain', async () => {
    const files = await renderExcel(inputs, { channels: 'checklist', layout: 'single' });
    expect(files.map((f) => f.path)).toEqual([WORKBOOK_FILE]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, ...inputs.map((i) => i.table.domain)]);
    expect(workbook.creator).toBe('zwgk');
    // Dates come from the catalogs (the latest `date`), not from the clock.
    const latest = inputs
      .map((i) => String(i.catalog.catalog.date))
      .sort()
      .at(-1);
    expect(workbook.created.toISOString()).toBe(`${latest}T00:00:00.000Z`);
    expect(workbook.modified.toISOString()).toBe(`${latest}T00:00:00.000Z`);
  });

  it('counts per catalog in the summary 一级 and 二级事项, 主动 and 依申请, and each channel used, with a total that zwgk stats agrees with', () => {
    const sheet = workbook.getWorksheet(SUMMARY_SHEET)!;
    const stats = computeStats(inputs.map(({ file, catalog }) => ({ file, catalog })));
    const channels = stats.total.counts.channels.map((t) => t.name);
    // Standard channels in the standard order first, as zwgk stats lists them: the shipped catalogs use all but 政府公报, and one more.
    expect(channels).toEqual([...STANDARD_CHANNELS.filter((c) => c !== '政府公报'), '12345政务服务热线']);
    // Two header rows: a group's heading over its columns, the others merged down both.
    const fixed = ['序号', '领域', '编制单位', '目录名称', '一级事项数', '二级事项数'];
    expect(fixed.map((_, c) => sheet.getCell(2, c + 1).value)).toEqual(fixed);
    expect(sheet.getCell(2, 7).value).toBe('公开方式');
    expect(sheet.getCell(2, 9).value).toBe('公开渠道（事项数）');
    expect(Array.from({ length: 2 + channels.length }, (_, c) => sheet.getCell(3, 7 + c).value)).toEqual([
      '主动',
      '依申请',
      ...channels,
    ]);
    const merges = mergesOf(sheet);
    for (let c = 1; c <= fixed.length; c++) expect(merges).toContain(rangeOf(2, c, 3, c));
    expect(merges).toContain(rangeOf(2, 7, 2, 8));
    expect(merges).toContain(rangeOf(2, 9, 2, 8 + channels.length));

    const numbers = (counts: Counts) => [
      counts.level1,
      counts.level2,
      counts.method.主动,
      counts.method.依申请,
      ...channels.map((name) => counts.channels.find((t) => t.name === name)?.count ?? 0),
    ];
    inputs.forEach(({ table, file }, i) => {
      const counted = stats.catalogs.find((c) => c.file === file)!;
      expect(sheet.getRow(4 + i).values).toEqual([
        undefined,
        i + 1,
        table.domain,
        table.unit,
        table.title,
        ...numbers(counted.counts),
      ]);
    });
    const total = sheet.getRow(4 + inputs.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(Array.from({ length: 4 + channels.length }, (_, c) => total.getCell(5 + c).value)).toEqual(
      numbers(stats.total.counts),
    );
    // Hand-counted: the shipped catalogs have 42 一级事项, 128 二级事项, 3 published on request, 113 on the website.
    expect(numbers(stats.total.counts).slice(0, 5)).toEqual([42, 128, 125, 3, 113]);
    expect(merges).toContain(rangeOf(4 + inputs.length, 1, 4 + inputs.length, 4));
  });

  it('puts the title in a row merged across the table, then one line of unit, version and date in body type', () => {
    for (const { table, catalog } of inputs) {
      const sheet = workbook.getWorksheet(table.domain)!;
      expect(sheet.getCell(TITLE_ROW, 1).text).toBe(table.title);
      const date = catalog.catalog.date as unknown;
      const day = date instanceof Date ? date.toISOString().slice(0, 10) : String(date);
      expect(sheet.getCell(BYLINE_ROW, 1).text).toBe(
        `编制单位：${table.unit}\u3000版本：${String(catalog.catalog.version)}\u3000日期：${day}`,
      );
      expect(sheet.getCell(BYLINE_ROW, 1).font).toEqual(sheet.getCell(BODY_TOP, 1).font);
      expect(sheet.getCell(BYLINE_ROW, 1).font.bold).toBeFalsy();
      expect(mergesOf(sheet)).toContain(rangeOf(TITLE_ROW, 1, TITLE_ROW, table.columns.length));
      expect(mergesOf(sheet)).toContain(rangeOf(BYLINE_ROW, 1, BYLINE_ROW, table.columns.length));
    }
    expect(workbook.getWorksheet('义务教育')!.getCell('A2').text).toBe(
      '编制单位：青禾区教育局\u3000版本：2024\u3000日期：2024-06-28',
    );
    expect(workbook.getWorksheet('安全生产')!.getCell('A1').value).toBe(
      '青禾区应急管理局安全生产领域基层政务公开标准目录',
    );
  });

  it('leaves out of that line what a catalog does not have', async () => {
    const input = inputFromYaml(catalogYaml(`  - {name: 政策文件, content: a}\n`, 'version: 2025版\n'));
    const sheet = (await loadWorkbook(await renderXlsx([input]))).getWorksheet('义务教育')!;
    expect(sheet.getCell(BYLINE_ROW, 1).text).toBe('编制单位：青禾区教育局\u3000版本：2025版');
  });

  it('writes the official two-row header with its merged cells', () => {
    for (const { table } of inputs) {
      const sheet = workbook.getWorksheet(table.domain)!;
      const merges = mergesOf(sheet);
      for (const h of table.header) {
        const top = HEADER_TOP + h.row;
        expect(sheet.getCell(top, h.col + 1).value).toBe(h.label);
        if (h.rowSpan > 1 || h.colSpan > 1)
          expect(merges).toContain(rangeOf(top, h.col + 1, top + h.rowSpan - 1, h.col + h.colSpan));
      }
    }
    // Spelled out for one catalog (no codes, 县级 and 乡级 columns).
    const sheet = workbook.getWorksheet('义务教育')!;
    // exceljs reports the master's value in covered cells of a merge; show those as empty.
    const row = (r: number) =>
      Array.from({ length: 14 }, (_, c) => sheet.getCell(r, c + 1)).map((cell) =>
        cell.type === ExcelJS.ValueType.Merge ? '' : (cell.value ?? ''),
      );
    expect(row(HEADER_TOP)).toEqual([
      '序号',
      '公开事项',
      '',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '',
      '公开方式',
      '',
      '公开层级',
      '',
    ]);
    expect(row(HEADER_TOP + 1)).toEqual([
      '',
      '一级事项',
      '二级事项',
      '',
      '',
      '',
      '',
      '',
      '全社会',
      '特定群体',
      '主动',
      '依申请',
      '县级',
      '乡级',
    ]);
    const merges = mergesOf(sheet);
    for (const range of ['A3:A4', 'B3:C3', 'D3:D4', 'H3:H4', 'I3:J3', 'K3:L3', 'M3:N3'])
      expect(merges).toContain(range);
  });

  it('writes every body row, with the vertical merges of the table model cut at page breaks', () => {
    let cut = 0;
    inputs.forEach(({ table }, i) => {
      const sheet = workbook.getWorksheet(table.domain)!;
      const starts = pageStarts(bytes, i + 2);
      expect(sheet.rowCount).toBe(BODY_TOP - 1 + table.rows.length);
      const body = [...mergesOf(sheet)].filter((m) => Number(/\d+/.exec(m)![0]) >= BODY_TOP);
      expect(new Set(body)).toEqual(expectedBodyMerges(table, starts));
      table.rows.forEach((row, r) => {
        row.cells.forEach((cell, c) => {
          if (cell.rowSpan === 0) return;
          if (table.columns[c]!.kind === 'seq') expect(sheet.getCell(BODY_TOP + r, c + 1).value).toBe(r + 1);
          // Each piece of a cut merge shows the text again.
          else
            for (const [a] of pieces(r, cell.rowSpan, starts)) {
              expect(sheet.getCell(BODY_TOP + a, c + 1).value ?? '').toBe(cell.text);
              if (a > r) cut++;
            }
        });
      });
    });
    // The shipped catalogs have groups cut to fill pages.
    expect(cut).toBeGreaterThan(0);
  });

  it('merges each 一级事项 over its rows on a page, and names it again at the top of a page it continues on', () => {
    const index = inputs.findIndex((i) => i.table.domain === '社会救助');
    const { table } = inputs[index]!;
    const sheet = workbook.getWorksheet('社会救助')!;
    const starts = pageStarts(bytes, index + 2);
    const level1 = col(table, 'level1');
    const groups = table.rows.flatMap((row, r) =>
      row.cells[level1 - 1]!.rowSpan > 0 ? [{ r, span: row.cells[level1 - 1]!.rowSpan }] : [],
    );
    expect(groups.length).toBe(table.counts.level1);
    let continued = 0;
    for (const { r, span } of groups) {
      const parts = pieces(r, span, starts);
      continued += parts.length - 1;
      for (const [a, n] of parts) {
        if (n > 1) expect(mergesOf(sheet)).toContain(rangeOf(BODY_TOP + a, level1, BODY_TOP + a + n - 1, level1));
        expect(sheet.getCell(BODY_TOP + a, level1).value).toBe(table.rows[r]!.cells[level1 - 1]!.text);
      }
    }
    expect(continued).toBeGreaterThan(0);
  });

  it('centres ticks and prints every cell with thin borders, wrapped and vertically centred, in a CJK font', () => {
    const { table } = inputs[0]!;
    const sheet = workbook.getWorksheet(table.domain)!;
    const tick = sheet.getCell(BODY_TOP, col(table, 'audience:全社会'));
    expect(tick.value).toBe('√');
    expect(tick.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    for (const cell of [
      tick,
      sheet.getCell(BODY_TOP, col(table, 'content')),
      sheet.getCell(HEADER_TOP, 1),
      sheet.getCell(BODY_TOP + 1, col(table, 'level1')),
    ]) {
      expect(cell.border).toMatchObject({
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      });
      expect(cell.alignment).toMatchObject({ vertical: 'middle', wrapText: true });
    }
    expect(sheet.getCell(BODY_TOP, col(table, 'content')).font).toMatchObject({ name: '宋体' });
    expect(sheet.getCell(HEADER_TOP, 1).font).toMatchObject({ name: '黑体', bold: true });
    expect(sheet.getCell(TITLE_ROW, 1).font).toMatchObject({ name: '黑体', bold: true });
    expect(sheet.getColumn(col(table, 'content')).width).toBeGreaterThan(
      sheet.getColumn(col(table, 'audience:全社会')).width!,
    );
    // Rows are tall enough for their text: the content list of 危险化学品经营许可 has 8 lines.
    const row = table.rows.findIndex((r) => r.item.name === '危险化学品经营许可');
    expect(sheet.getRow(BODY_TOP + row).height).toBeGreaterThan(8 * 10.5);
  });

  it('is set up for printing: A4 landscape, at a scale printing the body at 9 pt or more, header rows on every page, page numbers', () => {
    for (const { table } of inputs) {
      const sheet = workbook.getWorksheet(table.domain)!;
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:4' });
      expect(sheet.pageSetup.fitToPage).toBeFalsy();
      const { scale } = sheet.pageSetup;
      expect((10.5 * scale!) / 100).toBeGreaterThanOrEqual(9);
      // The table fits the printable width (A4 less 0.8 in) at that scale, with LibreOffice's 5.55 pt a unit.
      const width = sheet.columns.reduce((a, c) => a + (c.width ?? 9), 0);
      expect((width * 5.55 * scale!) / 100).toBeLessThanOrEqual(841.89 - 0.8 * 72);
      expect(sheet.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    }
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:3',
    });
  });

  it('gives the same bytes when rendered again', async () => {
    const again = await renderXlsx(inputs);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('Excel values', () => {
  it('keeps text that looks like a formula or a number as text, and codes with leading zeros', async () => {
    const tricky = ['=SUM(A1)', '+86 0731', '-1', '@x', '=1+1', '0505'];
    const input = inputFromYaml(
      catalogYaml(
        `  - name: "=HYPERLINK(\\"http://x\\")"
    code: "05"
    items:
${tricky.map((t, i) => `      - {name: "${t}", code: "050${i + 5}", content: "${t}", extra: {备注: "${t}"}}`).join('\n')}
`,
        'extra_columns: [备注]\n',
      ),
    );
    const sheet = (await loadWorkbook(await renderXlsx([input]))).getWorksheet('义务教育')!;
    const { table } = input;
    tricky.forEach((text, r) => {
      for (const id of ['level2', 'content', 'extra:备注']) {
        const cell = sheet.getCell(BODY_TOP + r, col(table, id));
        expect(cell.type, `${id} ${text}`).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text);
        expect(cell.formula).toBeUndefined();
      }
      const code = sheet.getCell(BODY_TOP + r, col(table, 'code'));
      expect(code.type).toBe(ExcelJS.ValueType.String);
      expect(code.value).toBe(`050${r + 5}`);
    });
    const level1 = sheet.getCell(BODY_TOP, col(table, 'level1'));
    expect(level1.type).toBe(ExcelJS.ValueType.String);
    expect(level1.value).toBe('05 =HYPERLINK("http://x")');
  });

  it('drops characters XML cannot hold and keeps the rest', async () => {
    const input = inputFromYaml(
      catalogYaml(`  - name: 政策文件
    items:
      - {name: 法律法规, content: "a\\x01b\\uFFFEc"}
`),
    );
    const sheet = (await loadWorkbook(await renderXlsx([input]))).getWorksheet('义务教育')!;
    expect(sheet.getCell(BODY_TOP, col(input.table, 'content')).value).toBe('ab\uFFFDc');
  });
});

describe('Excel sheets and summary', () => {
  it('names repeated domains uniquely and validly, and sums their counts', async () => {
    const one = (domain: string, unit: string): RenderInput =>
      inputFromYaml(
        catalogYaml(`  - name: 政策文件
    items:
      - {name: 法律法规, content: a}
      - {name: 规章, content: b}
  - {name: 其他, content: c}
`)
          .replace('domain: 义务教育', `domain: "${domain}"`)
          .replace('unit: 青禾区教育局', `unit: ${unit}`),
      );
    const long = '城乡居民最低生活保障和特困人员救助供养及临时救助领域';
    const inputs = [
      one('养老服务', '甲街道'),
      one('养老服务', '乙街道'),
      one('汇总', '丙'),
      one('a/b:c', '丁'),
      one(long, '戊'),
      one(long, '己'),
    ];
    const book = await loadWorkbook(await renderXlsx(inputs));
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual([
      SUMMARY_SHEET,
      '养老服务',
      '养老服务 (2)',
      '汇总 (2)',
      'a_b_c',
      long.slice(0, 31),
      `${long.slice(0, 27)} (2)`,
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
    const summary = book.getWorksheet(SUMMARY_SHEET)!;
    expect(summary.getCell(4, 3).value).toBe('甲街道');
    expect(summary.getCell(5, 3).value).toBe('乙街道');
    expect(summary.getCell(4 + inputs.length, 5).value).toBe(2 * inputs.length);
    expect(summary.getCell(4 + inputs.length, 6).value).toBe(2 * inputs.length);
    // The summary's heading names the workbook; with a title option, that title.
    expect(summary.getCell('A1').value).toBe('基层政务公开标准目录汇总表');
    const titled = await loadWorkbook(await renderXlsx(inputs.slice(0, 2), { title: '云岭市青禾区政务公开目录' }));
    expect(titled.getWorksheet(SUMMARY_SHEET)!.getCell('A1').value).toBe('云岭市青禾区政务公开目录');
    expect(titled.title).toBe('云岭市青禾区政务公开目录');
  });

  it('leaves the summary out of the workbook of one catalog', async () => {
    const book = await loadWorkbook(await renderXlsx(inputs.slice(0, 1)));
    expect(book.worksheets.map((s) => s.name)).toEqual([inputs[0]!.table.domain]);
  });

  it('renders no catalogs as a summary with a zero total', async () => {
    const book = await loadWorkbook(await renderXlsx([]));
    expect(book.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET]);
    const empty = book.getWorksheet(SUMMARY_SHEET)!;
    expect(empty.getCell(4, 6).value).toBe(0);
    // No channel used: no channel columns, and the page stays upright.
    expect(empty.getCell(3, 9).value).toBeNull();
    expect(empty.pageSetup.orientation).toBe('portrait');
    expect(book.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});

describe('Excel page breaks', () => {
  it('starts pages between 一级事项 groups, never inside one that fits a page when the page before is full enough', async () => {
    // 30 groups of 4 rows with long content: several pages.
    const items = Array.from(
      { length: 30 },
      (_, g) => `  - name: 事项${g}
    basis: [《条例${g}》]
    items:
${Array.from({ length: 4 }, (_, k) => `      - {name: 子项${g}-${k}, content: "${'公开内容'.repeat(10 + k)}"}`).join('\n')}`,
    ).join('\n');
    const input = inputFromYaml(catalogYaml(`${items}\n`));
    const xml = readZipEntry(await renderXlsx([input]), 'xl/worksheets/sheet1.xml');
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(breaks.length).toBeGreaterThan(2);
    // Row `id` ends a page; the next row must start a group (groups start at BODY_TOP + 4k).
    for (const id of breaks) expect((id + 1 - BODY_TOP) % 4).toBe(0);
  });

  it('cuts a group taller than a page at the page breaks, naming its 一级事项 again on each page', async () => {
    const items = `  - name: 大事项
    items:
${Array.from({ length: 40 }, (_, k) => `      - {name: 子项${k}, content: "${'公开内容'.repeat(20)}", subject: 单位${k}}`).join('\n')}
  - name: 小事项
    items:
      - {name: 子项, content: 内容}
`;
    const input = inputFromYaml(catalogYaml(items));
    const bytes = await renderXlsx([input]);
    const starts = pageStarts(bytes, 1);
    expect(starts.length).toBeGreaterThan(1);
    // Breaks fall inside the big group (rows 0–39) where needed; the small group follows, on the last page.
    expect(starts.every((s) => s > 0 && s <= 40)).toBe(true);
    const sheet = (await loadWorkbook(bytes)).getWorksheet('义务教育')!;
    const level1 = col(input.table, 'level1');
    const cuts = [0, ...starts.filter((s) => s < 40), 40];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [a, b] = [BODY_TOP + cuts[k]!, BODY_TOP + cuts[k + 1]! - 1];
      expect(sheet.getCell(a, level1).value).toBe('大事项');
      expect(sheet.getCell(a, level1).alignment).toMatchObject({ vertical: 'middle', horizontal: 'center' });
      if (b > a) expect(mergesOf(sheet)).toContain(rangeOf(a, level1, b, level1));
    }
    expect(sheet.getCell(BODY_TOP + 40, level1).value).toBe('小事项');
  });

  it('fills a page before a group that does not fit when the page would be left less than two-thirds full', async () => {
    // Groups of 8 two-line rows, each under half a page (a page holds 14 to 16 rows): a page of one whole group
    // would be less than two-thirds full, so groups are cut to fill pages.
    const group = (g: number) => `  - name: 事项${g}
    items:
${Array.from({ length: 8 }, (_, k) => `      - {name: 子项${g}-${k}, content: "${'公开内容'.repeat(12)}"}`).join('\n')}`;
    const input = inputFromYaml(catalogYaml(`${Array.from({ length: 6 }, (_, g) => group(g)).join('\n')}\n`));
    const bytes = await renderXlsx([input]);
    const starts = pageStarts(bytes, 1);
    expect(starts.length).toBeGreaterThan(1);
    // Pages start inside groups (which start at rows 8k) and name the group again.
    const inside = starts.filter((s) => s % 8 !== 0);
    expect(inside.length).toBeGreaterThan(0);
    const sheet = (await loadWorkbook(bytes)).getWorksheet('义务教育')!;
    for (const s of inside)
      expect(sheet.getCell(BODY_TOP + s, col(input.table, 'level1')).value).toBe(`事项${Math.floor(s / 8)}`);
  });
});

describe('Excel for large catalogs', () => {
  it('writes 6,000 rows with their merges in reasonable time', async () => {
    const items = Array.from(
      { length: 600 },
      (_, g) => `  - name: 事项${g}
    code: "${String(g).padStart(4, '0')}"
    items:
${Array.from({ length: 10 }, (_, k) => `      - {name: 子项${k}, content: 内容${g}-${k}}`).join('\n')}`,
    ).join('\n');
    const input = inputFromYaml(catalogYaml(`${items}\n`));
    const started = performance.now();
    const bytes = await renderXlsx([input]);
    expect(performance.now() - started).toBeLessThan(10_000);
    const sheet = (await loadWorkbook(bytes)).getWorksheet('义务教育')!;
    expect(sheet.rowCount).toBe(BODY_TOP - 1 + 6000);
    expect(mergesOf(sheet)).toContain(
      rangeOf(BODY_TOP + 5990, col(input.table, 'level1'), BODY_TOP + 5999, col(input.table, 'level1')),
    );
    expect(sheet.getCell(BODY_TOP + 5990, col(input.table, 'level1')).value).toBe('0599 事项599');
  }, 60_000);
});
