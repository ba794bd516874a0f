import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveCatalog } from '../catalog/resolve.js';
import { compareDiagnostics, type DataPath, type Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { locate } from '../load/locate.js';
import { parseWithPositions, type PositionedDocument } from '../load/parse-positions.js';
import { readSource } from '../load/read-source.js';
import { expandInputs } from '../validate/expand-inputs.js';
import { optionsFor, type ValidateOptions } from '../validate/options.js';
import type { ValidationReport } from '../validate/validate-files.js';
import { isFormText } from '../validate/form-dispatch.js';
import { validateText } from '../validate/validate-text.js';
import { isRevision, readRevision, type TextSource } from './git-source.js';
import type { ClassPolicy } from './policy.js';
import { addLines, buildDiffReport, filesWithChanges, type DiffReport, type DiffSide } from './report.js';

/** What comparing two inputs gives: the report, or the errors that stop the comparison. */
export type Comparison = { ok: true; report: DiffReport } | { ok: false; errors: ValidationReport };

/** The value at a path in parsed data. */
function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** Pair catalogs by domain and unit, then by domain alone; the rest stand alone. */
export function pairByDomain(before: DiffSide[], after: DiffSide[]): { before?: DiffSide; after?: DiffSide }[] {
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

/**
 * Compare two versions given as the user names them — files, directories, or git revisions (`HEAD~1` with
 * `paths`, or `rev:path`) — item by item. Both sides are validated first; errors stop the comparison.
 * Each change gets the line of its item on each side, taken from the parse already done.
 */
export async function compareInputs(
  oldInput: string,
  newInput: string,
  paths: readonly string[],
  run: { cwd: string; lang: Lang; options: ValidateOptions; policy: ClassPolicy },
): Promise<Comparison> {
  const { cwd, lang, options } = run;
  const texts = new Map<string, string>();
  /** Per file: its data and the line of each of its mappings, as the fast parse recorded them. */
  const located = new Map<string, { data: unknown; lines: WeakMap<object, number> }>();
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
  const files: string[] = [];
  const errors: Diagnostic[] = [];
  const load = async (input: string): Promise<DiffSide[]> => {
    const { sources: read, problems } = await sources(input);
    errors.push(...problems);
    const sides: DiffSide[] = [];
    for (const { file, text } of read) {
      if (isFormText(text)) continue; // application forms are not catalogs
      files.push(file);
      // A revision's file (`HEAD~1:catalogs/a.yaml`) takes the overrides of its path in the working tree.
      const own = optionsFor(options, resolve(cwd, existsSync(resolve(cwd, file)) ? file : file.slice(file.indexOf(':') + 1)));
      const result = validateText(file, text, own, { lines: true });
      errors.push(...result.diagnostics.filter((d) => d.severity === 'error'));
      texts.set(file, text);
      if (result.lines) located.set(file, { data: result.data, lines: result.lines });
      sides.push({ file, catalog: result.catalog ?? resolveCatalog(result.data, own.levelColumns) });
    }
    return sides;
  };
  const before = await load(oldInput);
  const after = await load(newInput);
  if (errors.length > 0) {
    return { ok: false, errors: { files, diagnostics: errors.sort(compareDiagnostics), errorCount: errors.length, warningCount: 0, fatal: true, sources: texts } };
  }
  const report = buildDiffReport(pairByDomain(before, after), run.policy);
  // Lines come from the parse already done; only a file read the slow way (lone CR line ends) is parsed again.
  const docs = new Map<string, PositionedDocument>();
  for (const file of filesWithChanges(report)) if (!located.has(file)) docs.set(file, parseWithPositions(texts.get(file)!));
  return {
    ok: true,
    report: addLines(report, (file, path) => {
      const known = located.get(file);
      if (known) {
        const item = valueAt(known.data, path);
        return item !== null && typeof item === 'object' ? known.lines.get(item) : undefined;
      }
      const doc = docs.get(file);
      return doc ? locate(doc, [...path, 'name']).start.line : undefined;
    }),
  };
}
