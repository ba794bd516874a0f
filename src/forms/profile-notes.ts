import type { FormDefinition } from './registry.js';
import type { FormProfile } from './types.js';

/** The profile's rules as sentences for the people filling the form in: on the blank form and in the skeleton. */
export function profileNotes(profile: FormProfile, form: FormDefinition, year?: number): string[] {
  const row = form.rowName.zh;
  const notes: string[] = [];
  const { min, max } = profile.rows ?? {};
  let count =
    min !== undefined && min === max
      ? `每个单位申报${min}个${row}`
      : min !== undefined && max !== undefined
        ? `每个单位申报${min}至${max}个${row}`
        : min !== undefined
          ? `每个单位至少申报${min}个${row}`
          : max !== undefined
            ? `每个单位最多申报${max}个${row}`
            : '';
  const required = profile.requiredForms;
  if (required) {
    const forms = required.forms.map((f) => `“${f}”`).join('或');
    const clause = `至少${required.min}个的活动形式为${forms}`;
    count = count ? `${count}，其中${clause}` : `${row}中${clause}`;
  }
  if (count) notes.push(`${count}。`);
  notes.push(`活动形式从${profile.activityForms.join('、')}中选一项。`);
  if (profile.months && (profile.months.from !== 1 || profile.months.to !== 12)) {
    notes.push(`活动时间在${profile.months.from}月至${profile.months.to}月之间${form.timeNotes.windowSuffix}。`);
  } else if (form.timeNotes.anyMonth !== undefined) {
    notes.push(form.timeNotes.anyMonth);
  }
  if (profile.deadline) {
    const [month, day] = profile.deadline.split('-').map(Number);
    notes.push(`请于${year === undefined ? '' : `${year}年`}${month}月${day}日前报送。`);
  }
  return notes;
}
