import type { DataPath } from '../../diagnostics.js';
import type { ResolvedItem } from '../../catalog/types.js';
import { leaves, uniqueByPath, whereSet } from '../nodes.js';
import type { FileRule, RuleFinding } from '../types.js';

function deeper(a: DataPath, b: DataPath): DataPath {
  return a.length >= b.length ? a : b;
}

function check(item: ResolvedItem): RuleFinding | undefined {
  const { audience, method, specific_group } = item.fields;
  const onlySpecific = audience.length === 1 && audience[0] === '特定群体';
  const onlyPublic = audience.length === 1 && audience[0] === '全社会';
  if (method.length === 1 && method[0] === '主动' && onlySpecific && !specific_group) {
    return {
      path: deeper(whereSet(item, 'audience'), whereSet(item, 'method')),
      message: {
        zh: '主动公开的事项，公开对象只勾选了“特定群体”，且未写明是哪些人。',
        en: 'A 主动 item is published to 特定群体 only, without saying who.',
      },
      hint: {
        zh: '写明 `specific_group: …`（如“项目单位”），或改为 `audience: 全社会`。',
        en: 'Say who with `specific_group: …`, or use `audience: 全社会`.',
      },
    };
  }
  if (method.length === 1 && method[0] === '依申请' && onlyPublic) {
    return {
      path: deeper(whereSet(item, 'audience'), whereSet(item, 'method')),
      message: { zh: '依申请公开的事项，公开对象却是“全社会”。', en: 'An 依申请 item is published to 全社会.' },
      hint: {
        zh: '依申请公开一般面向申请人：改为 `audience: 特定群体` 并写 `specific_group: 申请人`；或改为主动公开。',
        en: 'On-application items go to the applicant: use `audience: 特定群体` with `specific_group: 申请人`, or make it 主动.',
      },
    };
  }
  if (specific_group && !audience.includes('特定群体')) {
    // Blame whichever was written nearer the item: the audience that dropped 特定群体, or the group named.
    return {
      path: deeper(whereSet(item, 'specific_group'), whereSet(item, 'audience')),
      message: {
        zh: `写了特定群体说明“${specific_group}”，但公开对象没有勾选“特定群体”。`,
        en: `specific_group "${specific_group}" is set but the audience does not include 特定群体.`,
      },
      hint: {
        zh: '在 audience 中加入“特定群体”，或删除 specific_group。',
        en: 'Add 特定群体 to audience, or remove specific_group.',
      },
    };
  }
  return undefined;
}

/** 公开对象 agrees with 公开方式: 主动 items go to the public, 依申请 items to the applicant. */
export const audienceConsistent: FileRule = {
  id: 'audience-consistent',
  severity: 'warning',
  description: {
    zh: '公开对象与公开方式一致：主动公开面向全社会，依申请公开面向特定群体。',
    en: '公开对象 agrees with 公开方式: 主动 to the public, 依申请 to a specific group.',
  },
  scope: 'file',
  check: (ctx) => {
    const out: RuleFinding[] = [];
    for (const item of leaves(ctx)) {
      const finding = check(item);
      if (finding) out.push(finding);
    }
    return uniqueByPath(out);
  },
};
