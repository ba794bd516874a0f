import type { Lang } from '../../i18n.js';
import type { AgainstStats, StatsReport } from '../types.js';

/**
 * The line a pull request's summary ends with: the catalogs after the change and what it added (and took
 * away), worded as offices word it: 本次变更后：25个领域、149个一级事项、1941个二级事项（+17 / +842）.
 */
export function afterChangeLine(after: StatsReport, against: AgainstStats, lang: Lang): string {
  const { domains, counts } = after.total;
  const { added, removed } = against.total;
  const gone = removed.level1 + removed.level2 > 0;
  if (lang === 'en') {
    const minus = gone ? `, −${removed.level1} / −${removed.level2}` : '';
    return `After this change: ${domains} domain${domains === 1 ? '' : 's'}, ${counts.level1} first-level items, ${counts.level2} second-level items (+${added.level1} / +${added.level2}${minus})`;
  }
  const minus = gone ? `，−${removed.level1} / −${removed.level2}` : '';
  return `本次变更后：${domains}个领域、${counts.level1}个一级事项、${counts.level2}个二级事项（+${added.level1} / +${added.level2}${minus}）`;
}
