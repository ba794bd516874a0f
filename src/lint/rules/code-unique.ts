import type { DataPath } from '../../diagnostics.js';
import { walkItems } from '../../catalog/resolve.js';
import { itemLabel } from '../../catalog/labels.js';
import type { ProjectRule } from '../types.js';

export interface CodeFact {
  code: string;
  path: DataPath;
  depth: number;
  name: string;
}

const copy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** Item codes identify items: no code is used twice, in one file or across the files checked together. */
export const codeUnique: ProjectRule<CodeFact[]> = {
  id: 'code-unique',
  severity: 'error',
  description: { zh: '事项编码在所有被检查的文件中不重复。', en: 'No item code is used twice across the files checked.' },
  scope: 'project',
  collect: (ctx) =>
    [...walkItems(ctx.catalog.items)]
      .filter((item) => item.code !== undefined && item.code !== '')
      // Copies, not slices: a slice of the file's text would keep the whole text alive until the end of the run.
      .map((item) => ({ code: copy(item.code!), path: [...item.path, 'code'], depth: item.depth, name: copy(item.name) })),
  check(files) {
    const first = new Map<string, { file: string; fact: CodeFact }>();
    const out: ReturnType<ProjectRule['check']> = [];
    for (const { file, facts } of files) {
      for (const fact of facts) {
        const prior = first.get(fact.code);
        if (!prior) {
          first.set(fact.code, { file, fact });
          continue;
        }
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
