import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareDiagnostics, type DataPath, type Diagnostic } from '../../diagnostics.js';
import { resolveCatalog } from '../../catalog/resolve.js';
import { configReport, resolveRunSettings, type CommonFlags } from '../../config/resolve-options.js';
import { addLines, buildDiffReport, failsOn, filesWithChanges, type DiffSide } from '../../diff/report.js';
import { BINARY_DIFF_FORMATS, DIFF_FORMATTERS, type DiffFormatName } from '../../diff/format/registry.js';
import { classPolicy, type FailOn } from '../../diff/policy.js';
import { UsageError } from '../../errors.js';
import { locate } from '../../load/locate.js';
import { parseWithPositions, type PositionedDocument } from '../../load/parse-positions.js';
import { stylish } from '../../report/stylish.js';
import { expandInputs } from '../../validate/expand-inputs.js';
import type { ValidationReport } from '../../validate/validate-files.js';
import { validateText } from '../../validate/validate-text.js';
import { readSource } from '../../load/read-source.js';
import { isRevision, readRevision, type TextSource } from '../../diff/git-source.js';
import { EXIT } from '../exit.js';
import { useColor, writeOutput } from '../io.js';

/** Flags of `zwgk diff`. */
export interface DiffFlags extends CommonFlags {
  format: DiffFormatName;
  failOn?: FailOn;
  baseline?: boolean;
  output?: string;
  color?: boolean;
}

/** `zwgk diff <old> <new>`: compare two files or two directories of catalogs, item by item. */
export async function runDiff(oldInput: string, newInput: string, paths: readonly string[], flags: DiffFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd);
  const { lang, options } = settings;
  if (BINARY_DIFF_FORMATS.includes(flags.format) && (!flags.output || flags.output === '-') && process.stdout.isTTY) {
    throw new UsageError(lang === 'zh' ? `${flags.format} 格式要写入文件：加上 -o 报告.${flags.format}` : `The ${flags.format} format is written to a file: add -o report.${flags.format}`);
  }
  const show = (report: ValidationReport) => process.stderr.write(stylish(report, { lang, color: useColor(flags.color, false) && Boolean(process.stderr.isTTY), sources: report.sources }));
  if (settings.diagnostics.length > 0) {
    show(configReport(settings));
    return EXIT.fatal;
  }

  const texts = new Map<string, string>();
  /** Per file: its data and the line of each of its mappings, as the fast parse recorded them. */
  const located = new Map<string, { data: unknown; lines: WeakMap<object, number> }>();
  /** Read one side: a file or directory in the working tree, or a git revision. */
  const sources = async (input: string): Promise<{ sources: TextSource[]; problems: Diagnostic[] }> => {
    if (!existsSync(resolve(cwd, input)) && (input.includes(':') || isRevision(input, cwd))) {
      return { sources: readRevision(input, paths, cwd, lang), problems: [] };
    }
    const expanded = await expandInputs([input], { cwd, lang });
    const problems = [...expanded.missing];
    const out: TextSource[] = [];
    for (const file of expanded.files) {
      const source = await readSource(resolve(cwd, file), lang);
      if (source.ok) out.push({ file, text: source.text });
      else problems.push({ ...source.diagnostic, file });
    }
    return { sources: out, problems };
  };
  const load = async (input: string): Promise<DiffSide[] | undefined> => {
    const { sources: read, problems } = await sources(input);
    const errors = [...problems];
    const sides: DiffSide[] = [];
    for (const { file, text } of read) {
      const result = validateText(file, text, options, { lines: true });
      errors.push(...result.diagnostics.filter((d) => d.severity === 'error'));
      texts.set(file, text);
      if (result.lines) located.set(file, { data: result.data, lines: result.lines });
      sides.push({ file, catalog: result.catalog ?? resolveCatalog(result.data, options.levelColumns) });
    }
    if (errors.length > 0) {
      show({ files: read.map((r) => r.file), diagnostics: errors.sort(compareDiagnostics), errorCount: errors.length, warningCount: 0, fatal: true, sources: texts });
      return undefined;
    }
    return sides;
  };
  const before = await load(oldInput);
  const after = await load(newInput);
  if (!before || !after) {
    process.stderr.write(lang === 'zh' ? '无法比较：上面的文件有错误。\n' : 'Cannot compare: the files above have errors.\n');
    return EXIT.fatal;
  }
  const policy = classPolicy(settings.config.diff?.classes);
  const failOn = flags.failOn ?? settings.config.diff?.failOn ?? 'none';
  let report = buildDiffReport(pairByDomain(before, after), policy);
  // Lines come from the parse already done; only a file read the slow way (lone CR line ends) is parsed again.
  const docs = new Map<string, PositionedDocument>();
  for (const file of filesWithChanges(report)) if (!located.has(file)) docs.set(file, parseWithPositions(texts.get(file)!));
  report = addLines(report, (file, path) => {
    const known = located.get(file);
    if (known) {
      const item = valueAt(known.data, path);
      return item !== null && typeof item === 'object' ? known.lines.get(item) : undefined;
    }
    const doc = docs.get(file);
    return doc ? locate(doc, [...path, 'name']).start.line : undefined;
  });
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));
  await writeOutput(await DIFF_FORMATTERS[flags.format](report, { lang, color, baseline: Boolean(flags.baseline), policy }), flags.output, lang);
  return failsOn(report, failOn, policy) ? EXIT.findings : EXIT.ok;
}

/** The value at a path in parsed data. */
function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
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
