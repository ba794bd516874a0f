// Every word of the tab 比较两个版本, in Chinese and English.
import type { Text } from '../i18n.js';

/** The words of the compare tab, by what they are for. */
export const COMPARE_TEXT = {
  tab: { zh: '比较两个版本', en: 'Compare two versions' },
  intro: {
    zh: '选择目录的旧版本和新版本（YAML 目录，或 Excel、网页、CSV 目录表格，每边可选多个文件），逐项比较，得到与 zwgk diff 相同的变更报告。',
    en: 'Choose the old and the new version of the catalogs (YAML catalogs, or Excel, web-page or CSV catalog tables; several files a side if you like) to compare them item by item, with the change report zwgk diff writes.',
  },
  before: { zh: '旧版本', en: 'Old version' },
  after: { zh: '新版本', en: 'New version' },
  noFiles: { zh: '还没有选择文件。', en: 'No file chosen yet.' },
  waiting: {
    zh: '两边都选好文件后，会自动开始比较。',
    en: 'The comparison starts once both versions have their files.',
  },
  comparing: { zh: '正在比较', en: 'Comparing' },
  compared: { zh: '比较完成', en: 'Compared' },
  cannotCompare: {
    zh: '无法比较：下面的文件有错误。请改正后重新选择。',
    en: 'Cannot compare: the files below have errors. Correct them and choose them again.',
  },
  report: { zh: '变更报告', en: 'Change report' },
  downloadHtml: { zh: '下载变更报告（网页）', en: 'Download the report (web page)' },
  downloadXlsx: { zh: '下载变更报告（Excel）', en: 'Download the report (Excel)' },
  reportNote: {
    zh: '报告与 zwgk diff 旧版本 新版本 -f html（或 -f xlsx）写出的文件相同，文件以所选文件名称列出。',
    en: 'The report is the file zwgk diff old new -f html (or -f xlsx) writes, with each file named as chosen.',
  },
  notCompared: {
    zh: '不比较这种文件：请选择 .yaml、.yml、.xlsx、.html 或 .csv 文件。',
    en: 'This kind of file is not compared: choose a .yaml, .yml, .xlsx, .html or .csv file.',
  },
} as const satisfies Record<string, Text>;
