import type { LintRuleId, Severity } from '../diagnostics.js';
import type { Text } from '../i18n.js';
import type { FieldKey, ResolvedItem } from '../catalog/types.js';
import { itemLabel } from '../catalog/labels.js';
import { countLeaves, missingRoots } from './nodes.js';
import type { FileRule, RuleContext, RuleFinding } from './types.js';

/** How to phrase a missing element: “没有填写公开内容” / “has no 公开内容 (content)”. */
export interface MissingPhrase {
  zh: string;
  en: string;
}

/**
 * Report the items, at the highest level possible, where an element is missing from every row.
 * An element written with a wrong value counts as present: the schema has reported it already.
 */
export function reportMissing(
  ctx: RuleContext,
  keys: readonly FieldKey[],
  has: (item: ResolvedItem) => boolean,
  phrase: MissingPhrase,
  hint: Text,
): RuleFinding[] {
  const present = (item: ResolvedItem) => {
    if (has(item)) return true;
    // Written with a value the schema rejects: present, and reported by the schema.
    for (let k = 0; k < keys.length; k++) if (item.written.has(keys[k]!) && !item.origin[keys[k]!]) return true;
    return false;
  };
  return missingRoots(ctx.catalog.items, present).map((item) => {
    const label = itemLabel(item.depth, item.name, item.path[item.path.length - 1] as number);
    const rows = countLeaves(item);
    const message: Text =
      item.children.length === 0
        ? { zh: `${label.zh}${phrase.zh}。`, en: `${label.en} ${phrase.en}.` }
        : {
            zh: `${label.zh}及其下${rows}个事项都${phrase.zh}。`,
            en: `${label.en} and all ${rows} items under it ${phrase.en.replace(/^has/, 'have')}.`,
          };
    return { path: [...item.path, 'name'], ...(keys[0] ? { element: keys[0] } : {}), message, hint };
  });
}

/** A rule that every row must have an element, in effect. */
export function requiredElementRule(spec: {
  id: LintRuleId;
  severity: Severity;
  description: Text;
  /** The elements that satisfy the rule. */
  keys: readonly FieldKey[];
  has: (item: ResolvedItem, ctx: RuleContext) => boolean;
  applies?: (ctx: RuleContext) => boolean;
  phrase: MissingPhrase;
  hint: Text;
}): FileRule {
  return {
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    scope: 'file',
    check: (ctx) =>
      spec.applies && !spec.applies(ctx)
        ? []
        : reportMissing(ctx, spec.keys, (item) => spec.has(item, ctx), spec.phrase, spec.hint),
  };
}
