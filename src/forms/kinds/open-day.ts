import type { FormDefinition } from '../definition.js';
import { monthOfTime } from '../months.js';
import { text } from '../read-values.js';

/** 政府开放月（开放日）: each unit announces activities on days it names (7月22日), at a place. */
export const openDay = {
  id: 'open-day',
  kind: 'form/open-day',
  name: { zh: '政府开放月（开放日）活动申报表', en: '政府开放月 (open day) application form' },
  aliases: ['开放日', '开放月', '政府开放日', '政府开放月', '开放月申报表', '开放日申报表'],
  schema: 'schemas/forms/open-day.schema.json',
  rowsKey: 'activities',
  rowName: { zh: '开放活动', en: 'activity' },
  layout: 'open-day.layout.json',
  planLayout: 'open-day-plan.layout.json',
  rowKeys: ['time', 'theme', 'form', 'place', 'participants'],
  defaultProfile: 'shanghai-2025',
  timeKey: 'time',
  readRow: (row) => {
    const time = text(row.time);
    const p = row.participants;
    return {
      time,
      month: time === undefined ? undefined : monthOfTime(time),
      place: text(row.place),
      participants: typeof p === 'number' && Number.isFinite(p) ? String(p) : text(p),
    };
  },
  rowNotes: ({ forms }) => ({
    time: '活动时间：写明月份，如 7月22日',
    theme: '活动名称(主题)',
    form: `活动形式${forms}`,
    place: '活动地点',
    participants: '拟参与人数（可选）：如 20 或 8-10人',
  }),
  timeNotes: { windowSuffix: '', anyMonth: '活动时间写明月份和日期，如“7月22日”。' },
  timePrompt: '写明月份和日期，如“7月22日”“8月26、27日”。',
} as const satisfies FormDefinition<'open-day'>;
