import { openDay } from '../kinds/open-day.js';
import type { FormProfile } from '../types.js';

/**
 * 上海 2025 “政府开放月”: the 活动形式 of 上海市教委's published table (参观, 座谈, 体验); each unit
 * holds at least one activity, as 三亚 2022 asks. No month window or deadline is published.
 */
export const shanghai2025: FormProfile = {
  form: openDay.id,
  name: '上海市2025年“政府开放月”',
  source: '上海市教育委员会“政府开放月”相关活动预告（2025）',
  activityForms: ['参观', '座谈', '体验'],
  rows: { min: 1 },
};
