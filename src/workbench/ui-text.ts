// Every word the workbench page shows, in Chinese and English.
import type { Text } from '../i18n.js';

/** The words of the page, by what they are for. */
export const UI = {
  title: { zh: 'zwgk 工作台', en: 'zwgk workbench' },
  subtitle: { zh: '基层政务公开事项标准目录', en: 'Grassroots government-disclosure catalogs' },
  offline: {
    zh: '所有检查都在本机浏览器中完成：文件不会上传，数据不会离开本机，本页也不访问网络。',
    en: 'Everything is checked in this browser: no file is uploaded, no data leaves this machine, and the page uses no network.',
  },
  checkTab: { zh: '检查目录表格', en: 'Check catalog tables' },
  dropTitle: { zh: '把目录文件拖到这里，或', en: 'Drop catalog files here, or' },
  pick: { zh: '选择文件', en: 'choose files' },
  dropFormats: {
    zh: '可检查 Excel 工作簿（.xlsx）、网页（.html）、CSV 表格（.csv）和 YAML 目录（.yaml、.yml），可一次选多个。',
    en: 'Checks Excel workbooks (.xlsx), web pages (.html), CSV tables (.csv) and YAML catalogs (.yaml, .yml); pick several at once if you like.',
  },
  checking: { zh: '正在检查', en: 'Checking' },
  reading: { zh: '正在读取', en: 'Reading' },
  done: { zh: '检查完成', en: 'Checked' },
  noFindings: { zh: '没有发现问题。', en: 'No problems found.' },
  errors: { zh: '个错误', en: ' errors' },
  warnings: { zh: '个警告', en: ' warnings' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  findings: { zh: '发现的问题', en: 'Findings' },
  preview: { zh: '表格预览', en: 'Table preview' },
  yamlPreview: { zh: '文件内容', en: 'File content' },
  hiddenSheet: { zh: '（隐藏的工作表）', en: ' (hidden sheet)' },
  cutRows: { zh: '只显示前 {shown} 行，共 {total} 行。', en: 'Showing the first {shown} of {total} rows.' },
  downloadYaml: { zh: '下载 YAML 目录', en: 'Download the YAML catalog' },
  downloadYamlNote: {
    zh: 'YAML 目录与 zwgk import 写出的文件相同，请对照原表核对导入结果。',
    en: 'The YAML catalog is the file zwgk import writes; check it against the table.',
  },
  downloadReport: { zh: '下载问题报告（Excel）', en: 'Download the findings (Excel)' },
  downloadOfficial: { zh: '下载官方格式目录（Excel）', en: 'Download the official workbook' },
  officialRefused: {
    zh: '导入得到的目录有错误，zwgk render 不会生成官方格式工作簿：',
    en: 'The imported catalog has errors, so zwgk render would not lay it out: ',
  },
  officialAfterErrors: {
    zh: '改正错误后才能下载官方格式的目录工作簿（与 zwgk render 相同：有错误的目录不生成）。',
    en: 'The official workbook can be downloaded once the errors are fixed (as zwgk render: a catalog with errors is not rendered).',
  },
  noCatalog: {
    zh: '文件中没有可导入的目录表格，因此没有 YAML 目录可下载。',
    en: 'The file holds no catalog table to import, so there is no YAML catalog to download.',
  },
  notChecked: {
    zh: '不检查这种文件：请选择 .xlsx、.html、.csv、.yaml 或 .yml 文件。',
    en: 'This kind of file is not checked: choose an .xlsx, .html, .csv, .yaml or .yml file.',
  },
  cannotRead: {
    zh: '浏览器无法读取这个文件（可能已被移动、删除或没有读取权限）。请重新选择文件。',
    en: 'The browser cannot read this file (it may have been moved, deleted or be unreadable). Choose it again.',
  },
  failed: {
    zh: '检查时出了意外的问题：{reason}。请把这个文件和本页的版本号反馈给 zwgk 的维护者。',
    en: 'Something unexpected went wrong while checking: {reason}. Please report it to the zwgk maintainers with this file and the page version.',
  },
  cellOf: { zh: '单元格 {ref}：', en: 'Cell {ref}: ' },
  lineColumn: { zh: '第 {line} 行 第 {column} 列', en: 'line {line}, column {column}' },
  version: { zh: '版本 {version}', en: 'version {version}' },
  /** Punctuation, as each language writes it. */
  colon: { zh: '：', en: ': ' },
  listSeparator: { zh: '、', en: ', ' },
  clauseSeparator: { zh: '，', en: ', ' },
  ofAll: { zh: '（{n}/{all}）', en: ' ({n}/{all})' },
  /** The language switch: the name of the other language, in that language. */
  otherLanguage: { zh: 'English', en: '中文' },
} as const satisfies Record<string, Text>;

/** A word of the page in the page's language, with `{name}` places filled in. */
export function word(text: Text, values: Readonly<Record<string, string | number>> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (all, name: string) => String(values[name] ?? all));
}

/** The language the page shows: Chinese, or English after the switch. */
let lang: 'zh' | 'en' = 'zh';

/** The language the page shows now. */
export const pageLang = (): 'zh' | 'en' => lang;

/** Show the page's words in `lang` from now on. */
export function setPageLang(to: 'zh' | 'en'): void {
  lang = to;
}
