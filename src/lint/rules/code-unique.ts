import type { DataPath } from '../../diagnostics.js';
import { itemLabel } from '../../catalog/labels.js';
import { allItems } from '../nodes.js';
import type { ProjectRule } from '../types.js';

/** An item code as the rule remembers it until every file has been read. */
export interface CodeFact {
  code: string;
  path: DataPath;
  depth: number;
  name: string;
}

/**
 * The codes of one file, packed into one JSON string: `[code, name, depth, ...item path indices]` per
 * coded item, in document order. A province-wide run keeps the codes of thousands of files until the
 * end; one string per file holds them in a fraction of the memory that an object per code would take,
 * and shares nothing with the file's text (a slice of it would keep the whole text alive).
 */
export type CodeFacts = string;

/** A text as the facts keep it: a lone surrogate becomes U+FFFD, as a copy through UTF-8 makes it. */
const wellFormed = (text: string): string =>
  /[\ud800-\udfff]/.test(text) ? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : text;

function unpack(facts: CodeFacts): CodeFact[] {
  return (JSON.parse(facts) as [string, string, number, ...number[]][]).map(([code, name, depth, ...indices]) => {
    const path: (string | number)[] = [];
    for (const index of indices) path.push('items', index);
    path.push('code');
    return { code, path, depth, name };
  });
}

/** Item codes identify items: no code is used twice, in one file or across the files checked together. */
export const codeUnique: ProjectRule<CodeFacts> = {
  id: 'code-unique',
  severity: 'error',
  description: { zh: '事项编码在所有被检查的文件中不重复。', en: 'No item code is used twice across the files checked.' },
  scope: 'project',
  collect: (ctx) => {
    const packed: (string | number)[][] = [];
    const items = allItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.code === undefined || item.code === '') continue;
      const entry: (string | number)[] = [wellFormed(item.code), wellFormed(item.name), item.depth];
      for (let p = 1; p < item.path.length; p += 2) entry.push(item.path[p]!);
      packed.push(entry);
    }
    return JSON.stringify(packed);
  },
  check(files) {
    // Where each code is first used: the file's place in the list and the code's place among its codes.
    const first = new Map<string, [number, number]>();
    const unpacked = new Map<number, CodeFact[]>();
    const factsOf = (f: number) => {
      let facts = unpacked.get(f);
      if (!facts) unpacked.set(f, (facts = unpack(files[f]!.facts)));
      return facts;
    };
    const out: ReturnType<ProjectRule['check']> = [];
    for (let f = 0; f < files.length; f++) {
      const { file, facts: packed } = files[f]!;
      if (packed === '[]') continue;
      const facts = unpack(packed);
      for (let k = 0; k < facts.length; k++) {
        const fact = facts[k]!;
        const at = first.get(fact.code);
        if (!at) {
          first.set(fact.code, [f, k]);
          continue;
        }
        const prior = { file: files[at[0]]!.file, fact: at[0] === f ? facts[at[1]]! : factsOf(at[0])[at[1]]! };
        const label = itemLabel(prior.fact.depth, prior.fact.name);
        const where = prior.file === file ? { zh: '本文件', en: 'this file' } : { zh: prior.file, en: prior.file };
        out.push({
          file,
          finding: {
            path: fact.path,
            message: {
              zh: `事项编码“${fact.code}”重复：${where.zh}中的${label.zh}已使用。`,
              en: `Item code "${fact.code}" is used twice: ${label.en} in ${where.en} has it.`,
            },
            hint: { zh: '每个事项使用唯一的编码。', en: 'Give every item its own code.' },
          },
        });
      }
    }
    return out;
  },
};
