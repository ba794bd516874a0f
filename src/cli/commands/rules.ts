import type { Lang } from '../../i18n.js';
import { RULES } from '../../lint/registry.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../io.js';

/** The rules as a Markdown table, as the README shows them. */
export function rulesMarkdown(lang: Lang): string {
  const head = lang === 'zh' ? '| 规则 | 默认级别 | 检查内容 |\n| --- | --- | --- |' : '| Rule | Default | What it checks |\n| --- | --- | --- |';
  const sev = (s: string) => (lang === 'zh' ? (s === 'error' ? '错误' : '警告') : s);
  return [head, ...RULES.map((r) => `| \`${r.id}\` | ${sev(r.severity)} | ${r.description[lang]} |`)].join('\n') + '\n';
}

/** `zwgk rules`: list every lint rule with its id, default severity and description. */
export async function runRules(flags: { format: 'text' | 'json' | 'markdown'; lang?: Lang }): Promise<number> {
  const lang = flags.lang ?? 'zh';
  const rows = RULES.map((r) => ({ id: r.id, severity: r.severity, scope: r.scope, description: r.description[lang] }));
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
  await writeOutput(rows.map((r) => `${r.id.padEnd(width)}  ${sev(r.severity)}  ${r.description}`).join('\n') + '\n', undefined, lang);
  return EXIT.ok;
}
