import type { Diagnostic } from '../../diagnostics.js';
import type { Lang } from '../../i18n.js';
import { loadText } from '../../load/load-source.js';
import { positionFindings } from '../../validate/position-findings.js';
import type { CheckedSubmission } from '../check-files.js';
import type { PlanLayout } from '../layout.js';
import type { ProfileSet } from '../profiles/resolve-profiles.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile } from '../types.js';
import { buildPlan } from './build-plan.js';
import { checkPlan } from './check-plan.js';
import type { Plan, PlanSource } from './types.js';
import { addTo, appendAll } from '../../util/append.js';

/** How to merge checked submissions into a plan. */
export interface PlanFilesOptions {
  form: FormDefinition;
  layout: PlanLayout;
  profiles: ProfileSet;
  lang: Lang;
  /** The profile whose plan limits apply. Default: the one all submissions share, else the form's default. */
  profile?: string;
  /** More activities than this in a month are reported. Default: the profile's `perMonth.max`. */
  maxPerMonth?: number;
  title?: string;
  area?: string;
  year?: number;
  /** Names findings about the plan as a whole (a month with no activity): the output file. */
  planFile: string;
}

/** A plan merged from files, its findings placed in those files, and the files left out. */
export interface PlanRun {
  plan: Plan;
  diagnostics: Diagnostic[];
  /** Submissions of the form left out of the plan because their structure is broken. */
  left: string[];
}

/** The profile of the plan's limits. */
function planProfile(submissions: readonly CheckedSubmission[], options: PlanFilesOptions): FormProfile {
  const ids = new Set(submissions.map((s) => s.result.profileId).filter((id): id is string => id !== undefined));
  const id = options.profile ?? (ids.size === 1 ? [...ids][0]! : options.profiles.defaults[options.form.id]);
  const profile =
    options.profiles.profiles.get(id) ?? options.profiles.profiles.get(options.profiles.defaults[options.form.id])!;
  return options.maxPerMonth === undefined
    ? profile
    : { ...profile, perMonth: { ...profile.perMonth, max: options.maxPerMonth } };
}

/**
 * Merge the well-formed submissions of one form into the plan and check it. Submissions with rule
 * findings are merged (their findings are reported with the rest); those whose structure is broken
 * cannot be, and are listed in `left`.
 */
export function planFromSubmissions(checked: readonly CheckedSubmission[], options: PlanFilesOptions): PlanRun {
  const mine = checked.filter((c) => c.result.form?.id === options.form.id);
  const usable = mine.filter((c) => c.result.wellFormed && c.result.submission);
  const sources: PlanSource[] = usable.map((c) => ({ file: c.file, submission: c.result.submission! }));
  const plan = buildPlan(sources, {
    form: options.form,
    profile: planProfile(usable, options),
    titlePattern: options.layout.title,
    ...(options.title ? { title: options.title } : {}),
    ...(options.area ? { area: options.area } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
  });
  const findings = checkPlan(plan, sources);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map(checked.map((c) => [c.file, c.text]));
  const byFile = new Map<string, typeof findings>();
  for (const f of findings) {
    if (f.file === undefined) {
      diagnostics.push({
        code: f.finding.code,
        severity: f.finding.severity,
        message:
          typeof f.finding.message === 'function'
            ? f.finding.message(() => undefined)[options.lang]
            : f.finding.message[options.lang],
        file: options.planFile,
        path: [],
        pointer: '',
        ...(f.finding.hint && typeof f.finding.hint !== 'function' ? { hint: f.finding.hint[options.lang] } : {}),
      });
    } else {
      addTo(byFile, f.file, f);
    }
  }
  for (const [file, list] of byFile) {
    appendAll(
      diagnostics,
      positionFindings(
        file,
        loadText(file, texts.get(file)!, { lang: options.lang }).positions(),
        list.map((f) => f.finding),
        options.lang,
      ),
    );
  }
  return { plan, diagnostics, left: mine.filter((c) => !usable.includes(c)).map((c) => c.file) };
}
