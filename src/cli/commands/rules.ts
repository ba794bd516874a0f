import type { Lang } from '../../i18n.js';
import { allRules, RULE_DOCS } from '../../report/code-catalog.js';
import { DOCUMENT_RULES } from '../documents.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../io.js';
import type { RulesFlags } from '../options.js';

/** The rules as a Markdown table, as the README shows them: the catalog rules, then the form rules (form-…). */
export function rulesMarkdown(lang: Lang): string {
  const head =
    lang === 'zh'
      ? '| 规则 | 默认级别 | 检查内容 |\n| --- | --- | --- |'
      : '| Rule | Default | What it checks |\n| --- | --- | --- |';
  const sev = (s: string) => (lang === 'zh' ? (s === 'error' ? '错误' : '警告') : s);
  return (
    [
      head,
      ...allRules(DOCUMENT_RULES).map((r) => `| \`${r.id}\` | ${sev(r.severity)} | ${r.description[lang]} |`),
    ].join('\n') + '\n'
  );
}

/** `zwgk rules`: list every rule a run can report (catalog and form rules) with its id, default severity, description and documentation. */
export async function runRules(flags: RulesFlags): Promise<number> {
  const lang = flags.lang ?? 'zh';
  const rows = allRules(DOCUMENT_RULES).map((r) => ({
    id: r.id,
    severity: r.severity,
    scope: r.scope,
    description: r.description[lang],
    docs: RULE_DOCS[lang],
  }));
  if (flags.format === 'markdown') {
    await writeOutput(rulesMarkdown(lang), undefined, lang);
    return EXIT.ok;
  }
  if (flags.format === 'json') {
    await writeOutput(JSON.stringify(rows, null, 2) + '\n', undefined, lang);
    return EXIT.ok;
  }
  const width = rows.reduce((w, r) => Math.max(w, r.id.length), 0);
  const sev = (s: string) => (lang === 'zh' ? (s === 'error' ? '错误' : '警告') : s.padEnd(7));
  const docs = lang === 'zh' ? `说明：${RULE_DOCS.zh}` : `Documentation: ${RULE_DOCS.en}`;
  await writeOutput(
    rows.map((r) => `${r.id.padEnd(width)}  ${sev(r.severity)}  ${r.description}`).join('\n') + `\n\n${docs}\n`,
    undefined,
    lang,
  );
  return EXIT.ok;
}
