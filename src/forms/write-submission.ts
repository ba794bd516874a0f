import { yamlLib } from '../util/packages.js';
import { escapeYamlUnsafe, YAML_UNSAFE, yamlDoubleQuoted } from '../util/yaml-chars.js';
import { FORMS, type FormDefinition } from './registry.js';
import type { FormId, FormProfile } from './types.js';
import { appendAll } from '../util/append.js';

/** A value of a submission file; `null` writes an empty field for the user to fill in. */
export type DraftValue = string | number | null;

/** The header fields of a submission, in the order a file writes them. */
export const HEADER_KEYS = ['profile', 'year', 'area', 'title', 'unit', 'contact', 'phone', 'date'] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];

/** A submission to write out: what is known of it, with blanks where the user still has to write. */
export interface SubmissionDraft {
  form: FormId;
  /** Header fields; a field left out is not written, `null` is written empty. */
  fields: Partial<Record<HeaderKey, DraftValue>>;
  /** Rows: the fields written, in the form's order. */
  rows: Partial<Record<string, DraftValue>>[];
  /** Comments to write above a field, by its path joined with dots: `themes.0.month`. */
  notes?: ReadonlyMap<string, string>;
}

/** What the file says about itself at the top, and how it explains each field. */
export interface WriteOptions {
  /** The schema for editors (`# yaml-language-server: $schema=…`), relative to the file. */
  schemaPath?: string;
  /** Comment lines at the top, after the schema line. */
  heading?: readonly string[];
  /** The profile, to explain what each field may hold. */
  profile?: FormProfile;
}

/** One YAML scalar on one line: plain where YAML reads it back as the same string, quoted otherwise. */
function scalar(value: DraftValue, quote = false): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (quote) return yamlDoubleQuoted(value);
  const text = yamlLib().stringify(value, { schema: 'core', lineWidth: 0, minContentWidth: 0 }).trimEnd();
  // The yaml package writes some one-line texts (---, ...) as blocks, indented for the top level only.
  return text.includes('\n') ? yamlDoubleQuoted(value) : text;
}

/** Text with line breaks that a literal block keeps exactly: `\n` breaks, no leading white space, at most one final break. */
function literalBlockSafe(value: string): boolean {
  return /^\S/.test(value) && !value.includes('\r') && !value.endsWith('\n\n') && !YAML_UNSAFE.test(value);
}

/** `key: value  # comment` at an indent, or a literal block for text with line breaks. */
function field(indent: string, key: string, value: DraftValue, comment?: string, quote = false): string[] {
  if (typeof value === 'string' && value.includes('\n') && literalBlockSafe(value)) {
    const keep = value.endsWith('\n') ? '' : '-';
    const body = value
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l === '' ? '' : `${indent}  ${l}`));
    return [...(comment ? [`${indent}# ${oneLine(comment)}`] : []), `${indent}${key}: |${keep}`, ...body];
  }
  // A line break, or a character YAML may not hold raw (U+FFFE, a control, a lone surrogate), only as an escape.
  const text =
    typeof value === 'string' && (/[\r\n]/.test(value) || YAML_UNSAFE.test(value))
      ? yamlDoubleQuoted(value)
      : scalar(value, quote);
  const line = `${indent}${key}:${text === '' ? '' : ` ${text}`}`;
  return [comment ? `${line}  # ${oneLine(comment)}` : line];
}

/** A comment on one line: line breaks become spaces (a profile from the configuration may hold them). */
function oneLine(text: string): string {
  return escapeYamlUnsafe(text.replace(/[\r\n]+/g, ' '));
}

/** Comment lines for a text that may hold line breaks or characters a file may not hold. */
function commentLines(text: string, indent = ''): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => (l === '' ? `${indent}#` : `${indent}# ${escapeYamlUnsafe(l)}`));
}

