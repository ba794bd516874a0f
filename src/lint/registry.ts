import { applyTimeLimit } from './rules/apply-time-limit.js';
import { audienceConsistent } from './rules/audience-consistent.js';
import { audienceRequired } from './rules/audience-required.js';
import { basisCitation } from './rules/basis-citation.js';
import { channelKnown } from './rules/channel-known.js';
import { channelRequired } from './rules/channel-required.js';
import { codeUnique } from './rules/code-unique.js';
import { contentRequired } from './rules/content-required.js';
import { domainKnown } from './rules/domain-known.js';
import { elementsPresent } from './rules/elements-present.js';
import { extraDeclared } from './rules/extra-declared.js';
import { itemUnique } from './rules/item-unique.js';
import { levelKnown } from './rules/level-known.js';
import { levelRequired } from './rules/level-required.js';
import { methodRequired } from './rules/method-required.js';
import { methodSingle } from './rules/method-single.js';
import { noSameAsAbove } from './rules/no-same-as-above.js';
import { otherChannelNamed } from './rules/other-channel-named.js';
import { textWhitespace } from './rules/text-whitespace.js';
import { timeLimitParses } from './rules/time-limit-parses.js';
import type { Rule } from './types.js';

/** Every lint rule, in the order of the table's columns and then by scope. */
export const RULES = [
  domainKnown,
  itemUnique,
  codeUnique,
  contentRequired,
  elementsPresent,
  basisCitation,
  timeLimitParses,
  applyTimeLimit,
  channelRequired,
  channelKnown,
  otherChannelNamed,
  audienceRequired,
  audienceConsistent,
  methodRequired,
  methodSingle,
  levelRequired,
  levelKnown,
  extraDeclared,
  noSameAsAbove,
  textWhitespace,
] as const satisfies readonly Rule[];

/** Look a rule up by id. */
export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
