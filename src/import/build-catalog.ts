import type { Vocabulary } from '../catalog/vocabulary.js';
import type { Catalog, ItemFields } from '../catalog/types.js';
import { readChannels } from './channels.js';
import type { FoundTable } from './find-tables.js';
import { note, type ImportNote } from './notes.js';
import type { TableRow } from './read-rows.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
type Fields = Mutable<ItemFields> & { extra?: Record<string, string> };
type Item = Fields & { name: string; code?: string; items?: Item[] };

/** Extra column holding what a channel cell says besides channel names (a “注:…” line). */
export const CHANNEL_NOTE_COLUMN = '公开渠道和载体说明';

/**
 * 公开内容 and 公开依据 written one element per line (a paragraph each in Word) become lists, each line kept
 * exactly; a 公开依据 cell splits only when every line cites a document (《…》, 【…】 or a numbered entry),
 * so a citation wrapped onto a second line stays whole.
 */
function elements(text: string, kind: 'content' | 'basis'): string | string[] {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  if (lines.length < 2 || lines.some((l) => l.trim() === '')) return text;
  if (kind === 'basis' && !lines.every((l) => /《|【|^\s*[(（]?\d+[)）.、．]/.test(l))) return text;
  return lines;
}

/**
 * A parent item's code written before its name (“01 政策文件”), as tables with a 事项编码 column do for
 * merged parent cells: split off when the row's own code starts with it.
 */
function splitCode(text: string, childCode: string | undefined): { name: string; code?: string } {
  const m = /^(\S+)\s+([\s\S]+)$/.exec(text);
  if (!m || !childCode || childCode === m[1] || !childCode.startsWith(m[1]!)) return { name: text };
  return { name: m[2]!, code: m[1]! };
}

/**
 * `extra` with one more column: a new object without a prototype, so a column named by the table
 * (`__proto__`, `constructor`) is an entry like any other.
 */
function withExtra(extra: Record<string, string> | undefined, column: string, value: string): Record<string, string> {
  const copy: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, extra);
  copy[column] = value;
  return copy;
}

/** The elements of one row, read from its cells. */
function rowFields(row: TableRow, vocabulary: Vocabulary, notes: ImportNote[]): Fields {
  const f: Fields = {};
  for (const key of ['content', 'basis'] as const) {
    const cell = row.text[key];
    if (cell) f[key] = elements(cell.text, key);
  }
  for (const key of ['time_limit', 'subject'] as const) {
    const cell = row.text[key];
    if (cell) f[key] = cell.text;
  }
  const channelCell = row.text.channels;
  if (channelCell) {
    const cell = readChannels(channelCell.text, vocabulary);
    if (cell.channels.length) f.channels = cell.channels;
    if (cell.other.length) f.other_channels = cell.other;
    for (const m of cell.mapped)
      notes.push(
        note(
          'channel-mapped',
          'info',
          channelCell.ref,
          `渠道“${m.from}”按标准名称记为“${m.to}”。`,
          `Channel “${m.from}” recorded as the standard “${m.to}”.`,
        ),
      );
    for (const u of cell.unknown)
      notes.push(
        note(
          'channel-unknown',
          'warning',
          channelCell.ref,
          `渠道“${u}”不在标准渠道中，记为其他渠道。`,
          `Channel “${u}” is not a standard one; recorded as another channel.`,
        ),
      );
    if (cell.rest) {
      f.extra = withExtra(f.extra, CHANNEL_NOTE_COLUMN, cell.rest);
      notes.push(
        note(
          'channel-note',
          'info',
          channelCell.ref,
          `渠道单元格中的说明文字保留在附加栏目“${CHANNEL_NOTE_COLUMN}”。`,
          `The note in the channel cell is kept in the extra column “${CHANNEL_NOTE_COLUMN}”.`,
        ),
      );
    }
  }
  const marks = <M extends { mark: { kind: string; text?: string }; ref: string; label: string }, V extends string>(
    group: M[],
    valueOf: (m: M) => V,
    what: string,
  ) => {
    const on: V[] = [];
    for (const m of group) {
      const value = valueOf(m);
      if (m.mark.kind === 'on') {
        on.push(value);
        const said = (m.mark as { text?: string }).text;
        if (said && value === '特定群体') f.specific_group = said;
        else if (said) f.extra = withExtra(f.extra, `${what}/${m.label.trim()}`, said);
      } else if (m.mark.kind === 'text') {
        const text = (m.mark as { text: string }).text;
        if (value === '特定群体') {
          on.push(value);
          f.specific_group = text;
        } else {
          f.extra = withExtra(f.extra, `${what}/${m.label.trim()}`, text);
          notes.push(
            note(
              'mark-text',
              'warning',
              m.ref,
              `勾选栏中写的是文字“${text}”，不是勾；保留在附加栏目，请核对。`,
              `The tick cell holds the text “${text}”, not a tick; kept as an extra column: check it.`,
            ),
          );
        }
      }
    }
    return on;
  };
  // One 公开对象 or 公开方式 is written as a value, as people write it; both ticked stay a list.
  const audience = marks(row.audience, (m) => m.value, '公开对象');
  if (audience.length) f.audience = audience.length === 1 ? audience[0]! : audience;
  const method = marks(row.method, (m) => m.value, '公开方式');
  if (method.length) f.method = method.length === 1 ? method[0]! : method;
  const levels = marks(row.levels, (l) => l.name, '公开层级');
  if (levels.length) f.levels = levels;
  for (const [name, v] of Object.entries(row.extra)) f.extra = withExtra(f.extra, name, v.text);
  return f;
}

