import type { Finding, Message } from '../finding.js';
import type { Text } from '../i18n.js';
import { SUBMISSION_LABEL } from './submission-label.js';
import type { FormDefinition } from './registry.js';

/**
 * Schema findings name their owner “申报表” whatever they point at; inside a row, name the row instead:
 * “第2个活动主题的活动形式…” rather than “申报表的活动形式…”.
 */
export function nameRowOwners(findings: readonly Finding[], form: FormDefinition): Finding[] {
  return findings.map((f) => {
    const index =
      f.path[0] === form.rowsKey && typeof f.path[1] === 'number' && f.path.length > 2 ? f.path[1] : undefined;
    if (index === undefined) return f;
    const owner: Text = { zh: `第${index + 1}个${form.rowName.zh}`, en: `${form.rowName.en} ${index + 1}` };
    const swap = (t: Text): Text => ({
      zh: t.zh.replaceAll(SUBMISSION_LABEL.zh, owner.zh),
      en: t.en.replaceAll(SUBMISSION_LABEL.en, owner.en),
    });
    const relabel = (m: Message): Message => (typeof m === 'function' ? (source) => swap(m(source)) : swap(m));
    return { ...f, message: relabel(f.message) };
  });
}
