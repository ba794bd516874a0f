import { matchName } from '../../catalog/vocabulary.js';
import { closest } from '../../util/text.js';
import type { FileRule } from '../types.js';

/** The domain is one of the 26 pilot domains (or a known local one), under its current name. */
export const domainKnown: FileRule = {
  id: 'domain-known',
  severity: 'warning',
  description: {
    zh: '领域使用26个试点领域（或已知地方领域）的现行名称。',
    en: 'The domain is one of the 26 pilot domains (or a known local one), under its current name.',
  },
  scope: 'file',
  check(ctx) {
    const domain = ctx.catalog.catalog.domain;
    if (typeof domain !== 'string' || domain === '') return [];
    const match = matchName(domain, ctx.vocabulary.domains, ctx.vocabulary.domainAliases, '领域');
    if (match.kind === 'known') return [];
    const guess = match.kind === 'unknown' ? closest(domain, ctx.vocabulary.domains) : undefined;
    return [
      {
        path: ['domain'],
        message: { zh: `“${domain}”不是已知的领域名称。`, en: `"${domain}" is not a known domain.` },
        hint:
          match.kind === 'variant'
            ? { zh: `现行名称为“${match.standard}”。`, en: `The current name is "${match.standard}".` }
            : guess
              ? { zh: `是否想写“${guess}”？`, en: `Did you mean "${guess}"?` }
              : {
                  zh: '地方增设的领域请在配置文件的 vocabulary.domains 中登记。',
                  en: 'Register local domains under vocabulary.domains in the configuration.',
                },
      },
    ];
  },
};
