import type { Node } from 'yaml';
import type { DataPath, TextEdit } from '../diagnostics.js';
import type { Text } from '../i18n.js';
import { valueAt } from '../catalog/labels.js';
import { yamlLib } from '../util/packages.js';
import type { PositionedDocument } from '../load/parse-positions.js';
import { cloneData } from './data.js';
import { resolveSameAsAbove } from './row-above.js';
import {
  columnOf,
  commentsIn,
  lineBreakOf,
  lineEnd,
  lineStart,
  nextLineStart,
  reindent,
  startsLine,
  trimBack,
} from './source-lines.js';
import type { ProposedFix } from './types.js';
import { hasAnchors, inFlow, nodeAt, type NodeAt } from './yaml-nodes.js';

const DELETE_TEXT: Text = {
  zh: '删除“同上”，由上级事项继承相同的值。',
  en: 'Remove “同上”: the item inherits the same value.',
};
const COPY_TEXT: Text = { zh: '把“同上”换成上一行的值。', en: 'Replace “同上” with the value of the row above.' };

/** Split a finding's path into the item that holds the “同上” and the field: `['time_limit']` or `['extra', '备注']`. */
function splitPath(path: DataPath): { holder: DataPath; field: string[] } | undefined {
  let end = 0;
  while (path[end] === 'items' && typeof path[end + 1] === 'number') end += 2;
  const holder = path.slice(0, end);
  const rest = path.slice(end);
  if (end === 0 || typeof rest[0] !== 'string') return undefined;
  if (rest[0] === 'extra')
    return rest.length === 2 && typeof rest[1] === 'string' ? { holder, field: ['extra', rest[1]] } : undefined;
  return rest.length === 1 || (rest.length === 2 && rest[1] === 0) ? { holder, field: [rest[0]] } : undefined;
}

/**
 * Where the text between a key and its value is only `:` and white space: the offset just after the
 * colon. Anything else there (a comment, a tag, an anchor) gives undefined.
 */
function afterColon(text: string, found: NodeAt): number | undefined {
  const key = found.pair?.key;
  if (!key?.range || !found.node.range) return undefined;
  const between = text.slice(key.range[1], found.node.range[0]);
  const m = /^[ \t]*:(?=\s*$)/.exec(between);
  return m ? key.range[1] + m[0].length : undefined;
}

/** Delete a pair's lines, keeping any comments on them as lines of their own. */
function deletePair(text: string, found: NodeAt): TextEdit | undefined {
  const key = found.pair?.key;
  const map = found.containers[found.containers.length - 1];
  if (!key?.range || !found.node.range || !map || map.flow || !startsLine(text, key.range[0])) return undefined;
  const start = lineStart(text, key.range[0]);
  const end = nextLineStart(text, trimBack(text, found.node.range[1], key.range[1]));
  const indent = ' '.repeat(columnOf(text, key.range[0]));
  const eol = lineBreakOf(text);
  return {
    start,
    end,
    text: commentsIn(text.slice(start, end))
      .map((c) => indent + c + eol)
      .join(''),
  };
}

/** The text of a value written elsewhere, re-indented to stand under a key at `column`. */
function copyText(
  text: string,
  origin: NodeAt,
  column: number,
): { first: string; rest: string[]; firstColumn: number } | undefined {
  const key = origin.pair?.key;
  if (!key?.range || !origin.node.range || hasAnchors(origin.node)) return undefined;
  const start = origin.node.range[0];
  const end = trimBack(text, origin.node.range[1], start);
  const delta = column - columnOf(text, key.range[0]);
  const [first, ...rest] = text.slice(start, end).split(/\r?\n/);
  const shifted = reindent(rest, delta);
  const firstColumn = columnOf(text, start) + delta;
  return shifted && first !== undefined && firstColumn >= 0 ? { first, rest: shifted, firstColumn } : undefined;
}

/** Replace the “同上” value at `target` with a copy of the value at `origin`. */
function copyEdit(text: string, target: NodeAt, origin: NodeAt): TextEdit | undefined {
  const { isCollection, isScalar } = yamlLib();
  const key = target.pair?.key;
  if (!key?.range || !target.node.range) return undefined;
  const copy = copyText(text, origin, columnOf(text, key.range[0]));
  if (!copy) return undefined;
  const eol = lineBreakOf(text);
  const source = origin.node;
  const blockCollection = isCollection(source) && !source.flow;
  const blockScalar = isScalar(source) && (source.type === 'BLOCK_LITERAL' || source.type === 'BLOCK_FOLDED');
  const blockList = isCollection(target.node) && !target.node.flow ? target.node : undefined;
  // A block list's range takes in the comment after its last entry; the entry ends before it.
  const lastEntry = blockList?.items[blockList.items.length - 1] as Node | undefined;
  const targetEnd = lastEntry?.range ? lastEntry.range[1] : trimBack(text, target.node.range[1], target.node.range[0]);

  if (!blockCollection && !blockScalar) {
    const inline = [copy.first, ...copy.rest].join(eol);
    if (!blockList) return { start: target.node.range[0], end: target.node.range[1], text: inline };
    const colon = afterColon(text, target);
    return colon === undefined ? undefined : { start: colon, end: targetEnd, text: ' ' + inline };
  }
  // A block value starts on the line below its key: take the rest of the key's line, keep its comments.
  if (inFlow(target)) return undefined;
  const colon = afterColon(text, target);
  if (colon === undefined) return undefined;
  const end = lineEnd(text, targetEnd);
  const comments = commentsIn(text.slice(colon, end));
  const note = comments.length > 0 ? ' ' + comments.join(' ') : '';
  const body = copy.rest.length > 0 ? eol + copy.rest.join(eol) : '';
  const replacement = blockScalar
    ? ` ${copy.first}${note}${body}`
    : `${note}${eol}${' '.repeat(copy.firstColumn)}${copy.first}${body}`;
  return { start: colon, end, text: replacement };
}

/** The fix of a “同上” at `path`, if there is a value above for it to stand for. */
export function sameAsAboveFix(parsed: PositionedDocument, data: unknown, path: DataPath): ProposedFix | undefined {
  const split = splitPath(path);
  if (!split) return undefined;
  const { holder, field } = split;
  const decision = resolveSameAsAbove(data, holder, field);
  if (!decision) return undefined;
  const where = [...holder, ...field];
  const target = nodeAt(parsed.doc, where);
  if (!target) return undefined;

  if (decision.kind === 'delete') {
    // An `extra` left with no column is removed whole.
    const extra = field[0] === 'extra' ? valueAt(data, [...holder, 'extra']) : undefined;
    const lastColumn = extra !== null && typeof extra === 'object' && Object.keys(extra).length === 1;
    const removed = lastColumn ? [...holder, 'extra'] : where;
    const pair = lastColumn ? nodeAt(parsed.doc, removed) : target;
    const edit = pair && deletePair(parsed.text, pair);
    return edit ? { description: DELETE_TEXT, edits: [edit], effect: { path: removed, removed: true } } : undefined;
  }
  const origin = nodeAt(parsed.doc, decision.from);
  const edit = origin && copyEdit(parsed.text, target, origin);
  return edit
    ? { description: COPY_TEXT, edits: [edit], effect: { path: where, value: cloneData(decision.value) } }
    : undefined;
}
