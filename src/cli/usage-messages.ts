import type { Lang } from '../i18n.js';

/** The language a run asked for, read from its arguments before they are parsed (for messages about the arguments themselves). */
export function langOfArgs(argv: readonly string[]): Lang {
  return argv.some((a, i) => a === '--lang=en' || (a === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh';
}

/** The hint after a mistyped name: commander's "(Did you mean …?)". */
function suggestion(rest: string, lang: Lang): string {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(rest);
  if (!m) return '';
  return lang === 'zh' ? `（是不是想写 ${m[1]!.split(', ').join('、')}？）` : ` (did you mean ${m[1]}?)`;
}

/** Choices and reasons commander appends to an invalid value, in the language asked for. */
function reason(rest: string, lang: Lang): string {
  const choices = /Allowed choices are (.+)\.$/.exec(rest.trim());
  if (choices) return lang === 'zh' ? `可选：${choices[1]!.split(', ').join('、')}。` : `Choose one of ${choices[1]}.`;
  // Our own parsers give both languages: 应为非负整数 (a whole number ≥ 0).
  const both = /^(.*?)\s*\((.+)\)$/.exec(rest.trim());
  if (both) return lang === 'zh' ? `${both[1]}。` : `Expected ${both[2]}.`;
  return rest.trim();
}

type Rule = [RegExp, (m: RegExpExecArray, lang: Lang) => string];

const HELP = { zh: '用 --help 查看用法。', en: 'See --help for usage.' };

const RULES: Rule[] = [
  [
    /^error: unknown option '(.+?)'([\s\S]*)$/,
    (m, l) =>
      l === 'zh'
        ? `没有选项 ${m[1]}${suggestion(m[2]!, l)}。${HELP.zh}`
        : `Unknown option ${m[1]}${suggestion(m[2]!, l)}. ${HELP.en}`,
  ],
  [
    /^error: unknown command '(.+?)'([\s\S]*)$/,
    (m, l) =>
      l === 'zh'
        ? `没有命令 ${m[1]}${suggestion(m[2]!, l)}。用 zwgk --help 查看全部命令。`
        : `Unknown command ${m[1]}${suggestion(m[2]!, l)}. See zwgk --help for the commands.`,
  ],
  [
    /^error: required option '(.+?)' not specified/,
    (m, l) => (l === 'zh' ? `缺少必需的选项 ${m[1]}。${HELP.zh}` : `The option ${m[1]} is required. ${HELP.en}`),
  ],
  [
    /^error: option '(.+?)' argument missing/,
    (m, l) => (l === 'zh' ? `选项 ${m[1]} 后面缺少值。${HELP.zh}` : `The option ${m[1]} needs a value. ${HELP.en}`),
  ],
  [
    /^error: missing required argument '(.+?)'/,
    (m, l) => (l === 'zh' ? `缺少参数 ${m[1]}。${HELP.zh}` : `The argument ${m[1]} is missing. ${HELP.en}`),
  ],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m, l) =>
      l === 'zh'
        ? `${m[1] ? `${m[1]} ` : ''}参数太多：应有 ${m[2]} 个，给了 ${m[3]} 个。${HELP.zh}`
        : `Too many arguments${m[1] ? ` for ${m[1]}` : ''}: expected ${m[2]}, got ${m[3]}. ${HELP.en}`,
  ],
  [
    /^error: option '(.+?)' argument '([\s\S]*?)' is invalid\.([\s\S]*)$/,
    (m, l) =>
      l === 'zh'
        ? `选项 ${m[1]} 的值“${m[2]}”无效：${reason(m[3]!, l)}`
        : `The value "${m[2]}" of option ${m[1]} is invalid: ${reason(m[3]!, l)}`,
  ],
  [
    /^error: command-argument value '([\s\S]*?)' is invalid for argument '(.+?)'\.([\s\S]*)$/,
    (m, l) =>
      l === 'zh'
        ? `参数 ${m[2]} 的值“${m[1]}”无效：${reason(m[3]!, l)}`
        : `The value "${m[1]}" of argument ${m[2]} is invalid: ${reason(m[3]!, l)}`,
  ],
];

/**
 * A message of the command-line parser (an unknown option, a missing value …) in the language asked for,
 * as zwgk's other messages are: `zwgk: 没有选项 -x。用 --help 查看用法。` Messages it does not know are kept.
 */
export function usageMessage(text: string, lang: Lang): string {
  const line = text.trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(line);
    if (m) return `zwgk: ${say(m, lang)}\n`;
  }
  return `zwgk: ${line.replace(/^error: /, '')}\n`;
}
