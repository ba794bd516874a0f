import { parseCitation, type CitationProblem } from '../../catalog/citation.js';
import type { FixPlan } from '../../finding.js';
import type { Text } from '../../i18n.js';
import { sameAsAbove } from '../chars.js';
import { memoize } from '../../util/memoize.js';
import { definitions, entryPath, forEachString, type Definition } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

function describe(problem: CitationProblem, raw: string): { message: Text; hint: Text } {
  switch (problem.kind) {
    case 'no-title-marks':
      return {
        message: {
          zh: `公开依据“${raw}”没有用书名号《》标出文件名称。`,
          en: `The citation "${raw}" has no title in 《》.`,
        },
        hint: {
          zh: '写出具体的法规或文件名称，并加书名号，如《中华人民共和国政府信息公开条例》。',
          en: 'Name the law or document in 《》, e.g. 《中华人民共和国政府信息公开条例》.',
        },
      };
    case 'unbalanced-title-marks':
      return {
        message: { zh: `公开依据“${raw}”中的书名号《》不配对。`, en: `The citation "${raw}" has unpaired 《》.` },
        hint: { zh: '补上缺少的《或》。', en: 'Add the missing 《 or 》.' },
      };
    case 'doc-no-brackets':
      return {
        message: {
          zh: `文号“${problem.found}”的年份应使用六角括号〔〕。`,
          en: `The document number "${problem.found}" should put the year in 〔〕.`,
        },
        hint: { zh: `改为“${problem.fixed}”。`, en: `Write "${problem.fixed}".` },
      };
    case 'doc-no-unclosed':
      return {
        message: {
          zh: `文号“${problem.found}”缺少右括号〕。`,
          en: `The document number "${problem.found}" lacks its closing 〕.`,
        },
        // Where the year ends is a guess, so `zwgk fix` leaves it: the hint asks, it does not promise.
        hint: {
          zh: `核对年份后补上〕，可能是“${problem.fixed}”。`,
          en: `Check the year and add the 〕: perhaps "${problem.fixed}".`,
        },
      };
    case 'doc-no-unopened':
      return {
        message: {
          zh: `文号“${problem.found}”缺少左括号〔。`,
          en: `The document number "${problem.found}" lacks its opening 〔.`,
        },
        hint: { zh: `改为“${problem.fixed}”。`, en: `Write "${problem.fixed}".` },
      };
    case 'order-no-shape':
      return {
        message: {
          zh: `令号“${problem.found}”应写作“机关令第×号”。`,
          en: `The order number "${problem.found}" should read "<issuer>令第<n>号".`,
        },
        hint: { zh: `改为“${problem.fixed}”。`, en: `Write "${problem.fixed}".` },
      };
    case 'notice-no-shape':
      return {
        message: {
          zh: `公告号“${problem.found}”应写作“公告××××年第×号”。`,
          en: `The notice number "${problem.found}" should read "公告<year>年第<n>号".`,
        },
        hint: { zh: `改为“${problem.fixed}”。`, en: `Write "${problem.fixed}".` },
      };
  }
}

/**
 * A number whose parts are all there is fixed: the year's brackets become 〔〕, a lost 〔 is put back,
 * 令 and 公告 numbers take their standard order. A lost closing bracket (〔201680号) is not, since where
 * the year ends is a guess.
 */
function bracketFix(value: string, problem: { found: string; fixed: string }): FixPlan {
  return {
    kind: 'replace',
    value: value.replaceAll(problem.found, problem.fixed),
    description: { zh: `文号改为“${problem.fixed}”。`, en: `Write the document number as "${problem.fixed}".` },
  };
}

/** The problems of a citation, by its text: the same citations recur in file after file. */
const problemsOf = memoize((text: string): readonly CitationProblem[] => parseCitation(text).problems);

/** Citations name their document in 《》 and write document numbers as 〔year〕. */
export const basisCitation: FileRule = {
  id: 'basis-citation',
  severity: 'warning',
  description: {
    zh: '公开依据用书名号标出文件名称，文号年份用六角括号〔〕，令号写作“令第×号”。',
    en: 'Citations name documents in 《》, write years in document numbers as 〔〕 and order numbers as 令第N号.',
  },
  scope: 'file',
  check(ctx) {
    const out: RuleFinding[] = [];
    const visit = (value: string, index: number, def: Definition) => {
      if (sameAsAbove(value)) return;
      for (const problem of problemsOf(value)) {
        out.push({
          path: entryPath(def, index),
          ...describe(problem, value),
          ...('fixed' in problem && problem.kind !== 'doc-no-unclosed' ? { fix: bracketFix(value, problem) } : {}),
        });
      }
    };
    const defs = definitions(ctx, 'basis');
    for (let d = 0; d < defs.length; d++) forEachString(defs[d]!, visit);
    return out;
  },
};
