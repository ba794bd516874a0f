import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { resolveCatalog } from '../../catalog/resolve.js';
import { resolveRunSettings, type CommonFlags } from '../../config/resolve-options.js';
import { addLines, buildDiffReport, failsOn, filesWithChanges, type DiffSide } from '../../diff/report.js';
import { DIFF_FORMATTERS, type DiffFormatName } from '../../diff/format/registry.js';
import { locate } from '../../load/locate.js';
import { parseWithPositions, type PositionedDocument } from '../../load/parse-positions.js';
import { stylish } from '../../report/stylish.js';
import { expandInputs } from '../../validate/expand-inputs.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { EXIT } from '../exit.js';
import { useColor, writeOutput } from '../io.js';

/** Flags of `zwgk diff`. */
export interface DiffFlags extends CommonFlags {
  format: DiffFormatName;
  failOn: 'reduces' | 'any' | 'none';
  baseline?: boolean;
  output?: string;
  color?: boolean;
}

/** `zwgk diff <old> <new>`: compare two files or two directories of catalogs, item by item. */
export async function runDiff(oldInput: string, newInput: string, flags: DiffFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd);
  const { lang, options } = settings;
  const show = (report: ValidationReport) => process.stderr.write(stylish(report, { lang, color: useColor(flags.color, false) && Boolean(process.stderr.isTTY), sources: new Map() }));
  if (settings.diagnostics.length > 0) {
    show({ files: [], diagnostics: settings.diagnostics, errorCount: settings.diagnostics.length, warningCount: 0, fatal: true });
    return EXIT.fatal;
  }

  const load = async (input: string): Promise<DiffSide[] | undefined> => {
    const expanded = await expandInputs([input], { cwd, lang });
    const data = new Map<string, unknown>();
    const report = await validateFiles(expanded.files, options, cwd, expanded.missing, (file, value) => data.set(file, value));
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (report.fatal || errors.length > 0) {
      show({ ...report, diagnostics: errors, warningCount: 0 });
      return undefined;
    }
    return report.files.map((file) => ({ file, catalog: resolveCatalog(data.get(file), options.levelColumns) }));
  };
  const before = await load(oldInput);
  const after = await load(newInput);
  if (!before || !after) {
    process.stderr.write(lang === 'zh' ? '无法比较：上面的文件有错误。\n' : 'Cannot compare: the files above have errors.\n');
    return EXIT.fatal;
  }
  let report = buildDiffReport(pairByDomain(before, after));
  const docs = new Map<string, PositionedDocument>();
  for (const file of filesWithChanges(report)) docs.set(file, parseWithPositions(await readFile(resolve(cwd, file), 'utf8')));
  report = addLines(report, (file, path) => {
    const doc = docs.get(file);
    return doc ? locate(doc, path).start.line : undefined;
  });
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));
  await writeOutput(DIFF_FORMATTERS[flags.format](report, { lang, color, baseline: Boolean(flags.baseline) }), flags.output, lang);
  return failsOn(report, flags.failOn) ? EXIT.findings : EXIT.ok;
}

/** Pair catalogs by domain and unit, then by domain alone; the rest stand alone. */
function pairByDomain(before: DiffSide[], after: DiffSide[]): { before?: DiffSide; after?: DiffSide }[] {
  const domain = (s: DiffSide) => String(s.catalog.catalog.domain ?? '');
  const unit = (s: DiffSide) => String(s.catalog.catalog.unit ?? '');
  const left = new Set(before);
  const pairs: { before?: DiffSide; after?: DiffSide }[] = [];
  const take = (same: (b: DiffSide) => boolean) => {
    const b = [...left].find(same);
    if (b) left.delete(b);
    return b;
  };
  const rest: DiffSide[] = [];
  for (const a of after) {
    const b = take((b) => domain(b) === domain(a) && unit(b) === unit(a));
    if (b) pairs.push({ before: b, after: a });
    else rest.push(a);
  }
  for (const a of rest) {
    const b = take((b) => domain(b) === domain(a));
    pairs.push({ ...(b ? { before: b } : {}), after: a });
  }
  for (const b of left) pairs.push({ before: b });
  return pairs;
}
