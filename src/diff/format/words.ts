import type { Lang } from '../../i18n.js';
import { DEFAULT_POLICY, type ClassPolicy } from '../policy.js';
import type { ChangeClass, DiffCounts, MetadataChange } from '../types.js';
import type { LocatedChange } from '../report.js';

const KIND = {
  zh: { added: '新增', removed: '删除', renamed: '改名', moved: '移动', changed: '修改' },
  en: { added: 'added', removed: 'removed', renamed: 'renamed', moved: 'moved', changed: 'changed' },
} as const;
const CLASS = {
  zh: { reduces: '减少公开', extends: '扩大公开', editorial: '文字修改' },
  en: { reduces: 'reduces disclosure', extends: 'extends disclosure', editorial: 'editorial' },
} as const;
const LEVEL = {
  zh: ['', '一级事项', '二级事项', '三级事项'],
  en: ['', 'level-1 item', 'level-2 item', 'level-3 item'],
} as const;
const FIELD: Record<string, string> = {
  content: '公开内容',
  basis: '公开依据',
  time_limit: '公开时限',
  subject: '公开主体',
  channels: '公开渠道和载体',
  audience: '公开对象',
  specific_group: '特定群体说明',
  method: '公开方式',
  levels: '公开层级',
  extra: '附加栏目',
};

const METADATA = {
  zh: { version: '版本', date: '日期' },
  en: { version: 'Version', date: 'Date' },
} as const;

/** The words of a diff report, in one language; class names as the policy renames them. */
export function diffWords(lang: Lang, policy: ClassPolicy = DEFAULT_POLICY) {
  const className = (k: ChangeClass) => policy[k].label ?? CLASS[lang][k];
  return {
    kind: (c: LocatedChange) => KIND[lang][c.kind],
    klass: (c: LocatedChange) => className(c.class),
    className,
    level: (depth: number) => LEVEL[lang][depth] ?? '',
    field: (key: string) => (lang === 'zh' ? (FIELD[key] ?? key) : `${key} (${FIELD[key] ?? key})`),
    /** 版本：2024版 → 2025版；日期：2024-05-20 → 2025-03-01 — empty when neither changed. Catalog text as written. */
    metadata: (changes: readonly MetadataChange[] = []) =>
      changes
        .map((m) => `${METADATA[lang][m.field]}${lang === 'zh' ? '：' : ': '}${m.from} → ${m.to}`)
        .join(lang === 'zh' ? '；' : '; '),
    /** What goes between the version and the date. */
    metadataSeparator: lang === 'zh' ? '；' : '; ',
    /** 增加：政府网站、政务新媒体 or 减少：公告栏, for the channels a change adds or takes away; empty for other changes. */
    channels: (c: LocatedChange) => {
      if (c.kind !== 'changed' || !(c.added ?? c.removed)) return '';
      const zh = lang === 'zh';
      const label = c.added ? (zh ? '增加' : 'added') : zh ? '减少' : 'removed';
      return `${label}${zh ? '：' : ': '}${(c.added ?? c.removed)!.join('、')}`;
    },
    /** Headers of the count columns, in the order of `countValues`. */
    countHeaders:
      lang === 'zh'
        ? [
            '新增一级事项',
            '新增二级事项',
            '删除一级事项',
            '删除二级事项',
            '修改事项',
            className('reduces'),
            className('extends'),
            className('editorial'),
          ]
        : [
            'Level-1 added',
            'Level-2 added',
            'Level-1 removed',
            'Level-2 removed',
            'Items changed',
            className('reduces'),
            className('extends'),
            className('editorial'),
          ],
    /** 新增17个一级事项、842个二级事项 — or, against a baseline, 较基准目录新增…. */
    summary(counts: DiffCounts, baseline: boolean): string {
      const { added, removed, changed } = counts;
      if (lang === 'zh') {
        return `${baseline ? '较基准目录' : ''}新增${added.level1}个一级事项、${added.level2}个二级事项，删除${removed.level1}个一级事项、${removed.level2}个二级事项，修改${changed}个事项`;
      }
      return `${baseline ? 'Against the baseline: ' : ''}${added.level1} level-1 and ${added.level2} level-2 items added, ${removed.level1} and ${removed.level2} removed, ${changed} items changed`;
    },
  };
}

/** The counts of a catalog or of the whole report, in the order of `countHeaders`. */
export function countValues(c: DiffCounts): number[] {
  return [
    c.added.level1,
    c.added.level2,
    c.removed.level1,
    c.removed.level2,
    c.changed,
    c.byClass.reduces,
    c.byClass.extends,
    c.byClass.editorial,
  ];
}
