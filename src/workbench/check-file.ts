// What the workbench does with one file the user gives it: the findings `zwgk validate` gives on that
// file, rule for rule (the same readers, checks, cross-file rules and order), the grids to preview, and the
// catalogs `zwgk import` would write. Pure: bytes in, data out; no DOM, so it runs in a worker and in Node.
import type { Diagnostic } from '../diagnostics.js';
import { formDocuments } from '../forms/document-kind.js';
import type { Lang } from '../i18n.js';
import { checkTables } from '../import/check-tables.js';
import { unreadableTable } from '../tables/table-findings.js';
import { importComment } from '../import/import-comment.js';
import { importTables } from '../import/import-tables.js';
import { CATALOG_TABLE_HINTS } from '../import/table-hints.js';
import { isTableFile } from '../tables/table-files.js';
import { catalogText } from '../import/write-yaml.js';
import { decodeBytes } from '../load/decode-source.js';
import type { Grid, ReadResult } from '../tables/grid.js';
import { readTableBytes, TableFileError } from '../tables/read-bytes.js';
import { checkDocument } from '../validate/check-document.js';
import { finishFindings, type FactsEntry } from '../validate/finish-report.js';
import { resolveValidateOptions, type ValidateOptions } from '../validate/options.js';
import type { Suppression } from '../validate/suppressions.js';

/** A cell of a preview: its text and span, at its column (covered positions are left out). */
export interface PreviewCell {
  col: number;
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** One grid of a table file as the page shows it. */
export interface PreviewGrid {
  name: string;
  hidden: boolean;
  /** Columns of the grid. */
  width: number;
  /** The first rows, each a list of its cells. */
  rows: PreviewCell[][];
  /** Rows of the grid in all (more than `rows` holds when it was cut at {@link PREVIEW_ROWS}). */
  totalRows: number;
}

/** A catalog as `zwgk import` writes it: its file name and YAML text. */
export interface ImportedCatalog {
  fileName: string;
  text: string;
}

/** What checking one file found. */
export interface CheckedFile {
  name: string;
  kind: 'table' | 'yaml';
  /** The findings, sorted, as `zwgk validate <file>` reports them. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** For a table file that could be read: its grids. */
  grids: PreviewGrid[];
  /** For a YAML file that could be read: its text. */
  text?: string;
  /** For a table file: the catalogs `zwgk import` writes from it (none when it holds no catalog table). */
  catalogs: ImportedCatalog[];
}

/** Most rows of one grid the page shows. */
export const PREVIEW_ROWS = 2000;

/** The options `zwgk validate` runs with where no configuration file is found. */
export function defaultOptions(lang: Lang): ValidateOptions {
  return resolveValidateOptions({ lang, documents: [formDocuments(undefined)] });
}

/** Whether the workbench checks a file of this name: a table, or YAML. */
export function isCheckedFile(name: string): boolean {
  return isTableFile(name) || /\.ya?ml$/i.test(name);
}

/** The steps of checking a table file, in order, for a progress bar: reading it, checking it, writing its YAML. */
export const CHECK_PHASES = ['read', 'check', 'import'] as const;
export type CheckPhase = (typeof CHECK_PHASES)[number];

/**
 * Check one file's bytes, named `name`, as `zwgk validate` checks it; `onPhase` hears each step as it
 * starts (a YAML file has only `check`).
 */
export async function checkFileBytes(
  name: string,
  bytes: Uint8Array,
  options: ValidateOptions,
  onPhase: (phase: CheckPhase) => void = () => {},
): Promise<CheckedFile> {
  if (isTableFile(name)) return checkTableBytes(name, bytes, options, onPhase);
  onPhase('check');
  return checkYamlBytes(name, bytes, options);
}

async function checkTableBytes(
  name: string,
  bytes: Uint8Array,
  options: ValidateOptions,
  onPhase: (phase: CheckPhase) => void,
): Promise<CheckedFile> {
  let read: ReadResult;
  try {
    onPhase('read');
    read = await readTableBytes(bytes, name, options.lang, CATALOG_TABLE_HINTS);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    const report = await finishFindings(
      [name],
      [unreadableTable(name, error, options.lang)],
      new Map(),
      [],
      options,
      noText,
    );
    return { name, kind: 'table', ...counted(report), grids: [], catalogs: [] };
  }
  onPhase('check');
  const outcome = checkTables(name, read, options);
  const facts: FactsEntry[] = outcome.catalogs.map((c) => ({ file: name, facts: c.facts, place: c.place }));
  const report = await finishFindings([name], outcome.diagnostics, new Map(), facts, options, noText);
  onPhase('import');
  const catalogs = importedCatalogs(name, read, options);
  return { name, kind: 'table', ...counted(report), grids: read.grids.map(previewOf), catalogs };
}

async function checkYamlBytes(name: string, bytes: Uint8Array, options: ValidateOptions): Promise<CheckedFile> {
  const source = decodeBytes(name, bytes, options.lang);
  const outcome = await checkDocument(name, source, options);
  const sources = new Map<string, string>();
  if (outcome.text !== undefined) sources.set(name, outcome.text);
  const facts: FactsEntry[] = outcome.facts ? [{ file: name, facts: outcome.facts }] : [];
  const suppressions = new Map<string, Suppression[]>();
  if (outcome.suppressions) suppressions.set(name, outcome.suppressions);
  const text = source.ok ? source.text : undefined;
  const readText = () => (text === undefined ? noText() : Promise.resolve(text));
  const report = await finishFindings([name], outcome.diagnostics, sources, facts, options, readText, suppressions);
  return { name, kind: 'yaml', ...counted(report), grids: [], ...(text !== undefined ? { text } : {}), catalogs: [] };
}

/** A file's text is never read again here: every finding of one file is placed from what was read. */
const noText = (): Promise<string> => Promise.reject(new Error('no other file is read'));

function counted(report: { diagnostics: Diagnostic[]; errorCount: number; warningCount: number }) {
  return { diagnostics: report.diagnostics, errorCount: report.errorCount, warningCount: report.warningCount };
}

/** The catalogs `zwgk import` writes from the tables read, with the comment it writes at their top. */
function importedCatalogs(name: string, read: ReadResult, options: ValidateOptions): ImportedCatalog[] {
  const result = importTables(read, options.vocabulary);
  return result.tables.map((table) => ({
    fileName: table.fileName,
    text: catalogText(table.catalog, importComment(name, table.ref, options.lang)).text,
  }));
}

/** A grid as the page shows it: its cells by row, the first {@link PREVIEW_ROWS} rows. */
export function previewOf(grid: Grid): PreviewGrid {
  const rows = grid.rows.slice(0, PREVIEW_ROWS).map((row) => {
    const cells: PreviewCell[] = [];
    row.forEach((slot, col) => {
      if (slot.kind === 'cell') cells.push({ col, text: slot.text, rowSpan: slot.rowSpan, colSpan: slot.colSpan });
    });
    return cells;
  });
  return {
    name: grid.name,
    hidden: grid.hidden === true,
    width: grid.rows[0]?.length ?? 0,
    rows,
    totalRows: grid.rows.length,
  };
}
