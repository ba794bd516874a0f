import { join } from 'node:path';
import { rolldown, type RolldownPlugin } from 'rolldown';
import { describe, expect, it } from 'vitest';

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

/** Bundle `entry` (source text) for the browser; every problem the bundler logs is returned. */
async function bundleForBrowser(entry: string): Promise<{ code: string; problems: string[] }> {
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
  const { output } = await bundle.generate({ format: 'esm', codeSplitting: false, minify: true });
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
