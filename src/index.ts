import { FORM_RULE_INFO } from './forms/rule-info.js';
import { CATALOG_TABLES } from './import/table-kind.js';
import { FORMATTERS as FORMATS } from './report/registry.js';
import { formDocuments } from './forms/document-kind.js';
import type { FormsConfig } from './forms/types.js';
import { fixFiles as fixWith, type FixFilesOptions, type FixRun } from './fix/fix-files.js';
import { resolveValidateOptions as resolveWith, type ValidateOptions } from './validate/options.js';
import { validateFiles as validateWith, type ValidateExtras } from './validate/validate-files.js';
import type { ValidationReport } from './validate/validate-files.js';
import { expandInputs as expandWith, type ExpandedInputs, type ExpandOptions } from './validate/expand-inputs.js';
import { isConfigFileName } from './config/load-config.js';

export type {
  CellLocation,
  Diagnostic,
  DataPath,
  Fix,
  FixEffect,
  Position,
  Range,
  Severity,
  TextEdit,
} from './diagnostics.js';
export { toPointer, fromPointer, compareDiagnostics } from './diagnostics.js';
export type { Lang } from './i18n.js';
export type {
  Audience,
  Baseline,
  Catalog,
  CatalogItem,
  EffectiveFields,
  ItemFields,
  Method,
  ResolvedCatalog,
  ResolvedItem,
} from './catalog/types.js';
export { resolveCatalog, walkItems, leafItems, defaultTitle } from './catalog/resolve.js';
export { parseTimeLimit, startsFromApplication, type TimeLimit, type TimeClause } from './catalog/time-limit.js';
export { parseCitation, type Citation } from './catalog/citation.js';
export { buildVocabulary, STANDARD_CHANNELS, STANDARD_DOMAINS, type Vocabulary } from './catalog/vocabulary.js';
export { RULES, findRule } from './lint/registry.js';
export type { Rule, FileRule, ProjectRule, RuleContext, RuleFinding } from './lint/types.js';
export type { ValidateOptions } from './validate/options.js';
export type { DocumentKind, DocumentResult, TableCatalog, TableKind, TableOutcome } from './validate/options.js';
export { checkTables } from './import/check-tables.js';
export { checkTableFile } from './import/check-table-file.js';
export { CATALOG_TABLES, isTableFile, TABLE_FILE_EXTENSIONS } from './import/table-kind.js';
export { validateText, type TextRequest, type TextResult } from './validate/validate-text.js';
export type { ValidationReport } from './validate/validate-files.js';
export type { ExpandedInputs, ExpandOptions } from './validate/expand-inputs.js';
export { fixText, MAX_PASSES, type AppliedFix, type FixTextResult } from './fix/fix-text.js';
export type { FileFix, FixFilesOptions, FixRun } from './fix/fix-files.js';
export { applyFixes, applyEdits } from './fix/apply-fixes.js';
export { unifiedDiff, type DiffLabels } from './fix/unified-diff.js';
export { proposeFix } from './fix/propose-fix.js';
export { placeInOriginal, type EditSteps } from './fix/map-back.js';
export { writeFileAtomic, writeFileAtomicSync, WriteRefusedError, type WriteOptions } from './util/write-atomic.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
export { defineConfig, type ZwgkConfig } from './config/types.js';
export type { FormatName } from './report/registry.js';
export type { Formatter, FormatContext } from './report/types.js';
export { ZwgkError, UsageError } from './errors.js';
export { diffCatalogs } from './diff/diff-catalogs.js';
export { compareTexts, type CatalogText, type Comparison, type CompareTextsOptions } from './diff/compare-texts.js';
export type { DiffReport, PairDiff } from './diff/report.js';
export { DIFF_FORMATTERS, type DiffFormatName } from './diff/format/registry.js';
export type { DiffFormatContext, DiffFormatter } from './diff/format/types.js';
export { checkSubmission, type SubmissionCheckOptions } from './forms/check-submission.js';
export { formFields, type FormField, type FormFields } from './forms/form-fields.js';
export { renderSubmissionXlsx, type SubmissionWorkbook } from './forms/submission-workbook.js';
export { importFormXlsx } from './forms/import/import-form-bytes.js';
export { draftData, submissionYaml, type SubmissionDraft } from './forms/write-submission.js';
export type { SubmissionResult } from './forms/validate-submission.js';
export type { FormId, FormProfile, FormsConfig, Submission } from './forms/types.js';
export type { CatalogDiff, Change, ChangeClass, DiffCounts, ItemRef, MetadataChange } from './diff/types.js';
export { computeStats, catalogStats, summarizeStats } from './stats/compute-stats.js';
export { countCatalog, addCounts } from './catalog/counts.js';
export type { CatalogStats, Counts, GroupStats, StatsInput, StatsReport, Tally } from './stats/types.js';
export {
  STATS_FILE_FORMATTERS,
  STATS_FORMATTERS,
  type StatsFileFormatName,
  type StatsFormatName,
} from './stats/format/registry.js';
export type { StatsFileFormatter, StatsFormatter } from './stats/format/types.js';
export { buildTable, type CatalogTable } from './render/table-model.js';
export { RENDERERS, type RenderFormat } from './render/registry.js';
export {
  blankCatalogWorkbook,
  BLANK_ROWS,
  DEFAULT_LEVELS,
  type BlankCatalogOptions,
} from './render/blank/blank-workbook.js';
export type { Renderer, RenderInput, RenderOptions, RenderedFile } from './render/types.js';

// The library's engine is handed the kinds of document zwgk ships besides catalogs (the application forms),
// as the command line hands them: options made here check catalogs and forms, in one folder as in one run.

/** Options with the shipped kinds of document, unless they name their own. */
function withDocuments(options: ValidateOptions, forms?: FormsConfig): ValidateOptions {
  return {
    ...options,
    ...(options.documents ? {} : { documents: [formDocuments(forms)] }),
    ...(options.tables ? {} : { tables: CATALOG_TABLES }),
  };
}

/** Fill in the defaults; `forms` (the configuration's section) sets up the application forms among the files. */
export function resolveValidateOptions(
  partial: Partial<ValidateOptions> & { forms?: FormsConfig } = {},
): ValidateOptions {
  const { forms, ...rest } = partial;
  return withDocuments(resolveWith(rest), forms);
}

/**
 * Validate files (catalogs, and the application forms among them) one at a time, then run the rules that
 * look across files. `cwd` resolves relative file names; names in findings stay as given.
 */
export function validateFiles(
  files: readonly string[],
  options: ValidateOptions,
  cwd?: string,
  extras?: ValidateExtras,
): Promise<ValidationReport> {
  return validateWith(files, withDocuments(options), cwd, extras);
}

/** Fix catalog files (the application forms among them are only checked): see `fixFiles` in src/fix/fix-files.ts. */
export function fixFiles(files: readonly string[], options: ValidateOptions, run?: FixFilesOptions): Promise<FixRun> {
  return fixWith(files, withDocuments(options), run);
}

/**
 * Turn the paths, directories and globs a user gave into a sorted list of YAML files, leaving zwgk's
 * configuration files out of searches (see `expandInputs` in src/validate/expand-inputs.ts).
 */
export function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<ExpandedInputs> {
  return expandWith(inputs, { skipName: isConfigFileName, ...options });
}

/** The output formats of findings; SARIF describes the application forms' rules too, unless `ctx.rules` says otherwise. */
export const FORMATTERS: typeof FORMATS = {
  ...FORMATS,
  sarif: (report, ctx) => FORMATS.sarif(report, { rules: FORM_RULE_INFO, ...ctx }),
};
