import { themeDay } from '../kinds/theme-day.js';
import type { FormProfile } from '../types.js';

/**
 * 湖南省 2023: 《湖南省“政务公开主题日”活动实施方案》(湘政务公开办发〔2023〕1号), as carried out by
 * 湖南湘江新区 (seed 003): each department or 街道 submits 2 活动主题, one of them 实地调研 or 现场观摩;
 * the five forms of the plan; activities from April; submissions due by 3月31日. The per-month limits of
 * the merged plan follow 益阳市 2022 (每月确定1—3个主题), the only Hunan notice that sets them.
 */
export const hunan2023: FormProfile = {
  form: themeDay.id,
  name: '湖南省2023年“政务公开主题日”',
  source: '《湖南湘江新区2023年“政务公开主题日”活动实施方案》',
  activityForms: ['实地调研', '现场观摩', '座谈交流', '政策发布', '问卷调查'],
  rows: { min: 2, max: 2 },
  requiredForms: { forms: ['实地调研', '现场观摩'], min: 1 },
  months: { from: 4, to: 12 },
  deadline: '03-31',
  perMonth: { min: 1, max: 3 },
};
