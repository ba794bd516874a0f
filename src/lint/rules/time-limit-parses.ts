import { timeLimitOf } from '../../catalog/time-limit.js';
import { definitions } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** 公开时限 says when: a deadline, 实时, 及时, 长期, a cadence. */
export const timeLimitParses: FileRule = {
  id: 'time-limit-parses',
  severity: 'warning',
  description: {
    zh: '公开时限能读出明确的期限（如“20个工作日内”“实时”“长期”）。',
    en: 'The 公开时限 states a recognisable limit (20个工作日内, 实时, 长期 …).',
  },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const def of definitions(ctx, 'time_limit')) {
      if (typeof def.value !== 'string') continue;
      const limit = timeLimitOf(def.value);
      if (limit.parsed) continue;
      const bad = limit.clauses.filter((c) => c.kind === 'unparsed').map((c) => c.text);
      const what = bad.length > 0 ? bad.join('；') : def.value;
      out.push({
        path: def.path,
        message: { zh: `公开时限“${what}”读不出期限。`, en: `No time limit can be read from "${what}".` },
        hint: {
          zh: '写明起算点和天数，如“信息形成或者变更之日起20个工作日内”。',
          en: 'State the start and length, as in “信息形成或者变更之日起20个工作日内”.',
        },
      });
    }
    return out;
  },
};
