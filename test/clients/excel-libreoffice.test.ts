import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../_helpers/excel.js';
import { convertToPdf, run } from '../_helpers/office.js';
import { shippedInputs } from '../_helpers/tables.js';

const inputs = shippedInputs();
// Kept after the run (in the system's temp folder) so the pages can be looked at.
const dir = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-xlsx-'));
const xlsx = join(dir, 'catalogs.xlsx');
const pdf = join(dir, 'catalogs.pdf');

const pageText = (page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);

/** A one-page PDF with nothing on it, of the given size in points: the “blank page” to compare with. */
function blankPdf(file: string, width: number, height: number): void {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(file, body, 'latin1');
}

/** Page `page` of a PDF as a PNG at 60 dpi; returns the PNG's size in bytes. */
function pngSize(file: string, page: number, prefix: string): number {
  run('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, prefix)]);
  return statSync(join(dir, `${prefix}.png`)).size;
}

beforeAll(async () => {
  writeFileSync(xlsx, await renderXlsx(inputs));
  convertToPdf(xlsx, dir);
});

describe('Excel workbook in LibreOffice', () => {
  it('converts to a PDF with a page for the summary and at least one per catalog', () => {
    expect(existsSync(pdf)).toBe(true);
    const info = run('pdfinfo', [pdf]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(1 + inputs.length);
    // A4 landscape: the summary (with a column per channel used) and the catalogs.
    expect(info).toMatch(/Page size:\s+841(\.\d+)? x 595(\.\d+)? pts \(A4\)/);
    const catalogPage = run('pdfinfo', ['-f', '2', '-l', '2', pdf]);
    expect(catalogPage).toMatch(/Page\s+2 size:\s+841(\.\d+)? x 595(\.\d+)? pts/);
  });

  it('prints the summary and each catalog with its title, its header and Chinese text', () => {
    const summary = pageText(1);
    expect(summary).toContain('基层政务公开标准目录汇总表');
    expect(summary).toContain('合计');
    for (const label of ['公开方式', '主动', '依申请', '公开渠道（事项数）', '政府网站', '精准推送'])
      expect(summary).toContain(label);
    // The total row: 42 一级事项, 128 二级事项, 125 主动, 3 依申请, 113 on the website, as zwgk stats counts them.
    expect(summary.replace(/\s+/g, ' ')).toMatch(/合计 42 128 125 3 113 90 /);
    const first = pageText(2);
    expect(first).toContain(inputs[0]!.table.title);
    for (const label of ['公开事项', '一级事项', '二级事项', '公开渠道和载体', '全社会', '特定群体', '依申请', '乡级'])
      expect(first).toContain(label);
    expect(first).toContain(inputs[0]!.table.rows[0]!.item.name);
    const all = run('pdftotext', [pdf, '-']);
    for (const { table } of inputs) expect(all).toContain(table.title);
  });

  it('repeats the header rows on later pages of a catalog and numbers the pages', () => {
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))![1]);
    expect(pageText(1)).toMatch(new RegExp(`第 1 页，共 ${pages} 页`));
    // The first catalog runs over several pages; its later pages start with the header but not the title.
    const third = pageText(3);
    expect(third).toContain('公开事项');
    expect(third).toContain('公开渠道和载体');
    expect(third).not.toContain(inputs[0]!.table.title);
    expect(third).toContain('第 3 页');
  });

  it('draws pages that are far from blank', () => {
    blankPdf(join(dir, 'blank-portrait.pdf'), 595, 842);
    blankPdf(join(dir, 'blank-landscape.pdf'), 842, 595);
    expect(pngSize(pdf, 1, 'page-1')).toBeGreaterThan(
      5 * pngSize(join(dir, 'blank-portrait.pdf'), 1, 'blank-portrait'),
    );
    expect(pngSize(pdf, 2, 'page-2')).toBeGreaterThan(
      10 * pngSize(join(dir, 'blank-landscape.pdf'), 1, 'blank-landscape'),
    );
  });
});