const HOISTED = [
  'basis',
  'time_limit',
  'subject',
  'channels',
  'other_channels',
  'audience',
  'specific_group',
  'method',
  'levels',
] as const;

/** Move a value every one of `items` writes alike up to `parent`, so the file says it once; extra columns one by one. */
function hoist(parent: Fields, items: Item[]): void {
  if (items.length < 2) return;
  const moved = new Set<string>();
  for (const key of HOISTED) {
    const first = items[0]![key];
    if (first === undefined) continue;
    // Compared as JSON; a string (most values) is equal only to the same string.
    const json = JSON.stringify(first);
    if (!items.every(typeof first === 'string' ? (i) => i[key] === first : (i) => JSON.stringify(i[key]) === json))
      continue;
    (parent as Record<string, unknown>)[key] = first;
    moved.add(key);
  }
  const movedColumns = new Set<string>();
  for (const [column, value] of Object.entries(items[0]!.extra ?? {})) {
    if (!items.every((i) => i.extra !== undefined && Object.hasOwn(i.extra, column) && i.extra[column] === value))
      continue;
    parent.extra = withExtra(parent.extra, column, value);
    movedColumns.add(column);
  }
  // Each item is copied without what moved up (rather than deleting keys, which leaves slow objects).
  if (moved.size > 0 || movedColumns.size > 0) {
    for (let j = 0; j < items.length; j++) items[j] = without(items[j]!, moved, movedColumns);
  }
}

/** A copy of an item without the keys and extra columns moved up to its parent; an `extra` left empty goes too. */
function without(item: Item, moved: ReadonlySet<string>, movedColumns: ReadonlySet<string>): Item {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(item)) {
    if (moved.has(key)) continue;
    const value = (item as Record<string, unknown>)[key];
    if (key === 'extra' && movedColumns.size > 0) {
      const extra = Object.create(null) as Record<string, string>;
      let kept = false;
      for (const [column, text] of Object.entries(value as Record<string, string>)) {
        if (movedColumns.has(column)) continue;
        extra[column] = text;
        kept = true;
      }
      if (kept) copy.extra = extra;
    } else copy[key] = value;
  }
  return copy as Item;
}

/**
 * Turn the rows of a table into catalog items: rows under the same 一级事项 (same name, one after another)
 * become its 二级事项; a row without a 二级事项 name is a 一级事项 of its own. Values the rows of a group all
 * share are written once on the 一级事项, and values all items share once under `defaults`. `rowsOf`, when
 * given, receives the rows each item was read from, by the item's JSON pointer (`/items/0/items/2`).
 */
