// The words of the tab 填写申报表, in Chinese and English (the fields' own names come from the forms' schemas).
import type { Text } from '../i18n.js';

/** The tab's words, by what they are for. */
export const FORM_TEXT = {
  tab: { zh: '填写申报表', en: 'Fill in a form' },
  intro: {
    zh: '在本页填写政务公开主题日或政府开放月的申报表：边填边按规则方案检查，没有错误后下载 Excel 申报表（A4 一页），可直接打印盖章报送。',
    en: 'Fill in a 政务公开主题日 or 政府开放月 application form here: it is checked against the rule profile as you type, and once it has no errors you download it as an Excel workbook (one A4 page) to print, stamp and send.',
  },
  which: { zh: '申报表', en: 'The form' },
  form: { zh: '申报表种类', en: 'Form' },
  profile: { zh: '规则方案', en: 'Rule profile' },
  header: { zh: '填报单位信息', en: 'About the submitting unit' },
  rules: { zh: '规则方案的要求', en: 'What the profile asks (as the notice words it)' },
  rowLegend: { zh: '{row} {n}', en: '{row} {n}' },
  rowCount: { zh: '（共 {n} 个）', en: ' ({n} in all)' },
  addRow: { zh: '增加一个{row}', en: 'Add a {row}' },
  removeRow: { zh: '删除{row} {n}', en: 'Remove {row} {n}' },
  rowsExpected: { zh: '本方案要求 {count} 个{row}。', en: 'The profile asks for {count} ({row}).' },
  choose: { zh: '请选择', en: 'Choose' },
  optional: { zh: '（选填）', en: ' (optional)' },
  month: { zh: '{m}月', en: '{name} ({m})' },
  check: { zh: '检查结果', en: 'Check' },
  noFindings: { zh: '没有发现问题，可以下载申报表。', en: 'No problems found: the form can be downloaded.' },
  counts: { zh: '{errors} 个错误，{warnings} 个警告', en: '{errors} errors, {warnings} warnings' },
  download: { zh: '下载申报表（Excel）', en: 'Download the form (Excel)' },
  blocked: {
    zh: '还有 {errors} 个错误，改正后才能下载（与 zwgk form render 相同，有错误的申报表不生成表格）。',
    en: 'There are still {errors} errors; correct them to download (as zwgk form render, no workbook is made for a form with errors).',
  },
  downloadNote: {
    zh: '下载的表格与 zwgk form render 生成的相同，zwgk form check 可直接检查，zwgk form import 可读回为 YAML 文件。',
    en: 'The workbook is the one zwgk form render makes; zwgk form check checks it as it is, and zwgk form import reads it back as a YAML file.',
  },
  making: { zh: '正在生成表格…', en: 'Making the workbook…' },
  failed: {
    zh: '生成表格时出了意外的问题：{reason}。请把本页的版本号反馈给 zwgk 的维护者。',
    en: 'Something unexpected went wrong while making the workbook: {reason}. Please report it to the zwgk maintainers with the page version.',
  },
  wholeForm: { zh: '整张表', en: 'the form' },
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
} as const satisfies Record<string, Text>;
