import { describe, expect, it } from 'vitest';
import type { CheckedSubmission } from '../../src/forms/check-files.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type PlanLayout } from '../../src/forms/layout.js';
import { planFromSubmissions } from '../../src/forms/plan/plan-files.js';
import { planMarks } from '../../src/forms/plan/plan-marks.js';
import { renderPlanHtml } from '../../src/forms/render/html.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { themeDayYaml } from './fixtures.js';

const options = resolveSubmissionOptions();
const form = FORMS['theme-day'];
const layout = await loadLayout<PlanLayout>(form.planLayout);

function planOf(files: Record<string, string>, maxPerMonth?: number) {
  const checked: CheckedSubmission[] = Object.entries(files).map(([file, text]) => ({
    file,
    text,
    result: validateSubmission(file, text, options),
  }));
  return planFromSubmissions(checked, {
    form,
    layout,
    profiles: options.profiles,
    lang: 'zh',
    planFile: 'plan.html',
    ...(maxPerMonth !== undefined ? { maxPerMonth } : {}),
  });
}

describe('the marks of a plan', () => {
  const files = {
    'a.yaml': themeDayYaml({
      unit: '青禾区教育局',
      rows: [
        { theme: '招生观摩', month: 10, form: '现场观摩' },
        { theme: '课后服务座谈', month: 2, form: '座谈交流' },
      ],
    }),
    'b.yaml': themeDayYaml({
      unit: '青禾区民政局',
      rows: [
        { theme: '“招生”观摩', month: 10, form: '现场观摩' },
        { theme: '救助政策座谈', month: 4, form: '座谈交流' },
      ],
    }),
  };

  it('marks what the terminal reports: a month outside the window, a theme repeated, a month over its limit', () => {
    const { plan, diagnostics } = planOf(files, 1);
    const codes = new Set(diagnostics.map((d) => d.code));
    expect(codes).toContain('plan-theme-duplicate');
    expect(codes).toContain('plan-month-full');
    const marks = planMarks(plan);
    const byTheme = new Map(plan.entries.map((e, i) => [e.row.theme, marks.cells[i]!]));
    expect(byTheme.get('课后服务座谈')!.get('month')).toEqual(['不在4月至12月之间']);
    expect(byTheme.get('“招生”观摩')!.get('theme')).toEqual(['与第3项主题重复']);
    expect(byTheme.get('招生观摩')!.get('month')).toEqual(['本月2项，超过每月1项']);
    expect(byTheme.get('救助政策座谈')!.size).toBe(0);
  });

  it('lists the months short of activities and over their limit in calendar order', () => {
    const { notes } = planMarks(planOf(files, 1).plan);
    expect(notes[0]).toBe('活动少于每月1项的月份：5月、6月、7月、8月、9月、11月、12月');
    expect(notes[1]).toBe('活动超过每月1项的月份：10月');
  });

  it('shows the marks on the web page, beside the text of the cell', async () => {
    const html = await renderPlanHtml(planOf(files, 1).plan, layout);
    expect(html).toContain('<span class="mark">与第3项主题重复</span>');
    expect(html).toContain('<li>活动超过每月1项的月份：10月</li>');
  });
});