export function buildItems(
  rows: TableRow[],
  table: FoundTable,
  vocabulary: Vocabulary,
  notes: ImportNote[],
  rowsOf?: Map<string, TableRow[]>,
): { items: Item[]; defaults: Fields } {
  const items: Item[] = [];
  const from = (pointer: string, row: TableRow) => {
    if (!rowsOf) return;
    const list = rowsOf.get(pointer);
    if (list) list.push(row);
    else rowsOf.set(pointer, [row]);
  };
  const hasLevel2 = table.columns.some((c) => c.role.role === 'item' && c.role.depth === 2);
  let group: Item | undefined;
  for (const row of rows) {
    const fields = rowFields(row, vocabulary, notes);
    const [n1, n2, n3] = row.names;
    const code = row.code?.text;
    if (!n1.trim() && !n2.trim()) {
      notes.push(
        note(
          'item-name-missing',
          'warning',
          row.ref,
          '这一行没有事项名称，已略过；它的内容见下一行之前的单元格。',
          'This row names no item and was skipped.',
        ),
      );
      continue;
    }
    if (!hasLevel2 || !n2.trim()) {
      const name = n1.trim() ? n1 : n2;
      if (hasLevel2 && n1.trim())
        notes.push(
          note(
            'item-name-missing',
            'warning',
            row.ref,
            `这一行没有二级事项名称，作为一级事项“${name}”导入。`,
            `This row has no 二级事项 name; imported as the 一级事项 “${name}”.`,
          ),
        );
      items.push({ name, ...(code ? { code } : {}), ...fields });
      from(`/items/${items.length - 1}`, row);
      group = undefined;
      continue;
    }
    const parent = splitCode(n1, code);
    if (!group || group.name !== parent.name || group.code !== parent.code) {
      group = { name: parent.name, ...(parent.code ? { code: parent.code } : {}), items: [] };
      items.push(group);
    }
    const groupAt = `/items/${items.length - 1}`;
    from(groupAt, row);
    const child: Item = { name: n2, ...(code ? { code } : {}), ...fields };
    if (n3.trim()) {
      const middle = splitCode(n2, code);
      const last = group.items!.at(-1);
      const parent =
        last && last.name === middle.name && last.code === middle.code && last.items
          ? last
          : { ...middle, items: [] as Item[] };
      if (parent !== last) group.items!.push(parent);
      parent.items!.push({ name: n3, ...(code ? { code } : {}), ...fields });
      const middleAt = `${groupAt}/items/${group.items!.length - 1}`;
      from(middleAt, row);
      from(`${middleAt}/items/${parent.items!.length - 1}`, row);
    } else {
      group.items!.push(child);
      from(`${groupAt}/items/${group.items!.length - 1}`, row);
    }
  }
  for (const item of items) {
    if (!item.items) continue;
    for (const child of item.items) if (child.items) hoist(child, child.items);
    hoist(item, item.items);
  }
  const defaults: Fields = {};
  hoist(defaults, items);
  return { items, defaults };
}

/** A catalog from its items and what the title says. */
export function assembleCatalog(parts: {
  domain?: string;
  unit?: string;
  title?: string;
  version?: string;
  levelColumns: string[];
  extraColumns: string[];
  defaults: Fields;
  items: Item[];
}): Catalog {
  return {
    ...(parts.domain ? { domain: parts.domain } : {}),
    ...(parts.title ? { title: parts.title } : {}),
    ...(parts.unit ? { unit: parts.unit } : {}),
    ...(parts.version ? { version: parts.version } : {}),
    ...(parts.levelColumns.length ? { level_columns: parts.levelColumns } : {}),
    ...(parts.extraColumns.length ? { extra_columns: parts.extraColumns } : {}),
    ...(Object.keys(parts.defaults).length ? { defaults: parts.defaults } : {}),
    items: parts.items,
  } as Catalog;
}
