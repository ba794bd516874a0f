import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { shippedDocuments } from '../../src/cli/documents.js';
import { compareInputs } from '../../src/diff/compare-inputs.js';
import { compareTexts, type CatalogText } from '../../src/diff/compare-texts.js';
import { DIFF_FORMATTERS } from '../../src/diff/format/registry.js';
import { DEFAULT_POLICY } from '../../src/diff/policy.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { tempDir } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The shipped catalogs, by file name. */
const SHIPPED = Object.fromEntries(
  readdirSync(join(ROOT, 'catalogs'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => [name, read(`catalogs/${name}`)]),
);
/** The next version of 义务教育 that the golden scenario compares with the shipped one. */
const V2 = read('test/golden/diff/in/v2/yiwu-jiaoyu.yaml');
const FORM = read('catalogs/forms/zhutiri-jiaoyu-2024.yaml');

const texts = (folder: string, files: Record<string, string>): CatalogText[] =>
  Object.entries(files).map(([name, text]) => ({ file: `${folder}/${name}`, text }));

const options = () => resolveValidateOptions({ lang: 'zh', documents: shippedDocuments({}) });

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('compareTexts', () => {
  it('gives the report the file-based diff gives on the shipped catalogs', async () => {
    // The new side: 义务教育 in its next version, 户籍管理 gone, a form among the catalogs (left out).
    const { 'huji-guanli.yaml': _gone, ...kept } = SHIPPED;
    const before = { ...SHIPPED };
    const after = { ...kept, 'yiwu-jiaoyu.yaml': V2, 'zz-form.yaml': FORM };
    const t = tempDir(
      Object.fromEntries(
        [...texts('old', before), ...texts('new', after)].map((f): [string, string] => [f.file, f.text]),
      ),
    );
    cleanup = t.cleanup;
    const fromFiles = await compareInputs('old', 'new', [], {
      cwd: t.dir,
      lang: 'zh',
      options: options(),
      policy: DEFAULT_POLICY,
    });
    const fromTexts = compareTexts(texts('old', before), texts('new', after), {
      options: options(),
      policy: DEFAULT_POLICY,
    });
    expect(fromFiles.ok).toBe(true);
    expect(fromTexts).toEqual(fromFiles);
    if (!fromTexts.ok) return;
    expect(fromTexts.report.pairs.map((p) => [p.before, p.after])).toContainEqual(['old/huji-guanli.yaml', undefined]);
    expect(fromTexts.report.totals.changed).toBeGreaterThan(0);
  });

  it('renders the change report page that `zwgk diff -f html` writes', async () => {
    const compared = compareTexts(
      [{ file: 'catalogs/yiwu-jiaoyu.yaml', text: SHIPPED['yiwu-jiaoyu.yaml']! }],
      [{ file: 'v2/yiwu-jiaoyu.yaml', text: V2 }],
    );
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const ctx = { lang: 'zh', color: false, baseline: false, policy: DEFAULT_POLICY } as const;
    expect(String(await DIFF_FORMATTERS.html(compared.report, ctx))).toBe(
      read('test/golden/diff/expected/files/diff.html'),
    );
    expect(String(await DIFF_FORMATTERS.text(compared.report, ctx))).toContain(
      '[减少公开] 删除 二级事项 政策文件 › 政策解读  catalogs/yiwu-jiaoyu.yaml:36',
    );
  });

  it('stops at errors, each named by the file it is in, with its text kept for the report', () => {
    const broken = SHIPPED['yiwu-jiaoyu.yaml']!.replace(/^domain: .*$/m, 'domain: 7');
    const compared = compareTexts(
      [{ file: 'a/yiwu-jiaoyu.yaml', text: SHIPPED['yiwu-jiaoyu.yaml']! }],
      [{ file: 'b/yiwu-jiaoyu.yaml', text: broken }],
    );
    expect(compared.ok).toBe(false);
    if (compared.ok) return;
    expect(compared.errors.files).toEqual(['a/yiwu-jiaoyu.yaml', 'b/yiwu-jiaoyu.yaml']);
    expect(compared.errors.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(compared.errors.diagnostics.map((d) => d.file))).toEqual(new Set(['b/yiwu-jiaoyu.yaml']));
    expect([...compared.errors.sources.keys()]).toEqual(['b/yiwu-jiaoyu.yaml']);
  });
});
