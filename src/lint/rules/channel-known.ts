import { matchName } from '../../catalog/vocabulary.js';
import { closest, isSameAsAbove, looksLikeList } from '../../util/text.js';
import { LIST_HINT } from '../hints.js';
import { definitions } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** Channels are the standard ones, spelled as the standard spells them. */
export const channelKnown: FileRule = {
  id: 'channel-known',
  severity: 'warning',
  description: { zh: '公开渠道使用标准名称；标准之外的渠道写在 other_channels。', en: 'Channels use the standard names; others go in other_channels.' },
  scope: 'file',
  check(ctx) {
    const { channels, channelAliases } = ctx.vocabulary;
    const out: RuleFinding[] = [];
    for (const def of definitions(ctx, 'channels')) {
      for (const entry of def.entries) {
        if (isSameAsAbove(entry.value)) continue;
        const match = matchName(entry.value, channels, channelAliases);
        if (match.kind === 'known') continue;
        const guess = match.kind === 'unknown' ? closest(entry.value, channels) : undefined;
        out.push({
          path: entry.path,
          message: { zh: `“${entry.value}”不是标准的公开渠道名称。`, en: `"${entry.value}" is not a standard channel name.` },
          hint: looksLikeList(entry.value)
            ? LIST_HINT
            : match.kind === 'variant'
              ? { zh: `应为“${match.standard}”。`, en: `The standard name is "${match.standard}".` }
              : guess
                ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
                : { zh: '如果这是本地特有的渠道，请把它移到 other_channels（即表格中“其他:”后所填的内容）。', en: 'If it is a local channel, move it to other_channels (what the table writes after "其他:").' },
        });
      }
    }
    return out;
  },
};
