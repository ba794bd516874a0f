/** Severity of a finding. `error` fails validation; `warning` fails only beyond `--max-warnings`. */
export type Severity = 'error' | 'warning';

/** A 1-based line and column; columns count UTF-16 code units, as editors do. */
export interface Position {
  line: number;
  column: number;
}

/** A span of source text, end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/**
 * Where a finding sits in a table checked where it lives (a workbook, a web page, a CSV file), as the
 * clerk finds it: a merged cell is named by its top-left cell.
 */
export interface CellLocation {
  /** The table's place among the tables of the file, from 1: the worksheet for a workbook, the `<table>` for a page. */
  table: number;
  /** The worksheet's name, for a workbook. */
  sheet?: string;
  /** The row and column in the sheet, page table or CSV file, from 1. */
  row: number;
  column: number;
  /** The cell as the clerk names it, in the language of the messages: `'义务教育'!F12`, `表格 2 第 14 行 第 6 列`, `第 14 行 第 6 列`. */
  ref: string;
  /** The cell's text (at most a few hundred characters), shown where a finding in YAML shows its code frame. */
  text?: string;
  /** The names of the items the finding is about (一级事项, 二级事项 …), when it is about one. */
  items?: string[];
}

/** A path into the parsed data: property names and array indexes. */
export type DataPath = readonly (string | number)[];

/**
 * Codes of findings that are not lint rules. Lint rules use their rule id as code.
 * `file/*` codes mean the file could not be read at all: they make the run exit 2.
 */
export const SOURCE_CODES = [
  'file/not-found',
  'file/unreadable',
  'file/encoding',
  'file/binary',
  'file/empty',
  'file/unwritable',
  'file/too-large',
  'file/too-deep',
  'file/not-yaml',
  'table/unreadable',
  'table/no-catalog',
  'table/no-items',
  'table/domain-missing',
  'table/unit-missing',
  'table/column-by-position',
  'table/mandatory-legend',
  'table/same-as-above-dangling',
  'table/channel-unknown',
  'table/mark-text',
  'table/marks-missing',
  'table/title-guess',
  'table/item-name-missing',
  'table/row-wider-than-header',
  'table/cell-unreadable',
  'yaml/syntax',
  'yaml/duplicate-key',
  'yaml/tab-indent',
  'yaml/multiple-documents',
  'schema/required',
  'schema/type',
  'schema/enum',
  'schema/unknown-property',
  'schema/min-items',
  'schema/unique-items',
  'schema/pattern',
  'schema/empty',
  'schema/invalid',
  'schema/code-unquoted',
  'config/invalid',
  'config/unknown-rule',
  'suppression/no-reason',
  'suppression/unknown-rule',
  'suppression/unused',
] as const;

export type SourceCode = (typeof SOURCE_CODES)[number];

