import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { buildReport } from '../report/build-report.js';
import { loadFile } from '../load/load-file.js';
import type { ValidationReport } from '../validate/validate-files.js';
import { isFormKind } from './document-kind.js';
import { validateLoadedSubmission, type SubmissionOptions, type SubmissionResult } from './validate-submission.js';
import { appendAll } from '../util/append.js';
import { isTableFile } from '../tables/table-files.js';
import { checkFormTable } from './check-form-table.js';

/** A submission file that was read and checked. */
export interface CheckedSubmission {
  file: string;
  text: string;
  result: SubmissionResult;
}

/** The outcome of checking submission files. */
export interface SubmissionRun {
  report: ValidationReport;
  checked: CheckedSubmission[];
  /** Files found in a directory that are not submissions (catalogs): left alone. */
  skipped: string[];
}

/**
 * Read and check submission files. A file that is not a submission (a catalog, say) is checked as a
 * submission when it is in `named` (the user named it), and otherwise skipped, so that a directory
 * holding catalogs and forms can be checked as a whole. `cwd` resolves relative names.
 */
export async function checkSubmissionFiles(
  files: readonly string[],
  options: SubmissionOptions,
  cwd: string,
  named: ReadonlySet<string> = new Set(files),
  preset: readonly Diagnostic[] = [],
  templatesDir?: string,
): Promise<SubmissionRun> {
  const diagnostics: Diagnostic[] = [...preset];
  const sources = new Map<string, string>();
  const checked: CheckedSubmission[] = [];
  const skipped: string[] = [];
  const reads = files.map((file) =>
    isTableFile(file) ? undefined : loadFile(resolve(cwd, file), { file, lang: options.lang }),
  );
  for (const [i, file] of files.entries()) {
    if (isTableFile(file)) {
      // A form filled in a workbook, page or CSV file is checked where it lives; a table found in a folder
      // that holds no form (a catalog's table) is left alone, as a catalog is, and one that cannot be read is said.
      const table = await checkFormTable(resolve(cwd, file), file, options, templatesDir);
      if (table.noForm && !named.has(file)) {
        skipped.push(file);
        continue;
      }
      appendAll(diagnostics, table.diagnostics);
      if (table.result) checked.push({ file, text: '', result: table.result });
      continue;
    }
    const loaded = await reads[i]!;
    if (!loaded.ok) {
      diagnostics.push(loaded.diagnostic);
      continue;
    }
    const source = loaded.source;
    if (!named.has(file)) {
      const read = source.read();
      if (read.ok && !read.empty && !isFormKind(source.declaredKind())) {
        skipped.push(file);
        continue;
      }
    }
    const result = validateLoadedSubmission(source, options);
    appendAll(diagnostics, result.diagnostics);
    if (result.diagnostics.length > 0) sources.set(file, source.written);
    checked.push({ file, text: source.written, result });
  }
  const shown = files.filter((f) => !skipped.includes(f));
  return { report: buildReport(shown, diagnostics, sources), checked, skipped };
}
