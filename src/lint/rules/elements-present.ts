import type { Text } from '../../i18n.js';
import type { FieldKey, ResolvedItem } from '../../catalog/types.js';
import { reportMissing } from '../required-element.js';
import type { FileRule } from '../types.js';

const ELEMENTS: { key: FieldKey; has: (item: ResolvedItem) => boolean; zh: string; en: string; hint: Text }[] = [
  {
    key: 'basis',
    has: (item) => item.fields.basis.length > 0,
    zh: '没有填写公开依据',
    en: 'has no 公开依据 (basis)',
    hint: {
      zh: '添加 `basis: [《…》]`，列出要求公开的法规文件。',
      en: 'Add `basis: [《…》]` listing the documents that require publication.',
    },
  },
  {
    key: 'time_limit',
    has: (item) => item.fields.time_limit !== undefined,
    zh: '没有填写公开时限',
    en: 'has no 公开时限 (time_limit)',
    hint: {
      zh: '添加 `time_limit: 信息形成或者变更之日起20个工作日内` 等。',
      en: 'Add `time_limit: 信息形成或者变更之日起20个工作日内` or the like.',
    },
  },
  {
    key: 'subject',
    has: (item) => item.fields.subject !== undefined,
    zh: '没有填写公开主体',
    en: 'has no 公开主体 (subject)',
    hint: { zh: '添加 `subject: …`，写明负责公开的单位。', en: 'Add `subject: …` naming the publishing body.' },
  },
];

/** 公开依据, 公开时限 and 公开主体 are filled in for every row. */
export const elementsPresent: FileRule = {
  id: 'elements-present',
  severity: 'warning',
  description: {
    zh: '每个事项都应填写公开依据、公开时限和公开主体。',
    en: 'Every item has a 公开依据, 公开时限 and 公开主体.',
  },
  scope: 'file',
  check: (ctx) => ELEMENTS.flatMap((e) => reportMissing(ctx, [e.key], e.has, { zh: e.zh, en: e.en }, e.hint)),
};
