import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formDocuments } from '../../src/forms/document-kind.js';
import { compareInputs } from '../../src/diff/compare-inputs.js';
import { DIFF_FORMATTERS } from '../../src/diff/format/registry.js';
import { classPolicy } from '../../src/diff/policy.js';
import { CATALOG_TABLES } from '../../src/import/table-kind.js';
import type { Lang } from '../../src/i18n.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { checkFileBytes, defaultOptions } from '../../src/workbench/check-file.js';
import { changeReportName, compareFiles } from '../../src/workbench/compare-files.js';
import { brokenCatalog, editedCatalog, SHIPPED_CATALOG } from '../_helpers/edited-catalog.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

// The workbench compares two versions' bytes as `zwgk diff old new` compares the files: the same report,
// in the same words, or the same errors.
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-compare-'));
const encode = (text: string) => new TextEncoder().encode(text);

/** What `zwgk diff old new` gives on the files (written into `dir` first), as the command's library gives it. */
async function diffOf(old: string, next: string, lang: Lang) {
  const options = resolveValidateOptions({ lang, documents: [formDocuments(undefined)], tables: CATALOG_TABLES });
  const policy = classPolicy();
  return compareInputs(old, next, [], { cwd: dir, lang, options, policy });
}

describe('comparing two versions in the workbench', () => {
  it.each(['zh', 'en'] as const)('gives the report zwgk diff gives, in %s', async (lang) => {
    writeFileSync(join(dir, 'old.yaml'), SHIPPED_CATALOG);
    writeFileSync(join(dir, 'new.yaml'), editedCatalog());
    const expected = await diffOf('old.yaml', 'new.yaml', lang);
    if (!expected.ok) throw new Error('the edited catalog has errors');
    const ctx = { lang, color: false, baseline: false, policy: classPolicy() };
    const compared = await compareFiles(
      [{ name: 'old.yaml', bytes: encode(SHIPPED_CATALOG) }],
      [{ name: 'new.yaml', bytes: encode(editedCatalog()) }],
      lang,
    );
    if (!compared.ok) throw new Error(compared.text);
    expect(compared.html).toBe(await DIFF_FORMATTERS.html(expected.report, ctx));
    expect(compared.xlsx).toEqual(await DIFF_FORMATTERS.xlsx(expected.report, ctx));
    expect(compared.summary).toBe(
      lang === 'zh'
        ? '新增0个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改1个事项'
        : '0 level-1 and 1 level-2 items added, 0 and 1 removed, 1 items changed',
    );
    expect(compared.changes).toBeGreaterThanOrEqual(3);
  });

  it('compares a table with its catalog edited, each item of the table placed on its cell', async () => {
    const sample = loadCatalogSamples()[0]!;
    const bytes = await sampleXlsx(sample);
    const imported = (await checkFileBytes('table.xlsx', bytes, defaultOptions('zh'))).catalogs[0]!.text;
    // The last item renamed, as a clerk would in the YAML catalog imported from the table.
    const at = imported.lastIndexOf('- name: ');
    const edited = `${imported.slice(0, at)}- name: 改过的名称\n${imported.slice(imported.indexOf('\n', at) + 1)}`;
    writeFileSync(join(dir, 'table.xlsx'), bytes);
    writeFileSync(join(dir, 'table.yaml'), edited);
    const expected = await diffOf('table.xlsx', 'table.yaml', 'zh');
    if (!expected.ok) throw new Error('the table has errors');
    const compared = await compareFiles(
      [{ name: 'table.xlsx', bytes }],
      [{ name: 'table.yaml', bytes: encode(edited) }],
      'zh',
    );
    if (!compared.ok) throw new Error(compared.text);
    const ctx = { lang: 'zh' as const, color: false, baseline: false, policy: classPolicy() };
    expect(compared.html).toBe(await DIFF_FORMATTERS.html(expected.report, ctx));
    expect(compared.changes).toBeGreaterThan(0);
    expect(compared.html).toMatch(/table\.xlsx[^<]*!/);
  });

  it('stops at a catalog with an error and says where it is', async () => {
    const broken = brokenCatalog();
    writeFileSync(join(dir, 'broken.yaml'), broken.text);
    const expected = await diffOf('old.yaml', 'broken.yaml', 'zh');
    const compared = await compareFiles(
      [{ name: 'old.yaml', bytes: encode(SHIPPED_CATALOG) }],
      [{ name: 'broken.yaml', bytes: encode(broken.text) }],
      'zh',
    );
    if (compared.ok || expected.ok) throw new Error('compared a catalog with an error');
    expect(compared.errors).toEqual(expected.errors.diagnostics);
    expect(compared.errors.some((d) => d.range?.start.line === broken.line)).toBe(true);
    expect(compared.text).toContain(`broken.yaml\n`);
    expect(compared.text).toContain(`${broken.line}:`);
    expect(compared.text.trimEnd().split('\n').at(-1)).toBe('无法比较：上面的文件有错误。');
  });

  it('names the report after the new version', () => {
    expect(changeReportName([{ name: 'yiwu-jiaoyu.yaml' }], 'zh', 'html')).toBe('yiwu-jiaoyu-变更报告.html');
    expect(changeReportName([{ name: 'a.xlsx' }, { name: 'b.yaml' }], 'en', 'xlsx')).toBe('a-changes.xlsx');
  });
});
