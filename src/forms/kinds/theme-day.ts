import type { FormDefinition } from '../definition.js';
import { text } from '../read-values.js';

/** 政务公开主题日: each unit proposes 活动主题, each in a month of the year. */
export const themeDay = {
  id: 'theme-day',
  kind: 'form/theme-day',
  name: { zh: '政务公开主题日活动主题申报表', en: '政务公开主题日 theme application form' },
  aliases: ['主题日', '政务公开主题日', '主题日申报表', '活动主题申报表'],
  schema: 'schemas/forms/theme-day.schema.json',
  rowsKey: 'themes',
  rowName: { zh: '活动主题', en: 'theme' },
  layout: 'theme-day.layout.json',
  planLayout: 'theme-day-plan.layout.json',
  rowKeys: ['theme', 'month', 'form', 'brief'],
  defaultProfile: 'hunan-2023',
  timeKey: 'month',
  readRow: (row) => ({
    month: Number.isInteger(row.month) ? (row.month as number) : undefined,
    brief: text(row.brief),
  }),
  rowNotes: ({ forms, months }) => ({
    theme: '活动主题',
    month: `活动时间(月份)：${months.from} 至 ${months.to} 的数字，如 ${months.from} 表示${months.from}月`,
    form: `活动形式${forms}`,
    brief: '活动简介（可选）：内容、邀请对象、地点等',
  }),
  timeNotes: { windowSuffix: '，按月份填写' },
} as const satisfies FormDefinition<'theme-day'>;
