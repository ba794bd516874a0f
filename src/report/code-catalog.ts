import { FATAL_CODES, SOURCE_CODES, type Severity } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { RULES } from '../lint/registry.js';

/** What a finding code means, for the formats that describe their rules (SARIF, JUnit). */
export interface CodeInfo {
  id: string;
  severity: Severity;
  description: Record<Lang, string>;
}

/** Where the rules are documented: the rule section of the README, in each language. */
export const RULE_DOCS: Record<Lang, string> = {
  zh: 'https://zwgk.github.io/#检查规则',
  en: 'https://zwgk.github.io/#rules',
};

/** The documentation of a rule as a URI (SARIF `helpUri`): the README's rule section, percent-encoded. */
export function ruleHelpUri(lang: Lang): string {
  return encodeURI(RULE_DOCS[lang]);
}

/** A rule a run can report, for the formats and listings that describe rules. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  scope: string;
  description: Record<Lang, string>;
}

/**
 * Every rule a run can report: the catalog rules, then `others` — the rules of the other kinds of
 * document the run checks (the application forms'), which whoever wires those kinds in passes.
 */
export function allRules(others: readonly RuleInfo[] = []): RuleInfo[] {
  return [
    ...RULES.map((r) => ({ id: r.id, severity: r.severity, scope: r.scope, description: r.description })),
    ...others,
  ];
}

const FAMILY: Record<string, Record<Lang, string>> = {
  file: { zh: '文件无法读取或为空。', en: 'The file cannot be read, or is empty.' },
  yaml: { zh: 'YAML 语法问题。', en: 'A YAML syntax problem.' },
  schema: { zh: '不符合目录的格式（JSON Schema）。', en: 'Does not follow the catalog schema.' },
  config: { zh: '配置文件有误。', en: 'The configuration is invalid.' },
  suppression: { zh: '抑制注释的问题。', en: 'A problem with a suppression comment.' },
  table: {
    zh: '读取目录表格时需要核对的地方（表格中的单元格）。',
    en: 'Something to check where a catalog table was read (a cell of the table).',
  },
};

const OWN: Record<string, Record<Lang, string>> = {
  'file/not-found': { zh: '文件不存在。', en: 'The file does not exist.' },
  'file/encoding': { zh: '文件不是 UTF-8 编码。', en: 'The file is not UTF-8.' },
  'file/binary': { zh: '文件不是文本。', en: 'The file is not text.' },
  'file/empty': { zh: '文件是空的。', en: 'The file is empty.' },
  'file/too-large': {
    zh: '文件或其别名展开后超过了读取上限。',
    en: 'The file, or what its aliases expand to, is past the limit zwgk reads.',
  },
  'file/too-deep': { zh: '嵌套层数超过了读取上限。', en: 'Nested deeper than the limit zwgk reads.' },
  'file/not-yaml': {
    zh: '表格、网页或文档文件，不是 YAML 目录文件。',
    en: 'A table, web page or document, not a YAML catalog.',
  },
  'table/unreadable': {
    zh: '表格文件无法读取（旧版 .xls、加密、损坏或为空）。',
    en: 'The table file cannot be read (old .xls, encrypted, damaged or empty).',
  },
  'table/no-catalog': { zh: '文件中没有找到目录表格。', en: 'The file holds no catalog table.' },
  'table/no-items': { zh: '目录表格只有表头，没有事项。', en: 'A catalog table has a header and no items.' },
  'table/cell-unreadable': {
    zh: '申报表中的单元格读不成所需的值（如月份、日期）。',
    en: 'A cell of a filled form cannot be read as the value it holds (a month, a date).',
  },
  'yaml/duplicate-key': { zh: '同一层中重复的键。', en: 'A key repeated in one mapping.' },
  'yaml/tab-indent': { zh: '用了制表符缩进。', en: 'Indented with tabs.' },
  'schema/required': { zh: '缺少必填字段。', en: 'A required field is missing.' },
  'schema/enum': { zh: '取值不在允许的范围内。', en: 'A value outside the allowed ones.' },
  'schema/unknown-property': { zh: '不认识的字段（可能拼错）。', en: 'An unknown (perhaps misspelt) field.' },
  'schema/code-unquoted': {
    zh: '事项编码没有加引号，前导零会丢失。',
    en: 'An unquoted item code loses its leading zeros.',
  },
  'suppression/no-reason': { zh: '抑制注释没有写理由。', en: 'A suppression comment gives no reason.' },
  'suppression/unused': { zh: '抑制注释没有抑制任何问题。', en: 'A suppression comment suppresses nothing.' },
  'suppression/unknown-rule': { zh: '抑制注释中的规则不存在。', en: 'A suppression comment names no known rule.' },
};

/**
 * Every code a finding may carry: the catalog rules and `others` (see {@link allRules}), then the reader's,
 * schema's and configuration's own codes.
 */
export function codeCatalog(others: readonly RuleInfo[] = []): CodeInfo[] {
  const source = SOURCE_CODES.map((id): CodeInfo => ({
    id,
    severity: id.startsWith('suppression/') || (id.startsWith('table/') && !FATAL_CODES.has(id)) ? 'warning' : 'error',
    description: OWN[id] ?? FAMILY[id.split('/')[0]!]!,
  }));
  return [
    ...allRules(others).map((r): CodeInfo => ({ id: r.id, severity: r.severity, description: r.description })),
    ...source,
  ];
}
