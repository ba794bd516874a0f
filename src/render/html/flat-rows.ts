import type { Column, Row } from '../table-model.js';
import type { RenderInput } from '../types.js';
import type { MarkKind } from './marks.js';

/**
 * A cell of the flat copy of a row: every column filled, merged values repeated, with its column's label
 * (shown on a card, hidden in print). `list` holds the chosen channels, shown as a list on a card.
 */
export interface FlatCellView {
  label: string;
  text: string;
  header: boolean;
  cls: string;
  /** Set where the text holds √, ■ or □, each of which the template gives words for screen readers. */
  marks?: MarkKind;
  list?: string[];
}

/** A line of a card in words, e.g. 公开对象：全社会、特定群体（申请人）. */
export interface FactView {
  label: string;
  value: string;
}

/** The flat copy of a row: printed as a table row that names its 一级事项, shown on a phone as a card. */
export interface FlatRowView {
  cells: FlatCellView[];
  facts: FactView[];
}

/** Which glyphs a column's cells hold, if any: ticks, or the channel checklist's boxes. */
export function marksOf(column: Column): { marks?: MarkKind } {
  if (column.kind === 'tick') return { marks: 'tick' };
  return column.id === 'channels' ? { marks: 'glyphs' } : {};
}

/** The chosen channels of a row in words: the standard ones ticked, then the others. */
function channelList(row: Row): string[] {
  const f = row.item.fields;
  const others = f.other_channels;
  const chosen = f.channels.filter((c) => c !== '其他');
  if (f.channels.includes('其他') && others.length === 0) chosen.push('其他');
  return [...chosen, ...others];
}

/** The tick groups (公开对象, 公开方式, 公开层级) in words: the ticked labels, each with its note. */
function factsOf(columns: readonly Column[], row: Row): FactView[] {
  const facts: FactView[] = [];
  columns.forEach((column, c) => {
    if (column.kind !== 'tick') return;
    const label = column.group ?? column.label;
    let fact = facts.find((f) => f.label === label);
    if (!fact) facts.push((fact = { label, value: '' }));
    const text = row.cells[c]!.text;
    if (text === '') return;
    const note = /（([\s\S]*)）$/.exec(text)?.[1];
    fact.value += `${fact.value === '' ? '' : '、'}${column.label}${note ? `（${note}）` : ''}`;
  });
  for (const fact of facts) if (fact.value === '') fact.value = '无';
  return facts;
}

/** The flat copy of each row of a catalog, for print and phones. Pure. */
export function flatRowsOf(input: RenderInput, classOf: (column: Column) => string): FlatRowView[] {
  const { columns, rows } = input.table;
  return rows.map((row) => ({
    cells: columns.map((column, c) => ({
      label: column.label,
      text: row.cells[c]!.text,
      header: column.kind === 'seq',
      cls: classOf(column),
      ...marksOf(column),
      ...(column.id === 'channels' ? { list: channelList(row) } : {}),
    })),
    facts: factsOf(columns, row),
  }));
}
