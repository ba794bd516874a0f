import type { CellLocation, DataPath, Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { buildVocabulary, type Vocabulary } from '../catalog/vocabulary.js';
import type { RuleSeverities } from '../lint/run-rules.js';
import type { LoadedSource } from '../load/load-source.js';

/** What checking a document of another kind found, as the engine takes it (a catalog's `TextResult` is one too). */
export interface DocumentResult {
  diagnostics: Diagnostic[];
  /** The parsed data, when the YAML could be read. */
  data?: unknown;
  /** Facts for the project rules, by rule id. */
  facts: Map<string, unknown>;
}

/**
 * A kind of document the engine checks besides catalogs (an application form, say), as the layer above
 * defines it: a file that declares a kind this one takes (`kind: form/theme-day`, as the loader reads it)
 * is checked by it.
 */
export interface DocumentKind {
  /** Names the kind: a worker thread of the pool makes it again by this name, from `settings`. */
  readonly name: string;
  /** What the kind was made with, as plain data (sent to worker threads). */
  readonly settings?: unknown;
  /** Whether a document that declares `kind` is one of this kind. */
  declares(kind: string): boolean;
  /** Check one loaded document of this kind, with the options for its file. */
  check(source: LoadedSource, options: ValidateOptions): Promise<DocumentResult>;
}

/** Where a path of a table's data sits in the table: the cell a finding about it names. */
export type CellPlacer = (path: DataPath) => CellLocation;

/** One catalog table of a table file, as checking it found it. */
export interface TableCatalog {
  /** The catalog's data, as importing the table makes it. */
  data: unknown;
  /** Facts for the project rules, by rule id. */
  facts: Map<string, unknown>;
  /** Where a path of `data` sits in the table. */
  place: CellPlacer;
}

/** What checking a table file found: its findings, placed on cells, and each catalog table in it. */
export interface TableOutcome {
  diagnostics: Diagnostic[];
  catalogs: TableCatalog[];
}

/**
 * Tables checked where they live (a workbook, a web page, a CSV file), as the layer above reads them: the
 * engine hands it each file it reads, and gets findings placed on cells. Checked in this thread only.
 */
export interface TableKind {
  /** The endings of the file names it reads (`.xlsx` …): what a search of a folder looks for besides YAML. */
  readonly extensions: readonly string[];
  /** Whether a file is a table this kind reads, by its name (`.xlsx`, `.html`, `.csv` …). */
  reads(file: string): boolean;
  /** Read and check one table file: `file` as findings name it, `path` where to read it. */
  check(file: string, path: string, options: ValidateOptions): Promise<TableOutcome>;
}

/** Makes a kind of document from its `settings`: how a worker thread of the pool gets the kinds of a run. */
export type DocumentKindMaker = (settings: unknown) => DocumentKind;

/** The kind among `kinds` of the document a source declares, if any (else the source is a catalog). */
export function kindOf(source: LoadedSource, kinds: readonly DocumentKind[] | undefined): DocumentKind | undefined {
  if (!kinds || kinds.length === 0) return undefined;
  const declared = source.declaredKind();
  return declared === undefined ? undefined : kinds.find((kind) => kind.declares(declared));
}

/** Everything validation depends on besides the files. */
export interface ValidateOptions {
  /** Language of messages. Default: `zh`. */
  lang: Lang;
  /** Severity overrides per rule. Default: each rule's own. */
  rules: RuleSeverities;
  /** Known channel and domain names. Default: the standard lists. */
  vocabulary: Vocabulary;
  /** Level columns for catalogs that do not declare `level_columns`. Default: none. */
  levelColumns: readonly string[];
  /** The kinds of document besides catalogs among the files (the application forms), each checked its own way. Default: none. */
  documents?: readonly DocumentKind[];
  /** Tables (workbooks, web pages, CSV files) among the files, checked where they live. Default: none (a table is refused as not YAML). */
  tables?: TableKind;
  /** The options for one file (by absolute path), where the configuration's `overrides` change them. Default: these. */
  forFile?: (file: string) => ValidateOptions;
}

/** The options that apply to a file, given by absolute path. */
export function optionsFor(options: ValidateOptions, file: string): ValidateOptions {
  return options.forFile?.(file) ?? options;
}

/** Fill in the defaults. */
export function resolveValidateOptions(partial: Partial<ValidateOptions> = {}): ValidateOptions {
  return {
    lang: partial.lang ?? 'zh',
    rules: partial.rules ?? {},
    vocabulary: partial.vocabulary ?? buildVocabulary(),
    levelColumns: partial.levelColumns ?? [],
    ...(partial.documents ? { documents: partial.documents } : {}),
    ...(partial.tables ? { tables: partial.tables } : {}),
  };
}