/** Ids of the catalog lint rules, also the codes of their findings: lint/registry.ts has one rule for each. */
export const LINT_RULE_IDS = [
  'domain-known',
  'item-unique',
  'code-unique',
  'content-required',
  'elements-present',
  'basis-citation',
  'time-limit-parses',
  'apply-time-limit',
  'channel-required',
  'channel-known',
  'other-channel-named',
  'audience-required',
  'audience-consistent',
  'method-required',
  'method-single',
  'level-required',
  'level-known',
  'extra-declared',
  'no-same-as-above',
  'text-whitespace',
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** Ids of the rules of application forms and of the annual plan's checks, also the codes of their findings. */
export const FORM_RULE_IDS = [
  'form-row-count',
  'form-activity-form',
  'form-required-form',
  'form-month-window',
  'form-time-month',
  'form-theme-repeated',
  'form-deadline',
  'form-phone',
  'plan-theme-duplicate',
  'plan-month-empty',
  'plan-month-full',
  'plan-year',
] as const;

export type FormRuleId = (typeof FORM_RULE_IDS)[number];

/** Codes of findings about an application form that no rule reports (a rule profile that does not fit). */
export const FORM_CODES = ['form-profile'] as const;

/** Every code a finding can have. */
export type DiagnosticCode = SourceCode | LintRuleId | FormRuleId | (typeof FORM_CODES)[number];

/** Codes whose finding means the input could not be read: exit code 2. */
export const FATAL_CODES: ReadonlySet<string> = new Set<SourceCode>([
  'file/not-found',
  'file/unreadable',
  'file/encoding',
  'file/binary',
  'file/unwritable',
  'file/too-large',
  'file/too-deep',
  'file/not-yaml',
  'table/unreadable',
  'table/no-catalog',
]);

/** A change to a file's text: replace `start`..`end` (UTF-16 offsets, end exclusive) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What a fix does to the parsed data: the value at `path` becomes `value`, or is removed. */
export type FixEffect = { path: DataPath; value: unknown } | { path: DataPath; removed: true };

/**
 * A safe, mechanical fix of a finding. Applying `edits` changes only those characters of the text
 * (comments, key order and formatting elsewhere stay as they are) and changes the data as `effect` says.
 */
export interface Fix {
  /** What the fix does, in the language of the messages. */
  description: string;
  edits: TextEdit[];
  effect: FixEffect;
}

/** One finding, whatever produced it: the YAML reader, the schema, a lint rule or the config loader. */
export interface Diagnostic {
  /** `yaml/duplicate-key`, `schema/enum`, or a rule id such as `channel-known`. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** The file as the user named it (relative paths stay relative). */
  file: string;
  /** Path of the value in the data. */
  path: DataPath;
  /** The same path as a JSON Pointer (RFC 6901). */
  pointer: string;
  /** Where in the file; absent when the file could not be read, and for a table (see `cell`). */
  range?: Range;
  /** For a table checked where it lives: the cell the finding is about (and no `range`). */
  cell?: CellLocation;
  /** The element (要素: `basis`, `channels` …) a finding is about when `path` stops at its item: one not filled in. */
  element?: string;
  /** How to fix it, when the tool knows. */
  hint?: string;
  /** The fix the tool can apply itself; present only when fixes were asked for (see `validateText`). */
  fix?: Fix;
}

/** Format a data path as a JSON Pointer. */
export function toPointer(path: DataPath): string {
  let pointer = '';
  for (const seg of path) {
    const s = String(seg);
    pointer += '/' + (s.includes('~') || s.includes('/') ? s.replaceAll('~', '~0').replaceAll('/', '~1') : s);
  }
  return pointer;
}

/** Parse a JSON Pointer (as ajv's instancePath) into a data path; numeric segments become numbers. */
export function fromPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.includes('~') ? raw.replaceAll('~1', '/').replaceAll('~0', '~') : raw;
    path.push(isIndex(seg) ? Number(seg) : seg);
  }
  return path;
}

/** Whether a segment is written as a list index: digits, with no leading zero (`0`, `12`, not `012`). */
function isIndex(seg: string): boolean {
  const n = seg.length;
  if (n === 0 || (n > 1 && seg.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = seg.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Order findings by file, then position, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ta = a.cell?.table ?? 0;
  const tb = b.cell?.table ?? 0;
  if (ta !== tb) return ta - tb;
  const la = a.range?.start.line ?? a.cell?.row ?? 0;
  const lb = b.range?.start.line ?? b.cell?.row ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.column ?? a.cell?.column ?? 0;
  const cb = b.range?.start.column ?? b.cell?.column ?? 0;
  if (ca !== cb) return ca - cb;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return compareNumbered(a.message, b.message);
}

/** Texts in code-unit order, except that runs of digits compare as numbers: 5月 before 11月. */
function compareNumbered(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    let x = pa[i]!;
    let y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      x = x.replace(/^0+(?=\d)/, '');
      y = y.replace(/^0+(?=\d)/, '');
      if (x.length !== y.length) return x.length - y.length;
    }
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