function headerNotes(profile: FormProfile | undefined, year: DraftValue | undefined): Record<HeaderKey, string> {
  const due = profile?.deadline;
  const dueText = due
    ? `；截止日期为${typeof year === 'number' ? `${year}年` : ''}${Number(due.slice(0, 2))}月${Number(due.slice(3))}日`
    : '';
  return {
    profile: `规则方案：${profile?.name ?? '省略时用默认方案'}`,
    year: '年度：四位数字',
    area: '发文地区：印发活动方案的地区，出现在表格标题中',
    title: '表格标题（可选）：省略时按发文地区和年度生成',
    unit: '填报单位：全称，与公章一致',
    contact: '联系人',
    phone: '联系电话：手机号或带区号的座机号，加引号，如 "0871-65123456"',
    date: `填报日期（可选）：YYYY-MM-DD${dueText}`,
  };
}

function rowNotes(form: FormDefinition, profile: FormProfile | undefined): Readonly<Record<string, string>> {
  const forms = profile ? `：${profile.activityForms.join('、')} 选一` : '';
  return form.rowNotes({ forms, months: profile?.months ?? { from: 1, to: 12 } });
}

/**
 * Write a submission as YAML with comments in Chinese: the file a unit fills in (`zwgk form new`) or the
 * one an imported table becomes. Field comments explain each field; row comments go on the first row only.
 */
export function submissionYaml(draft: SubmissionDraft, options: WriteOptions = {}): string {
  const form = FORMS[draft.form];
  const lines: string[] = [];
  if (options.schemaPath) lines.push(`# yaml-language-server: $schema=${options.schemaPath}`);
  for (const h of options.heading ?? []) appendAll(lines, commentLines(h));
  const note = (path: string) => draft.notes?.get(path);
  const above = (path: string, indent: string) => {
    const n = note(path);
    return n ? commentLines(n, indent) : [];
  };
  lines.push(`kind: ${form.kind}`);
  const explain = headerNotes(options.profile, draft.fields.year);
  for (const key of HEADER_KEYS) {
    if (!Object.hasOwn(draft.fields, key)) continue;
    appendAll(lines, [
      ...above(key, ''),
      ...commentLines(explain[key]),
      ...field('', key, draft.fields[key]!, undefined, key === 'phone'),
    ]);
  }
  const rowHelp = rowNotes(form, options.profile);
  appendAll(lines, [
    ...above(form.rowsKey, ''),
    `# ${form.rowName.zh}：每项一个，以“- ”开头；要增加时复制一项`,
    `${form.rowsKey}:`,
  ]);
  draft.rows.forEach((row, i) => {
    const keys = form.rowKeys.filter((k) => Object.hasOwn(row, k));
    keys.forEach((key, k) => {
      const indent = '    ';
      const out = [
        ...above(`${form.rowsKey}.${i}.${key}`, indent),
        ...field(indent, key, row[key]!, i === 0 ? rowHelp[key] : undefined),
      ];
      // The first field of a row opens the list entry: `  - theme: …`.
      if (k === 0) {
        const at = out.findIndex((l) => !l.trimStart().startsWith('#'));
        out[at] = `  - ${out[at]!.slice(indent.length)}`;
      }
      appendAll(lines, out);
    });
  });
  return lines.join('\n') + '\n';
}

/**
 * The data of the file {@link submissionYaml} writes for a draft, as reading it back gives it: `kind`,
 * the header fields given, and the rows with their fields in the form's order (`null` where a field is
 * left to fill in). What a page holds of a form read from a table.
 */
export function draftData(draft: SubmissionDraft): Record<string, unknown> {
  const form = FORMS[draft.form];
  const data: Record<string, unknown> = { kind: form.kind };
  for (const key of HEADER_KEYS) if (Object.hasOwn(draft.fields, key)) data[key] = draft.fields[key];
  data[form.rowsKey] = draft.rows.map((row) =>
    Object.fromEntries(form.rowKeys.filter((k) => Object.hasOwn(row, k)).map((k) => [k, row[k]])),
  );
  return data;
}
