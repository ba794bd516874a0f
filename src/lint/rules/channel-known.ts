import { matchName } from '../../catalog/vocabulary.js';
import { closest, isSameAsAbove, looksLikeList } from '../../util/text.js';
import { LIST_HINT } from '../hints.js';
import { definitions, everyString } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

/** Channels are the standard ones, spelled as the standard spells them. */
export const channelKnown: FileRule = {
  id: 'channel-known',
  severity: 'warning',
  description: {
    zh: '公开渠道使用标准名称；标准之外的渠道写在 other_channels。',
    en: 'Channels use the standard names; others go in other_channels.',
  },
  scope: 'file',
  check(ctx) {
    const { channels, channelAliases } = ctx.vocabulary;
    const out: RuleFinding[] = [];
    const isStandard = (value: string) => channels.has(value);
    const defs = definitions(ctx, 'channels');
    for (let d = 0; d < defs.length; d++) {
      const def = defs[d]!;
      // Standard names, as nearly all are, need no more than a look-up.
      if (everyString(def, isStandard)) continue;
      const matches = def.entries.map((entry) => matchName(entry.value, channels, channelAliases));
      // What each entry stands for: a standard name is written only where it would not repeat another entry.
      const meant = matches.map((match, i) => (match.kind === 'variant' ? match.standard : def.entries[i]!.value));
      def.entries.forEach((entry, i) => {
        const match = matches[i]!;
        if (isSameAsAbove(entry.value) || match.kind === 'known') return;
        const guess = match.kind === 'unknown' ? closest(entry.value, channels) : undefined;
        const fixable =
          match.kind === 'variant' &&
          !looksLikeList(entry.value) &&
          meant.indexOf(match.standard) === meant.lastIndexOf(match.standard);
        out.push({
          path: entry.path,
          message: {
            zh: `“${entry.value}”不是标准的公开渠道名称。`,
            en: `"${entry.value}" is not a standard channel name.`,
          },
          hint: looksLikeList(entry.value)
            ? LIST_HINT
            : match.kind === 'variant'
              ? { zh: `应为“${match.standard}”。`, en: `The standard name is "${match.standard}".` }
              : guess
                ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
                : {
                    zh: '如果这是本地特有的渠道，请把它移到 other_channels（即表格中“其他:”后所填的内容）。',
                    en: 'If it is a local channel, move it to other_channels (what the table writes after "其他:").',
                  },
          ...(fixable
            ? {
                fix: {
                  kind: 'replace' as const,
                  value: match.standard,
                  description: {
                    zh: `改为标准名称“${match.standard}”。`,
                    en: `Write the standard name "${match.standard}".`,
                  },
                },
              }
            : {}),
        });
      });
    }
    return out;
  },
};
