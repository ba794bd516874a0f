import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Real tables transcribed verbatim from government pages (source URL and notes in each file). */
export const SAMPLES_DIR = join(import.meta.dirname, '../../fixtures/real-tables');

/** A tick cell as transcribed: a mark, the text written instead of a mark, or `null` when the page did not show it. */
export type MarkValue = boolean | string | null;

/** The tick cells of one column group keyed by sub-label, or `null` when no mark of the group was visible. */
export type MarkGroup = Readonly<Record<string, MarkValue>> | null;

/** One body row of a catalog sample. `null` texts were not shown by the page. */
export interface CatalogRow {
  seq: string;
  first: string;
  second: string;
  content: string;
  basis: string;
  time_limit: string;
  subject: string | null;
  channels_raw: string | null;
  audience: MarkGroup;
  method: MarkGroup;
  levels: MarkGroup;
  /** Extra column values (keyed by header label) and transcriber's facts such as `first_merged_with_previous`. */
  extra: Readonly<Record<string, unknown>>;
}

/** One catalog table transcribed from a government page. */
export interface CatalogSample {
  /** File name without `.json`. */
  id: string;
  source_url: string;
  region: string;
  domain: string;
  title: string;
  script: string;
  level_columns: string[];
  /** Leaf labels in column order; `group/label` for a column under a two-row group cell. */
  header: string[];
  /** The header cells as the extraction showed them, where that differs from `header`. */
  header_raw?: string[];
  /** Template fields written above the table (填报单位, 填报时间). */
  form_header?: Readonly<Record<string, string>>;
  notes: string;
  rows: CatalogRow[];
}

/** A 主题日 / 开放月 form sample, kept as transcribed. */
export interface FormSample {
  id: string;
  title: string;
  notes: string;
  columns: string[];
  rows: Record<string, string>[];
  [field: string]: unknown;
}

const FORM_PREFIX = 'forms-';

function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

function readSample(file: string): Record<string, unknown> & { id: string } {
  const data = JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8')) as Record<string, unknown>;
  return { ...data, id: basename(file, '.json') };
}

function assertCatalogSample(
  data: Record<string, unknown>,
  file: string,
): asserts data is Record<string, unknown> & CatalogSample {
  const missing = ['title', 'domain', 'header', 'rows', 'notes', 'level_columns'].filter((k) => data[k] === undefined);
  if (missing.length > 0) throw new Error(`${file}: not a catalog sample (missing ${missing.join(', ')})`);
  if (!Array.isArray(data.header) || !Array.isArray(data.rows))
    throw new Error(`${file}: header and rows must be arrays`);
}

/** The catalog samples (every file except `forms-*.json`), in file-name order. */
export function loadCatalogSamples(): CatalogSample[] {
  return sampleFiles()
    .filter((f) => !f.startsWith(FORM_PREFIX))
    .map((f) => {
      const data = readSample(f);
      assertCatalogSample(data, f);
      return data;
    });
}

/** One catalog sample by id (file name without `.json`). */
export function loadCatalogSample(id: string): CatalogSample {
  const sample = loadCatalogSamples().find((s) => s.id === id);
  if (!sample) throw new Error(`no catalog sample ${id} in ${SAMPLES_DIR}`);
  return sample;
}

/** The form samples (`forms-*.json`), as transcribed. */
export function loadFormSamples(): FormSample[] {
  return sampleFiles()
    .filter((f) => f.startsWith(FORM_PREFIX))
    .map((f) => readSample(f) as FormSample);
}
