import { PINYIN_GLOSS, toSimplified } from './simplify.js';

/** What a column of a catalog table holds. */
export type ColumnRole =
  | { role: 'seq' }
  | { role: 'code' }
  | { role: 'item'; depth: 1 | 2 | 3 }
  | { role: 'field'; field: 'content' | 'basis' | 'time_limit' | 'subject' | 'channels' }
  | { role: 'audience'; value: '全社会' | '特定群体' }
  | { role: 'method'; value: '主动' | '依申请' }
  | { role: 'level'; name: string }
  /** One column of a one-row header naming a group (公开对象, 公开方式) whose cells write the values: 全社会、特定群体. */
  | { role: 'values'; group: '公开对象' | '公开方式'; name: string }
  | { role: 'extra'; name: string };

/** A header label reduced for matching: no pinyin glosses, notes in brackets, spaces or traditional forms. */
export function labelKey(label: string): string {
  return toSimplified(
    label
      .replace(PINYIN_GLOSS, '') // 公開(kāi) — pinyin glosses of mirror sites
      .replace(/[(（][^)）]*(表示|选择|選擇|必选|必選|可选|可選)[^)）]*[)）]/g, '') // (“■”表示必选项…)
      .normalize('NFKC')
      .replace(/[\s\u00a0\u3000]+/g, ''),
  );
}

/** The label as it should name a column of the catalog (level columns, extra columns): glosses and spaces removed. */
export function columnName(label: string): string {
  return label
    .replace(PINYIN_GLOSS, '')
    .replace(/[\s\u00a0\u3000]+/g, '')
    .trim();
}

const SEQ = /^(序号|编号|序)$/;
const CODE = /^(事项编码|编码|序号\(事项编码\)|事项代码)$/;

/** The role of a single (not grouped) header label, or undefined when it names no known column. */
export function singleRole(label: string): ColumnRole | undefined {
  const key = labelKey(label);
  if (SEQ.test(key)) return { role: 'seq' };
  if (CODE.test(key)) return { role: 'code' };
  if (/^(一级事项|一级|一级事项\(编码\)|公开事项|事项名称|事项)$/.test(key)) return { role: 'item', depth: 1 };
  if (/^二级(事项)?$/.test(key)) return { role: 'item', depth: 2 };
  if (/^三级(事项)?$/.test(key)) return { role: 'item', depth: 3 };
  if (/^公开内容/.test(key)) return { role: 'field', field: 'content' };
  if (/^公开依据/.test(key)) return { role: 'field', field: 'basis' };
  if (/^公开时限/.test(key)) return { role: 'field', field: 'time_limit' };
  if (/^公开主体?$|^公开主体|^发布主体|^责任主体$/.test(key) && key !== '公开')
    return { role: 'field', field: 'subject' };
  if (/^公开(渠道|载体)/.test(key)) return { role: 'field', field: 'channels' };
  return undefined;
}

/** The role of a sub-column under a group head (公开对象, 公开方式, 公开层级), or undefined. */
export function groupRole(group: string, label: string): ColumnRole | undefined {
  const g = labelKey(group);
  const key = labelKey(label);
  if (/^公开对象|^对象/.test(g)) {
    if (/^(全社会|社会|社会公众|公众)$/.test(key)) return { role: 'audience', value: '全社会' };
    if (/^特定/.test(key)) return { role: 'audience', value: '特定群体' };
  }
  if (/^公开方式|^方式/.test(g)) {
    if (/^主动(公开)?$/.test(key)) return { role: 'method', value: '主动' };
    if (/^(依申请|申请)(公开)?$/.test(key)) return { role: 'method', value: '依申请' };
  }
  if (/^公开层级|^层级/.test(g) && key) return { role: 'level', name: columnName(label) };
  if (/^公开事项|^事项/.test(g)) return singleRole(label);
  return undefined;
}

/** The role of a column whose header names a 公开对象 or 公开方式 group and has no sub-labels under it. */
export function valuesRole(label: string): ColumnRole | undefined {
  const key = labelKey(label);
  if (key === '公开对象' || key === '公开方式') return { role: 'values', group: key, name: columnName(label) };
  return undefined;
}

/** Whether a label heads a group of tick columns, or of item columns. */
export function isGroupHead(label: string): boolean {
  return /^(公开对象|公开方式|公开层级|公开事项)$/.test(labelKey(label));
}

/** The first character of every key {@link singleRole} or {@link isGroupHead} knows. */
const KEY_STARTS = new Set(['序', '编', '事', '一', '二', '三', '公', '发', '责']);

/**
 * Whether a label's first character rules out every known column: a character that {@link labelKey}
 * neither removes nor changes into another (printable ASCII other than `(`; a CJK unified ideograph, which
 * it only simplifies) and that, simplified, starts no known key. Most body cells are told this way.
 */
function namesNoColumn(label: string): boolean {
  const c = label.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return c !== 0x28;
  if (c >= 0x4e00 && c <= 0x9fff) return !KEY_STARTS.has(toSimplified(toSimplified(label[0]!)));
  return false;
}

/** Labels already looked at: the key of one that names a known column, '' for one that does not. */
const headerKeys = new Map<string, string>();

/** Labels that make a row look like a catalog table's header; a row with several of them is one. */
export function headerScore(labels: readonly string[]): number {
  const keys = new Set<string>();
  for (const label of labels) {
    if (label === '' || namesNoColumn(label)) continue;
    let key = headerKeys.get(label);
    if (key === undefined) {
      const k = labelKey(label);
      key = k && (singleRole(k) || isGroupHead(k)) ? k : '';
      if (headerKeys.size >= 10_000) headerKeys.clear();
      headerKeys.set(label, key);
    }
    if (key) keys.add(key);
  }
  return keys.size;
}

/** Whether a header says ■ marks a 必选 (mandatory) option rather than a chosen one. */
export function hasMandatoryLegend(label: string): boolean {
  return /[■▄◆]?[”"]?\s*表示\s*必[选選]/.test(label) || /必[选選]项/.test(toSimplified(label));
}
