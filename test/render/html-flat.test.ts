import { describe, expect, it } from 'vitest';
import { markedHtml } from '../../src/render/html/marks.js';
import { readHtml } from '../../src/tables/read-html.js';
import { hostileInput, renderSinglePage } from '../_helpers/html-fixtures.js';
import { shippedInputs } from '../_helpers/tables.js';

const inputs = shippedInputs();
const html = await renderSinglePage(inputs);

/** The flat copy of catalog `n` (1-based): from its opening tag to its end. */
function flatOf(page: string, n: number): string {
  const section = page.indexOf(`<section class="catalog" id="catalog-${n}"`);
  const start = page.indexOf('<table class="catalog-table flat-table"', section);
  expect(start).toBeGreaterThan(section);
  return page.slice(start, page.indexOf('</table>', start));
}

const flatRows = (flat: string) =>
  [...flat.slice(flat.indexOf('<tbody>')).matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]);

describe('the flat copy of each table (print and phone cards)', () => {
  it('is hidden, so that the screen shows the merged table and the importer reads each row once', () => {
    inputs.forEach((_, i) =>
      expect(flatOf(html, i + 1)).toMatch(/^<table class="catalog-table flat-table" data-flat hidden /),
    );
    const grids = readHtml(html, 'c.html').grids;
    expect(grids).toHaveLength(inputs.length);
    inputs.forEach((input, i) => expect(grids[i]!.rows.length).toBe(input.table.rows.length + 2));
  });

  it('repeats every merged value on each of its rows: each row names its 一级事项', () => {
    inputs.forEach((input, i) => {
      const rows = flatRows(flatOf(html, i + 1));
      expect(rows).toHaveLength(input.table.rows.length);
      const level1 = input.table.columns.findIndex((c) => c.id === 'level1');
      rows.forEach((tr, r) => {
        expect(tr).not.toContain('rowspan');
        const name = input.table.rows[r]!.cells[level1]!.text;
        expect(tr).toContain(
          `<td class="item level1"><span class="k">一级事项</span><span class="v">${name}</span></td>`,
        );
      });
    });
  });

  it('gives a card the channels as a list and the ticks in words', async () => {
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    const first = flatRows(flatOf(html, yiwu + 1))[0]!;
    const item = inputs[yiwu]!.table.rows[0]!.item.fields;
    expect(first).toContain(
      `<ul class="v-list">${item.channels
        .filter((c) => c !== '其他')
        .map((c) => `<li>${c}</li>`)
        .join('')}`,
    );
    expect(first).toContain(`<span class="fact"><span class="k">公开方式</span>${item.method.join('、')}</span>`);
    const hostile = await renderSinglePage([hostileInput()]);
    expect(flatOf(hostile, 1)).toMatch(/<span class="k">公开对象<\/span>[^<]*特定群体（申请人&lt;b&gt;）/);
  });
});

describe('words for screen readers', () => {
  it('names √ 是, ■ 已选, □ 未选 and an empty tick 否, keeping the glyphs as the text', () => {
    expect(markedHtml('√', 'tick')).toBe('<span role="img" aria-label="是">√</span>');
    expect(markedHtml('', 'tick')).toBe('<span role="img" aria-label="否"></span>');
    expect(markedHtml('', 'glyphs')).toBe('');
    expect(markedHtml('■网站 □公报\n□其他', 'glyphs')).toBe(
      '<span role="img" aria-label="已选">■</span>网站 <span role="img" aria-label="未选">□</span>公报<br>' +
        '<span role="img" aria-label="未选">□</span>其他',
    );
  });

  it('marks the glyphs of the tick and channel columns only', () => {
    expect(html).toContain('<td class="tick"><span role="img" aria-label="是">√</span></td>');
    expect(html).toContain('<td class="tick"><span role="img" aria-label="否"></span></td>');
    expect(html).toMatch(/<td (rowspan="\d+" )?class="text channels"><span role="img" aria-label="已选">■<\/span>/);
  });
});
