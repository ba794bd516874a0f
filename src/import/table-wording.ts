import type { Diagnostic } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';

/** Each element's column as the official header names it, and how a clerk fills it in. */
const COLUMNS: Readonly<Record<string, { column: string; zh: string; en: string }>> = {
  content: { column: '公开内容（要素）', zh: '写明要公开的具体内容', en: 'name what is published' },
  basis: {
    column: '公开依据',
    zh: '列出要求公开的法规文件，文件名称加书名号《》',
    en: 'list the documents that require publication, titles in 《》',
  },
  time_limit: {
    column: '公开时限',
    zh: '写明公开时限，如“信息形成或者变更之日起20个工作日内”',
    en: 'write the time limit, such as 信息形成或者变更之日起20个工作日内',
  },
  subject: { column: '公开主体', zh: '写明负责公开的单位', en: 'name the publishing body' },
  channels: {
    column: '公开渠道和载体',
    zh: '把选用渠道前的□改为■（至少一个）',
    en: 'change □ to ■ before each channel used (at least one)',
  },
  audience: { column: '公开对象', zh: '勾选“全社会”或“特定群体”（打√）', en: 'tick 全社会 or 特定群体' },
  method: { column: '公开方式', zh: '勾选“主动”或“依申请”（打√，二选一）', en: 'tick 主动 or 依申请 (one of the two)' },
  levels: { column: '公开层级', zh: '勾选适用的层级（打√）', en: 'tick the levels that apply' },
};

/** What to do about a finding, said for a clerk who holds the table and not the YAML. */
const BY_CODE: Readonly<Partial<Record<string, Text>>> = {
  'audience-consistent': {
    zh: '核对公开对象：勾选“特定群体”并在附加栏写明是哪些群体，或改为“全社会”。',
    en: 'Check the 公开对象: tick 特定群体 and say which group, or tick 全社会.',
  },
  'other-channel-named': {
    zh: '在公开渠道和载体单元格中写明“其他”是什么渠道。',
    en: 'Say in the 公开渠道和载体 cell what the “other” channel is.',
  },
};

/**
 * The hint of a finding in a table, in the table's words: where the element is missing, which column to
 * fill and how; a hint that shows YAML (in backquotes) is replaced by one for the table, or left out. A
 * clerk is never told to change YAML they do not have.
 */
export function tableHint(diagnostic: Diagnostic, lang: Lang): string | undefined {
  const element = diagnostic.element === undefined ? undefined : COLUMNS[diagnostic.element];
  if (element) {
    return lang === 'zh'
      ? `在“${element.column}”栏中${element.zh}。`
      : `In the ${element.column} column, ${element.en}.`;
  }
  const own = BY_CODE[diagnostic.code];
  if (own) return own[lang];
  if (diagnostic.hint?.includes('`')) return undefined;
  return diagnostic.hint;
}

/** What some notes of the importer say to a clerk checking the table itself (the others speak of the table already). */
export const NOTE_WORDS: Readonly<Partial<Record<string, { message: Text; hint: Text }>>> = {
  'domain-missing': {
    message: { zh: '表格标题中没有找到领域名称。', en: 'The table’s title names no domain.' },
    hint: {
      zh: '在表格上方写出完整标题，如“××县××局义务教育领域基层政务公开标准目录”。',
      en: 'Write the full title above the table, such as “××县××局义务教育领域基层政务公开标准目录”.',
    },
  },
  'unit-missing': {
    message: { zh: '表格标题中没有找到编制单位。', en: 'The table’s title names no unit (编制单位).' },
    hint: {
      zh: '在标题中写明编制单位，如“××县××局义务教育领域基层政务公开标准目录”，或在标题下加一行“编制单位：××”。',
      en: 'Name the unit in the title, such as “××县××局义务教育领域基层政务公开标准目录”, or add a line “编制单位：××” below it.',
    },
  },
};
