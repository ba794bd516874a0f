import { readFileSync } from 'node:fs';
import type { DiffReport } from '../../src/diff/report.js';
import type { JsonReport } from '../../src/report/json.js';

// The shapes of what the command writes as JSON, for tests that read it field by field. Parsing states the shape
// without checking it: a field that is missing or of another kind still fails the assertion that reads it.

export type { JsonReport };

/** `zwgk diff -f json`. */
export type DiffJson = { version: 1 } & DiffReport;

/** `zwgk import -f json`. */
export interface ImportJson {
  version: 1;
  source: string;
  format: string;
  tables: {
    file: string;
    ref: string;
    sheet: string;
    domain: string | null;
    unit: string | null;
    rows: number;
    errors: number | null;
    warnings: number | null;
    notes: { code: string; severity: string; ref: string; message: string }[];
  }[];
  empty: { ref: string; sheet: string; rows: number }[];
}

/** Where a SARIF result or artifact is. */
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** The parts of a SARIF 2.1.0 log that tests read. */
export interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level?: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[];
    }[];
    artifacts: { location: SarifArtifactLocation }[];
  }[];
}

/** JSON to check as a whole (with a schema, `toEqual`, `toMatchObject`) or to narrow before reading. */
export function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A JSON file, as {@link parseJson}. */
export function readJson(file: string): unknown {
  return parseJson(readFileSync(file, 'utf8'));
}

/** `zwgk validate -f json` output. */
export function parseJsonReport(text: string): JsonReport {
  return JSON.parse(text) as JsonReport;
}

/** A file written by `zwgk validate -f json -o`. */
export function readJsonReport(file: string): JsonReport {
  return parseJsonReport(readFileSync(file, 'utf8'));
}

/** `zwgk validate -f sarif` output. */
export function parseSarif(text: string): SarifLog {
  return JSON.parse(text) as SarifLog;
}

/** A file written by `zwgk validate -f sarif -o`, or by Microsoft's SARIF validator. */
export function readSarif(file: string): SarifLog {
  return parseSarif(readFileSync(file, 'utf8'));
}

/** `zwgk diff -f json` output. */
export function parseDiffJson(text: string): DiffJson {
  return JSON.parse(text) as DiffJson;
}

/** `zwgk import -f json` output. */
export function parseImportJson(text: string): ImportJson {
  return JSON.parse(text) as ImportJson;
}
