import type { Text } from '../../i18n.js';
import type { Severity } from '../../diagnostics.js';
import { monthsBetween } from '../months.js';
import { normalizeTheme } from '../normalize-theme.js';
import { severityOf, toFinding } from '../../lint/run-rules.js';
import type { FormFinding } from '../rules/types.js';
import type { FormRuleId } from '../types.js';
import type { Plan, PlanEntry, PlanFinding, PlanSource } from './types.js';
import { addTo } from '../../util/append.js';

/** The checks of a merged plan, each a small named unit like the form rules. */
interface PlanCheck {
  id: FormRuleId;
  severity: Severity;
  /** One line: what the check checks. */
  description: Text;
  check(plan: Plan, sources: readonly PlanSource[]): { file?: string; finding: FormFinding }[];
}

function at(plan: Plan, entry: PlanEntry, key: string): FormFinding['path'] {
  return [plan.form.rowsKey, entry.row.index, key];
}

/** Every submission is for the plan's year. */
const planYear: PlanCheck = {
  id: 'plan-year',
  severity: 'error',
  description: { zh: '申报表的年度与活动计划的年度一致。', en: "Every submission is for the plan's year." },
  check: (plan, sources) =>
    plan.year === undefined
      ? []
      : sources
          .filter((s) => s.submission.year !== undefined && s.submission.year !== plan.year)
          .map((s) => ({
            file: s.file,
            finding: {
              path: ['year'],
              message: {
                zh: `年度${s.submission.year}与活动计划的年度${plan.year}不同。`,
                en: `The year ${s.submission.year} is not the plan's year ${plan.year}.`,
              },
              hint: {
                zh: '改正年度，或不把这份申报表列入本年度计划。',
                en: 'Correct the year, or leave this submission out of the plan.',
              },
            },
          })),
};

/** No theme is planned twice, by one unit or by two. */
const themeDuplicate: PlanCheck = {
  id: 'plan-theme-duplicate',
  severity: 'warning',
  description: { zh: '同一主题不在计划中出现两次。', en: 'No theme is planned twice.' },
  check: (plan) => {
    const first = new Map<string, PlanEntry>();
    const out: { file: string; finding: FormFinding }[] = [];
    for (const entry of plan.entries) {
      if (!entry.row.theme) continue;
      const key = normalizeTheme(entry.row.theme);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, entry);
        continue;
      }
      out.push({
        file: entry.file,
        finding: {
          path: at(plan, entry, 'theme'),
          message: {
            zh: `活动主题“${entry.row.theme}”与${earlier.unit || earlier.file}申报的“${earlier.row.theme}”重复（${earlier.file}）。`,
            en: `The theme "${entry.row.theme}" repeats "${earlier.row.theme}" of ${earlier.unit || earlier.file} (${earlier.file}).`,
          },
          hint: {
            zh: '与对方单位商定由谁举办，或改为另一个主题。',
            en: 'Agree with the other unit who holds it, or choose another theme.',
          },
        },
      });
    }
    return out;
  },
};

function byMonth(plan: Plan): Map<number, PlanEntry[]> {
  const months = new Map<number, PlanEntry[]>();
  for (const e of plan.entries) if (e.row.month !== undefined) addTo(months, e.row.month, e);
  return months;
}

/** Each month of the window has at least the least number of activities (益阳 2022: 1). */
const monthEmpty: PlanCheck = {
  id: 'plan-month-empty',
  severity: 'warning',
  description: { zh: '计划的每个月都有活动。', en: 'Every month of the plan has an activity.' },
  check: (plan) => {
    const least = plan.profile.perMonth?.min;
    if (least === undefined || least < 1) return [];
    const { from, to } = plan.profile.months ?? { from: 1, to: 12 };
    const months = byMonth(plan);
    return monthsBetween(from, to)
      .filter((m) => (months.get(m)?.length ?? 0) < least)
      .map((m) => {
        const n = months.get(m)?.length ?? 0;
        return {
          finding: {
            path: [],
            message:
              n === 0
                ? { zh: `${m}月没有安排活动。`, en: `Month ${m} has no activity.` }
                : {
                    zh: `${m}月只安排了${n}项活动，少于每月${least}项。`,
                    en: `Month ${m} has ${n} activities, fewer than ${least}.`,
                  },
            hint: { zh: `请有关单位把活动安排到${m}月。`, en: `Ask units to hold activities in month ${m}.` },
          },
        };
      });
  },
};

/** No month has more activities than the profile allows (益阳 2022: 3). */
const monthFull: PlanCheck = {
  id: 'plan-month-full',
  severity: 'warning',
  description: {
    zh: '每个月的活动不超过规则方案允许的数目。',
    en: 'No month has more activities than the profile allows.',
  },
  check: (plan) => {
    const most = plan.profile.perMonth?.max;
    if (most === undefined) return [];
    // In calendar order, as months are listed everywhere.
    return [...byMonth(plan)]
      .sort(([a], [b]) => a - b)
      .filter(([, entries]) => entries.length > most)
      .map(([m, entries]) => {
        const over = entries[most]!;
        const units = [...new Set(entries.map((e) => e.unit || e.file))].join('、');
        return {
          file: over.file,
          finding: {
            path: at(plan, over, plan.form.timeKey),
            message: {
              zh: `${m}月安排了${entries.length}项活动，超过每月${most}项（${units}）。`,
              en: `Month ${m} has ${entries.length} activities, more than ${most} (${units}).`,
            },
            hint: {
              zh: '与有关单位协调，把部分活动移到活动较少的月份。',
              en: 'Agree with the units to move some activities to quieter months.',
            },
          },
        };
      });
  },
};

/** Every check of a plan, in the order their findings are listed. */
export const PLAN_CHECKS = [planYear, themeDuplicate, monthEmpty, monthFull] as const satisfies readonly PlanCheck[];

/** Check a merged plan: years, duplicate themes, and the number of activities per month. */
export function checkPlan(plan: Plan, sources: readonly PlanSource[]): PlanFinding[] {
  const out: PlanFinding[] = [];
  for (const check of PLAN_CHECKS) {
    const severity = severityOf(check, plan.profile.rules ?? {});
    if (severity === 'off') continue;
    for (const { file, finding } of check.check(plan, sources)) {
      out.push({ ...(file !== undefined ? { file } : {}), finding: toFinding(check, severity, finding) });
    }
  }
  return out;
}
