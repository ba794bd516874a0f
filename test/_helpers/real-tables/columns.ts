import type { CatalogSample } from './samples.js';

/** The tick-cell groups, in the order catalogs print them. */
export const MARK_GROUPS = ['audience', 'method', 'levels'] as const;
export type MarkGroupName = (typeof MARK_GROUPS)[number];

/** What a column holds. `extra` is any column outside the standard set (e.g. 事项类型). */
export type Role =
  'seq' | 'first' | 'second' | 'content' | 'basis' | 'time_limit' | 'subject' | 'channels' | MarkGroupName | 'extra';

/** One leaf column of a sample's table, with the labels as the page shows them. */
export interface Column {
  /** The label of the merged group cell above this column, or `null` for a label spanning both header rows. */
  group: string | null;
  label: string;
  role: Role;
}

/**
 * Header cells as the page showed them, where the sample's `header` is a normalised reading.
 * 锡林浩特: `header_raw` has no 公开事项 group (一级/二级 each span both rows), group labels with stray
 * spaces ('公开 对象') and blank labels for 一级事项, 全社会/特定群体 (one blank for both) and 依申请;
 * `header`'s '(事项编码)' / '(编码)' are the transcriber's explanations of the code columns.
 */
const SHOWN_HEADERS: Readonly<Record<string, readonly (readonly [string | null, string])[]>> = {
  'xilinhaote-weishengjiankang': [
    [null, '序号'],
    [null, ''],
    [null, '二级 事项'],
    [null, '公开内容 (要素)'],
    [null, '公开依据'],
    [null, '公开 时限'],
    [null, '公开 主体'],
    [null, '公开渠道和载体'],
    ['公开 对象', ''],
    ['公开 对象', ''],
    ['公开 方式', '主动'],
    ['公开 方式', ''],
    ['公开 层级', '县级'],
    ['公开 层级', '乡级'],
  ],
};

/** A label without the transcriber's remarks such as ' (sic)' or ' (sic — 公开主体 truncated)'. */
export function stripRemarks(text: string): string {
  return text.replace(/\s*\(sic\b[^)]*\)/g, '');
}

// Pinyin glosses that mirror sites insert after converted characters: 公開內(nèi)容.
const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;

function normalise(text: string): string {
  return stripRemarks(text).replace(PINYIN_GLOSS, '').replace(/\s+/g, '');
}

function roleOf(group: string | null, label: string): Role {
  const g = group === null ? null : normalise(group);
  const l = normalise(label);
  if (g !== null) {
    if (/^公[开開][对對]象/.test(g)) return 'audience';
    if (/^公[开開]方式/.test(g)) return 'method';
    if (/^公[开開][层層][级級]/.test(g)) return 'levels';
    if (/^公[开開]事[项項]/.test(g) && /^一[级級]/.test(l)) return 'first';
    if (/^公[开開]事[项項]/.test(g) && /^二[级級]/.test(l)) return 'second';
    return 'extra';
  }
  if (/^序[号號]/.test(l)) return 'seq';
  if (/^公[开開]事[项項]$/.test(l)) return 'first';
  if (/^公[开開][内內]容/.test(l)) return 'content';
  if (/^公[开開]依[据據]/.test(l)) return 'basis';
  if (/^公[开開][时時]限/.test(l)) return 'time_limit';
  if (/^公[开開]渠道/.test(l)) return 'channels';
  if (/^公[开開](主|$)/.test(l)) return 'subject';
  return 'extra';
}

/** The leaf columns of a sample, in order, with the labels the page shows and each column's role. */
export function sampleColumns(sample: CatalogSample): Column[] {
  const shown = SHOWN_HEADERS[sample.id];
  if (shown && shown.length !== sample.header.length)
    throw new Error(`${sample.id}: shown header does not fit the sample's header`);
  return sample.header.map((entry, i) => {
    const slash = entry.indexOf('/');
    const group = slash < 0 ? null : entry.slice(0, slash);
    const label = slash < 0 ? entry : entry.slice(slash + 1);
    const [shownGroup, shownLabel] = shown?.[i] ?? [group, label];
    return {
      group: shownGroup === null ? null : stripRemarks(shownGroup),
      label: stripRemarks(shownLabel),
      role: roleOf(group, label),
    };
  });
}

/** The indices of the columns of one tick group, in order. */
export function markColumnIndices(columns: readonly Column[], group: MarkGroupName): number[] {
  return columns.flatMap((c, i) => (c.role === group ? [i] : []));
}
