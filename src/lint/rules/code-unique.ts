import type { DataPath } from '../../diagnostics.js';
import { itemLabel } from '../../catalog/labels.js';
import { withoutInvisible } from '../../util/invisible.js';
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
 * The codes of one file, packed into two JSON strings: the codes, in document order, and for each the
 * rest of what a finding needs, `[name, depth, ...item path indices]`. A province-wide run keeps the
 * codes of thousands of files until the end; two strings per file hold them in a fraction of the
 * memory that an object per code would take, share nothing with the file's text (a slice of it would
 * keep the whole text alive), and only the codes are read back unless a code repeats.
 */
export interface CodeFacts {
  codes: string;
  details: string;
}
/** A text as the facts keep it: a lone surrogate becomes U+FFFD, as a copy through UTF-8 makes it. */
function wellFormed(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff)
      return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }
  return text;
}

/** The facts of a file in full, from its codes and their details. */
function unpack(codes: readonly string[], details: string): CodeFact[] {
  const rest = JSON.parse(details) as (string | number)[][];
  const facts: CodeFact[] = [];
  for (let k = 0; k < codes.length; k++) {
    const [name, depth, ...indices] = rest[k]! as [string, number, ...number[]];
    const path: (string | number)[] = [];
    for (const index of indices) path.push('items', index);
    path.push('code');
    facts.push({ code: codes[k]!, path, depth, name });
  }
  return facts;
}

/** Item codes identify items: no code is used twice, in one file or across the files checked together. */
export const codeUnique: ProjectRule<CodeFacts> = {
  id: 'code-unique',
  severity: 'error',
  description: {
    zh: '事项编码在所有被检查的文件中不重复。',
    en: 'No item code is used twice across the files checked.',
  },
  scope: 'project',
  collect: (ctx) => {
    const codes: string[] = [];
    const details: (string | number)[][] = [];
    const items = allItems(ctx);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item.code === undefined || item.code === '') continue;
      // 0505 and 0505 with a zero-width space after it are the same code to a reader.
      codes.push(wellFormed(withoutInvisible(item.code)));
      const detail: (string | number)[] = [wellFormed(item.name), item.depth];
      for (let p = 1; p < item.path.length; p += 2) detail.push(item.path[p]!);
      details.push(detail);
    }
    return { codes: JSON.stringify(codes), details: JSON.stringify(details) };
  },
  check(files) {
    // Where each code is first used: the file's place in the list and the code's place among its codes.
    const first = new Map<string, [number, number]>();
    const codesOf: string[][] = [];
    const unpacked = new Map<number, CodeFact[]>();
    const factsOf = (f: number) => {
      let facts = unpacked.get(f);
      if (!facts) unpacked.set(f, (facts = unpack(codesOf[f]!, files[f]!.facts.details)));
      return facts;
    };
    const out: ReturnType<ProjectRule['check']> = [];
    for (let f = 0; f < files.length; f++) {
      const { file, facts: packed } = files[f]!;
      const codes = (codesOf[f] = JSON.parse(packed.codes) as string[]);
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k]!;
        const at = first.get(code);
        if (!at) {
          first.set(code, [f, k]);
          continue;
        }
        const fact = factsOf(f)[k]!;
        const prior = { file: files[at[0]]!.file, fact: factsOf(at[0])[at[1]]! };
        const label = itemLabel(prior.fact.depth, prior.fact.name);
        const where = prior.file === file ? { zh: '本文件', en: 'this file' } : { zh: prior.file, en: prior.file };
        out.push({
          at: f,
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
