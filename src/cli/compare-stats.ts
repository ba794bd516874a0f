import { resolve } from 'node:path';
import { resolveCatalog } from '../catalog/resolve.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import type { CompareRun } from '../diff/compare-inputs.js';
import type { DiffReport } from '../diff/report.js';
import { isFormKind } from '../forms/document-kind.js';
import { declaredKind } from '../load/load-source.js';
import type { ValidationReport } from '../report/types.js';
import { againstStats, catalogStats } from '../stats/compute-stats.js';
import type { AgainstStats, CatalogStats } from '../stats/types.js';
import { optionsFor } from '../validate/options.js';

/** Two versions compared, with what each side holds counted: for `zwgk stats --against` and `validate --diff-base`. */
export type ComparedStats =
  | { ok: true; report: DiffReport; against: AgainstStats; after: CatalogStats[] }
  | { ok: false; errors: ValidationReport };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compare `inputs` with `baseline` as `zwgk diff` does — a git revision with each input (`paths` its own),
 * a folder or file (`onDisk`) with the one input — counting each side's catalogs as the comparison reads them.
 * Stops at the first comparison that finds errors.
 */
export async function compareStats(
  baseline: string,
  inputs: readonly string[],
  onDisk: boolean,
  run: Omit<CompareRun, 'onData'>,
): Promise<ComparedStats> {
  const [{ compareInputs }, { mergeReports }] = await Promise.all([
    import('../diff/compare-inputs.js'),
    import('../diff/report.js'),
  ]);
  const seen = new Map<string, CatalogStats>();
  const onData = (file: string, data: unknown, _: unknown, resolved?: ResolvedCatalog) => {
    if (!isObject(data) || isFormKind(declaredKind(data))) return;
    const levels = optionsFor(run.options, resolve(run.cwd, file)).levelColumns;
    seen.set(file, catalogStats({ file, catalog: resolved ?? resolveCatalog(data, levels) }));
  };
  const reports: DiffReport[] = [];
  for (const input of onDisk ? inputs.slice(0, 1) : inputs) {
    const compared = await compareInputs(baseline, input, onDisk ? [] : [input], { ...run, onData });
    if (!compared.ok) return { ok: false, errors: compared.errors };
    reports.push(compared.report);
  }
  const report = mergeReports(reports);
  const side = (name: 'before' | 'after') =>
    report.pairs.flatMap((p) => (p[name] !== undefined && seen.has(p[name]) ? [seen.get(p[name])!] : []));
  const after = side('after');
  return { ok: true, report, against: againstStats(baseline, side('before'), after, report.pairs), after };
}
