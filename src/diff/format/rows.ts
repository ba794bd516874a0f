import { printable } from '../../report/printable.js';
import type { ChangeSeverity } from '../policy.js';
import type { LocatedChange, PairDiff } from '../report.js';
import type { ChangeClass } from '../types.js';
import type { DiffFormatContext } from './types.js';
import { diffWords } from './words.js';

/** One change as a row of a table an office reads: what, where, before and after; catalog text with its control characters as signs. */
export interface ChangeRow {
  id: string;
  domain: string;
  unit: string;
  class: ChangeClass;
  classLabel: string;
  severity: ChangeSeverity;
  kind: string;
  level: string;
  /** The item's names from the 一级事项 down, joined by ›. */
  item: string;
  /** The element that changed (公开方式 …), for field changes. */
  field: string;
  before: string;
  after: string;
  beforeAt: string;
  afterAt: string;
}

// Catalog text and file names are shown with their control characters as signs (they may be written over several lines).
const path = (names: readonly string[]) => printable(names.join(' › '));
const values = (v: readonly string[]) => printable(v.join('、'), true) || '—';
const at = (show: (file: string) => string, file?: string, line?: number, cell?: string) =>
  file && line ? printable(`${show(file)}:${line}`) : file && cell ? printable(`${show(file)} ${cell}`) : '';

/** How a report names a file: as the context says, else as given. */
export const fileShown = (ctx: Pick<DiffFormatContext, 'showFile'>): ((file: string) => string) =>
  ctx.showFile ?? ((file) => file);

/** The rows of one compared catalog. */
export function pairRows(pair: PairDiff, ctx: Pick<DiffFormatContext, 'lang' | 'policy' | 'showFile'>): ChangeRow[] {
  const w = diffWords(ctx.lang, ctx.policy);
  const show = fileShown(ctx);
  return pair.changes.map((c: LocatedChange) => {
    const item = 'after' in c ? c.after : c.before;
    // Channels added or taken away are listed on their side, named as such: 减少：公告栏 before, 增加：… after.
    const channels = printable(w.channels(c), true);
    const [before, after] =
      c.kind === 'changed' && channels
        ? c.removed
          ? [channels, '']
          : ['', channels]
        : c.kind === 'changed'
          ? [values(c.from), values(c.to)]
          : c.kind === 'added'
            ? ['', path(c.after.names)]
            : c.kind === 'removed'
              ? [path(c.before.names), '']
              : [path(c.before.names), path(c.after.names)];
    return {
      id: c.id,
      domain: printable(pair.domain),
      unit: printable(pair.unit),
      class: c.class,
      classLabel: printable(w.klass(c)),
      severity: c.severity,
      kind: w.kind(c),
      level: w.level(item.depth),
      item: path(item.names),
      field: c.kind === 'changed' ? w.field(c.field) : '',
      before,
      after,
      beforeAt: at(show, pair.before, c.beforeLine, c.beforeCell),
      afterAt: at(show, pair.after, c.afterLine, c.afterCell),
    };
  });
}
