import type { DataPath } from '../diagnostics.js';
import type { Text } from '../i18n.js';

const DEPTH_NAMES: Record<number, Text> = {
  1: { zh: '一级事项', en: 'level-1 item' },
  2: { zh: '二级事项', en: 'level-2 item' },
  3: { zh: '三级事项', en: 'level-3 item' },
};

/** Name an item for a message: 二级事项“法律法规” / level-2 item "法律法规". */
export function itemLabel(depth: number, name: string, index?: number): Text {
  const kind = DEPTH_NAMES[depth] ?? DEPTH_NAMES[3]!;
  if (name) return { zh: `${kind.zh}“${name}”`, en: `${kind.en} "${name}"` };
  const n = (index ?? 0) + 1;
  return { zh: `第${n}个${kind.zh}`, en: `${kind.en} #${n}` };
}

/** The path of the item that holds a path, with its depth, if the path is inside an item. */
export function enclosingItem(path: DataPath): { path: DataPath; depth: number } | undefined {
  // Only catalogs have items; elsewhere the loop below finds none.
  let depth = 0;
  let end = -1;
  for (let i = 0; i + 1 < path.length; i += 2) {
    if (path[i] !== 'items' || typeof path[i + 1] !== 'number') break;
    depth++;
    end = i + 2;
  }
  return depth === 0 ? undefined : { path: path.slice(0, end), depth };
}

/** What the root of a catalog file is called in messages. */
export const CATALOG_LABEL: Text = { zh: '目录', en: 'the catalog' };

/** Name whatever holds a path: an item (by its name from the data), `defaults`, or the root. */
export function ownerLabel(data: unknown, path: DataPath, root: Text = CATALOG_LABEL): Text {
  const item = enclosingItem(path);
  if (item) {
    const node = valueAt(data, item.path) as { name?: unknown } | undefined;
    const name = typeof node?.name === 'string' ? node.name : '';
    return itemLabel(item.depth, name, item.path[item.path.length - 1] as number);
  }
  if (root === CATALOG_LABEL && path[0] === 'defaults') return { zh: '默认要素', en: 'defaults' };
  if (root === CATALOG_LABEL && path[0] === 'baseline') return { zh: '基准目录', en: 'baseline' };
  return root;
}

/** The value at a path in plain data. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}
