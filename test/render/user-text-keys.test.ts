import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../src/schema/catalog-schema.js';
import { schemaAt } from '../../src/schema/schema-walk.js';
import { renderExcel } from '../../src/render/excel.js';
import { renderHtml } from '../../src/render/html.js';
import { check, codes } from '../_helpers/check.js';
import { cellText, loadWorkbook } from '../_helpers/excel.js';
import { htmlOptions } from '../_helpers/html-fixtures.js';
import { inputFromYaml } from '../_helpers/tables.js';

/** Names an object inherits: as user text they must stay the user's text. */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

/** A shipped catalog with extra columns named after them; the first item gives each a value, `__proto__` included. */
function catalogWithInheritedNames(): string {
  const text = readFileSync(join(import.meta.dirname, '../../catalogs/huji-guanli.yaml'), 'utf8');
  const values = NAMES.map((n, i) => `${n}: 值${i}`).join(', ');
  return text
    .replace('level_columns: [县级, 乡级]', `level_columns: [县级, 乡级]\nextra_columns: [${NAMES.join(', ')}]`)
    .replace('  - name: 政策文件\n', `  - name: 政策文件\n    extra: {${values}}\n`);
}

describe('user text as a key', () => {
  it('extra columns named like inherited properties are checked clean and keep their values', () => {
    const text = catalogWithInheritedNames();
    expect(codes(check(text))).toEqual([]);
    const input = inputFromYaml(text);
    const extraColumns = input.table.columns.filter((c) => c.id.startsWith('extra:'));
    expect(extraColumns.map((c) => c.label)).toEqual(NAMES);
    const texts = input.table.rows.map((row) =>
      input.table.columns
        .map((c, i) => (c.id.startsWith('extra:') ? row.cells[i]!.text : undefined))
        .filter((t) => t !== undefined),
    );
    expect(texts[0]).toEqual(NAMES.map((_, i) => `值${i}`));
    // Rows under another 一级事项 have none of them.
    expect(texts.at(-1)).toEqual(NAMES.map(() => ''));
  });

  it('renders them to a workbook and a page as written, with nothing of the runtime showing', async () => {
    const input = inputFromYaml(catalogWithInheritedNames());
    const page = String((await renderHtml([input], htmlOptions()))[0]!.content);
    for (let i = 0; i < NAMES.length; i++) expect(page).toContain(`值${i}`);
    expect(page).not.toContain('native code');
    const [file] = await renderExcel([input], { channels: 'checklist', layout: 'single' });
    const workbook = await loadWorkbook(file!.content as Uint8Array);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cellText(cell.value)))));
    for (let i = 0; i < NAMES.length; i++) expect(cells).toContain(`值${i}`);
    expect(cells.join('\n')).not.toContain('native code');
  });

  it('a property path through such a name finds no schema of the runtime', () => {
    const schema = catalogSchema().schema as never;
    for (const name of NAMES) expect(schemaAt(schema, ['items', 0, name])).toBeUndefined();
  });
});
