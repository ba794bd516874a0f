import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { rolldown, type RolldownPlugin } from 'rolldown';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { compareTexts } from '../../src/diff/compare-texts.js';
import type { DIFF_FORMATTERS } from '../../src/diff/format/registry.js';
import type { DEFAULT_POLICY } from '../../src/diff/policy.js';
import type { checkSubmission } from '../../src/forms/check-submission.js';
import type { renderSubmissionXlsx } from '../../src/forms/submission-workbook.js';

// The library's core — checking, fixing and comparing catalog text, building the table, formatting
// findings — builds for a browser: no node: modules, no file system, no process. What touches files or
// the process sits at the edges, in four modules that each build replaces (src/portable/: the shipped
// files embedded, packages bundled, validators precompiled); the command line and the file loops stay out.
const ROOT = join(import.meta.dirname, '../..');

/** What the core offers, by module of src/ and the names it exports. */
const CORE: Record<string, string[]> = {
  'validate/validate-text.ts': ['validateText'],
  'fix/fix-text.ts': ['fixText'],
  'fix/apply-fixes.ts': ['applyFixes', 'applyEdits'],
  'fix/unified-diff.ts': ['unifiedDiff'],
  'diff/diff-catalogs.ts': ['diffCatalogs'],
  'diff/compare-texts.ts': ['compareTexts'],
  'diff/format/registry.ts': ['DIFF_FORMATTERS'],
  'forms/check-submission.ts': ['checkSubmission'],
  'forms/form-fields.ts': ['formFields'],
  'forms/submission-workbook.ts': ['renderSubmissionXlsx'],
  'forms/write-submission.ts': ['draftData', 'submissionYaml'],
  'forms/import/form-from-grids.ts': ['formFromGrids', 'shippedForms'],
  'render/table-model.ts': ['buildTable'],
  'report/registry.ts': ['FORMATTERS'],
  'catalog/resolve.ts': ['resolveCatalog'],
  'catalog/time-limit.ts': ['parseTimeLimit'],
  'catalog/citation.ts': ['parseCitation'],
  'catalog/vocabulary.ts': ['buildVocabulary'],
  'lint/registry.ts': ['RULES'],
  'import/check-tables.ts': ['checkTables'],
  'tables/read-html.ts': ['readHtml'],
  'tables/read-csv.ts': ['readCsv'],
};

/**
 * Bundle `entry` (source text) for the browser, as an ES module or as a script that sets `zwgk` (`iife`);
 * every problem the bundler logs is returned.
 */
async function bundleForBrowser(
  entry: string,
  format: 'esm' | 'iife' = 'esm',
): Promise<{ code: string; problems: string[] }> {
  const { portableBuild } = (await import(join(ROOT, 'rolldown.config.mjs'))) as {
    portableBuild: { plugins: RolldownPlugin[] };
  };
  const problems: string[] = [];
  const virtual: RolldownPlugin = {
    name: 'core-entry',
    resolveId: (id) => (id === 'zwgk-core' ? '\0zwgk-core' : null),
    load: (id) => (id === '\0zwgk-core' ? entry : null),
  };
  const bundle = await rolldown({
    input: 'zwgk-core',
    platform: 'browser',
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
    plugins: [virtual, ...portableBuild.plugins],
    onLog: (level, log) => {
      if (level === 'warn') problems.push(`${log.code ?? ''}: ${log.message.split('\n')[0] ?? ''}`);
    },
  });
  const { output } = await bundle.generate({ format, name: 'zwgk', codeSplitting: false, minify: true });
  await bundle.close();
  return { code: output[0].code, problems };
}

const entryOf = (modules: Record<string, string[]>) =>
  Object.entries(modules)
    .map(([module, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(join(ROOT, 'src', module))};`)
    .join('\n');

describe('the core of the library', () => {
  it('builds for the browser with no node: module, file system or process', async () => {
    const { code, problems } = await bundleForBrowser(entryOf(CORE));
    expect(problems).toEqual([]);
    expect(code.match(/["'`]node:[a-z/_]+["'`]/g) ?? []).toEqual([]);
    expect(
      code.match(/\b(process\.(argv|env|exit|cwd|stdout|stderr|platform)|Buffer\.(from|alloc|concat))\b/g) ?? [],
    ).toEqual([]);
  }, 60_000);

  it('is told apart from what is not core (the check is not blind)', async () => {
    const { problems } = await bundleForBrowser(entryOf({ 'load/read-source.ts': ['readSource'] }));
    expect(problems.join('\n')).toMatch(/node:fs/);
  }, 60_000);
});

/** What a page's script sees of the core, once loaded. */
interface PageCore {
  compareTexts: typeof compareTexts;
  DIFF_FORMATTERS: typeof DIFF_FORMATTERS;
  DEFAULT_POLICY: typeof DEFAULT_POLICY;
  checkSubmission: typeof checkSubmission;
  renderSubmissionXlsx: typeof renderSubmissionXlsx;
}

describe('the core in a page', () => {
  it('runs with the globals of a page only, giving what the command line gives', async () => {
    const { code } = await bundleForBrowser(
      entryOf({
        'diff/compare-texts.ts': ['compareTexts'],
        'diff/format/registry.ts': ['DIFF_FORMATTERS'],
        'diff/policy.ts': ['DEFAULT_POLICY'],
        'forms/check-submission.ts': ['checkSubmission'],
        'forms/submission-workbook.ts': ['renderSubmissionXlsx'],
      }),
      'iife',
    );
    // A page's globals, and none of Node's (process, Buffer, require).
    const page: Record<string, unknown> = {
      console,
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      URL,
    };
    page.self = page.window = page.globalThis = page;
    runInContext(code, createContext(page));
    const core = page.zwgk as PageCore;
    const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

    const compared = core.compareTexts(
      [{ file: 'catalogs/yiwu-jiaoyu.yaml', text: read('catalogs/yiwu-jiaoyu.yaml') }],
      [{ file: 'v2/yiwu-jiaoyu.yaml', text: read('test/golden/diff/in/v2/yiwu-jiaoyu.yaml') }],
    );
    if (!compared.ok) throw new Error(compared.errors.diagnostics[0]?.message);
    const ctx = { lang: 'zh', color: false, baseline: false, policy: core.DEFAULT_POLICY } as const;
    expect(await core.DIFF_FORMATTERS.html(compared.report, ctx)).toBe(
      read('test/golden/diff/expected/files/diff.html'),
    );

    const form: unknown = parse(read('catalogs/forms/zhutiri-jiaoyu-2024.yaml'));
    expect(core.checkSubmission({ ...(form as object), phone: '12' }).diagnostics.map((d) => d.code)).toEqual([
      'form-phone',
    ]);
    const made = await core.renderSubmissionXlsx(form);
    if (!made.ok) throw new Error(made.diagnostics[0]?.message);
    const golden = readFileSync(join(ROOT, 'test/golden/form-render/expected/files/zhutiri.xlsx'));
    expect(Buffer.from(made.xlsx).equals(golden)).toBe(true);
  }, 60_000);
});
