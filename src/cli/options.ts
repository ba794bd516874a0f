import { InvalidArgumentError } from 'commander';
import { DIFF_FORMATTERS } from '../diff/format/registry.js';
import { FAIL_ON } from '../diff/policy.js';
import { LANGS } from '../i18n.js';
import { FORMAT_NAMES } from '../report/load-formatter.js';
import type { FormatName } from '../report/registry.js';
import { RENDERERS } from '../render/registry.js';
import { FORM_IDS } from '../forms/registry.js';
import { STATS_FORMAT_NAMES } from '../stats/format/registry.js';
import { namesOf, type FlagsOf, type OptionSpec } from './define.js';
import type { outputPairs } from './outputs.js';

// The options of each command, declared once: `cli/index.ts` gives them to commander, and each command's
// flags type is derived from them (`FlagsOf`), so an action reads only what its command declares. The
// choices come from the registries: a formatter or renderer added there is offered here.

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('应为非负整数 (a whole number ≥ 0)');
  return Number(value);
}

const LANG = {
  flags: '--lang <lang>',
  description: '消息语言 (language of messages)',
  choices: LANGS,
} as const satisfies OptionSpec;

/** The name standard input (`-`) is reported and configured under. */
const STDIN_FILENAME = {
  flags: '--stdin-filename <name>',
  description: '以 - 从标准输入读入时，报告中使用的文件名 (the name of standard input, -, in findings)',
} as const satisfies OptionSpec;

/** The options every command that reads catalogs takes, after its own: language, configuration, colour. */
export const COMMON_OPTIONS = [
  LANG,
  { flags: '-c, --config <file>', description: '使用指定的配置文件 (use this configuration file)' },
  { flags: '--no-config', description: '不读取配置文件 (ignore configuration files)' },
  { flags: '--color', description: '彩色输出 (force colour)' },
  { flags: '--no-color', description: '不用彩色 (no colour)' },
] as const satisfies readonly OptionSpec[];

/** `zwgk validate`: `-f` and `-o` are parsed into one list of reports to write, in the order written. */
export function validateOptions(outputs: ReturnType<typeof outputPairs>) {
  return [
    {
      flags: '-f, --format <format>',
      description: `输出格式，可写多次：${FORMAT_NAMES.join('、')}；默认 stylish，在 GitHub Actions 中为 github (output format, repeatable)`,
      parse: outputs.format,
    },
    {
      flags: '-o, --output <file>',
      description:
        '把前一个 -f 的结果写入文件；xlsx 必须写入文件 (write the preceding -f format to a file; xlsx needs one)',
      parse: outputs.output,
    },
    {
      flags: '--max-warnings <n>',
      description: '警告超过此数时退出码为 1 (fail beyond this many warnings)',
      parse: parseCount,
    },
    { flags: '-q, --quiet', description: '只报告错误 (report errors only)' },
    { flags: '--fix', description: '先自动修复（同 zwgk fix），再报告 (apply the safe fixes first, as zwgk fix does)' },
    {
      flags: '--diff-base <rev>',
      description:
        'markdown 汇总中附上与该 git 版本相比的目录变更 (add the changes since this git revision to the markdown summary)',
    },
    STDIN_FILENAME,
    {
      flags: '--cache',
      description:
        "记住每个文件的检查结果，下次只检查改动过的文件 (keep each file's results; the next run checks only changed files)",
    },
    {
      flags: '--cache-location <path>',
      description: '缓存文件或其所在目录，默认 ./.zwgkcache (the cache file or its folder; default ./.zwgkcache)',
    },
    ...COMMON_OPTIONS,
  ] as const satisfies readonly OptionSpec[];
}

export const FIX_OPTIONS = [
  {
    flags: '--dry-run',
    description: '不改动文件，以 diff 显示将做的修改 (change nothing; print the changes as a diff)',
  },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const RENDER_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式，默认按 -o 的扩展名 (output format; default: from the extension of -o)',
    choices: namesOf(RENDERERS),
  },
  {
    flags: '-o, --output <path>',
    description: '输出文件；HTML 给目录时每个目录一页 (output file; a directory for one HTML page per catalog)',
    required: true,
  },
  {
    flags: '--channels <style>',
    description: '渠道显示为清单(■□)或列表 (channels as a checklist or a list)',
    choices: ['checklist', 'list'],
  },
  { flags: '--title <title>', description: '工作簿或网站的标题 (title of the workbook or site)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const DIFF_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式；html、xlsx 为可存档的变更报告 (output format; html and xlsx are change reports to file)',
    choices: namesOf(DIFF_FORMATTERS),
    default: 'text',
  },
  {
    flags: '--fail-on <class>',
    description: '有此类变更时退出码为 1，默认 none 或配置的 diff.failOn (exit 1 on such changes)',
    choices: FAIL_ON,
  },
  { flags: '--baseline', description: '旧版本是基准目录：汇总写作“较基准目录新增…” (the old side is the baseline)' },
  { flags: '-o, --output <file>', description: '把结果写入文件 (write the report to a file)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const IMPORT_OPTIONS = [
  {
    flags: '-o, --output <dir>',
    description: '导入的目录文件写到这个目录 (folder to write the catalogs to)',
    required: true,
  },
  {
    flags: '-f, --format <format>',
    description: '导入报告的格式 (format of the import report)',
    choices: ['text', 'json'],
    default: 'text',
  },
  {
    flags: '--report <file>',
    description: '另把导入报告写入文件；.json 结尾时为 JSON (also write the report to a file)',
  },
  { flags: '--force', description: '覆盖已存在的同名文件 (overwrite existing files)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

/** What `zwgk form render` and `form plan` print to: a workbook or a web page. */
const PRINT_FORMATS = ['xlsx', 'html'] as const;

export const FORM_NEW_OPTIONS = [
  {
    flags: '-o, --output <file>',
    description: '输出文件；不写时 YAML 输出到屏幕 (output file; YAML goes to stdout without it)',
  },
  {
    flags: '-f, --format <format>',
    description: '格式，默认按 -o 的扩展名 (format; default: from the extension)',
    choices: ['yaml', ...PRINT_FORMATS],
  },
  { flags: '--year <year>', description: '年度，默认今年 (year; default: this year)', parse: parseCount },
  { flags: '--area <area>', description: '发文地区，出现在标题中 (issuing area, shown in the title)' },
  { flags: '--unit <unit>', description: '填报单位 (the unit)' },
  {
    flags: '--rows <n>',
    description: '空白行数，默认按规则方案 (blank rows; default: from the profile)',
    parse: parseCount,
  },
  { flags: '--profile <id>', description: '规则方案，默认按配置 forms.defaultProfiles (rule profile)' },
  { flags: '--force', description: '覆盖已存在的文件 (overwrite an existing file)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const FORM_CHECK_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式 (output format)',
    choices: ['stylish', 'json'] satisfies FormatName[],
    default: 'stylish',
  },
  { flags: '-o, --output <file>', description: '把结果写入文件 (write the report to a file)' },
  {
    flags: '--max-warnings <n>',
    description: '警告超过此数时退出码为 1 (fail beyond this many warnings)',
    parse: parseCount,
  },
  { flags: '-q, --quiet', description: '只报告错误 (report errors only)' },
  { flags: '--profile <id>', description: '都按这个规则方案检查 (check every submission by this profile)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const FORM_RENDER_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式，默认按 -o 的扩展名 (output format)',
    choices: PRINT_FORMATS,
  },
  {
    flags: '-o, --output <file>',
    description: '输出文件，默认与申报表同名 (output file; default: beside the submission)',
  },
  { flags: '--profile <id>', description: '按这个规则方案检查 (check by this profile)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const FORM_IMPORT_OPTIONS = [
  {
    flags: '-o, --output <file>',
    description: '写入的 YAML 文件；不写时输出到屏幕 (YAML file; stdout without it)',
  },
  {
    flags: '--form <form>',
    description: `只找这种申报表：${FORM_IDS.join('、')} (look for this form only)`,
  },
  { flags: '--profile <id>', description: '在导入的文件中写明规则方案 (name this profile in the file)' },
  { flags: '--force', description: '覆盖已存在的文件 (overwrite an existing file)' },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export const FORM_PLAN_OPTIONS = [
  {
    flags: '-o, --output <file>',
    description: '活动计划：.xlsx 或 .html 文件 (the plan: an .xlsx or .html file)',
    required: true,
  },
  {
    flags: '-f, --format <format>',
    description: '输出格式，默认按 -o 的扩展名 (output format)',
    choices: PRINT_FORMATS,
  },
  { flags: '--form <form>', description: '输入中有两种申报表时，合并哪一种 (which form, when inputs hold both)' },
  { flags: '--profile <id>', description: '计划所用的规则方案（每月活动数） (profile of the plan limits)' },
  {
    flags: '--max-per-month <n>',
    description: '每月活动数上限，超过时报告 (most activities in a month)',
    parse: parseCount,
  },
  { flags: '--title <title>', description: '计划的标题 (title of the plan)' },
  { flags: '--area <area>', description: '发文地区 (issuing area)' },
  { flags: '--year <year>', description: '年度 (year)', parse: parseCount },
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

/** `--levels 县级,乡级`: the 公开层级 columns, separated by commas or 、; empty for none. */
function parseLevels(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,，、]/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ];
}

export const TEMPLATE_OPTIONS = [
  {
    flags: '-o, --output <file>',
    description: '输出的 .xlsx 文件，默认“<领域>目录模板.xlsx” (the .xlsx file; default: <domain>目录模板.xlsx)',
  },
  { flags: '--unit <unit>', description: '编制单位，写入标题 (the unit compiling the catalog, in the title)' },
  {
    flags: '--levels <levels>',
    description: '公开层级栏目，用逗号分隔，默认 县级,乡级；"" 为不设 (the 公开层级 columns; "" for none)',
    parse: parseLevels,
  },
  { flags: '--force', description: '覆盖已存在的文件 (overwrite an existing file)' },
  LANG,
] as const satisfies readonly OptionSpec[];

export const INIT_OPTIONS = [
  {
    flags: '--zwgk-source <spec>',
    description:
      'package.json 中 zwgk 的来源，默认为正在运行的版本：版本号、网址、npm: 别名或本机的 .tgz 文件 (where npm gets zwgk: a version, a URL, an npm: alias or a local .tgz; default: this version)',
  },
  LANG,
] as const satisfies readonly OptionSpec[];

export const SCHEMA_OPTIONS = [
  { flags: '-o, --output <file>', description: '写入文件 (write to a file)' },
  {
    flags: '--lang <lang>',
    description: '只有 zh：模式中的说明只有中文 (zh only: the schemas are described in Chinese)',
    choices: LANGS,
  },
] as const satisfies readonly OptionSpec[];

export const RULES_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式 (output format)',
    choices: ['text', 'json', 'markdown'],
    default: 'text',
  },
  LANG,
] as const satisfies readonly OptionSpec[];

export const STATS_OPTIONS = [
  {
    flags: '-f, --format <format>',
    description: '输出格式；xlsx 须用 -o (output format; xlsx needs -o)',
    choices: STATS_FORMAT_NAMES,
    default: 'text',
  },
  { flags: '-o, --output <file>', description: '把结果写入文件 (write the numbers to a file)' },
  {
    flags: '--against <baseline>',
    description:
      '与基准比较：目录、文件或 git 版本，列出新增和删除的事项 (compare with a baseline: a folder, file or git revision)',
  },
  STDIN_FILENAME,
  ...COMMON_OPTIONS,
] as const satisfies readonly OptionSpec[];

export type ValidateFlags = FlagsOf<ReturnType<typeof validateOptions>>;
export type FixFlags = FlagsOf<typeof FIX_OPTIONS>;
export type RenderFlags = FlagsOf<typeof RENDER_OPTIONS>;
export type DiffFlags = FlagsOf<typeof DIFF_OPTIONS>;
export type ImportFlags = FlagsOf<typeof IMPORT_OPTIONS>;
export type FormNewFlags = FlagsOf<typeof FORM_NEW_OPTIONS>;
export type FormCheckFlags = FlagsOf<typeof FORM_CHECK_OPTIONS>;
export type FormRenderFlags = FlagsOf<typeof FORM_RENDER_OPTIONS>;
export type FormImportFlags = FlagsOf<typeof FORM_IMPORT_OPTIONS>;
export type FormPlanFlags = FlagsOf<typeof FORM_PLAN_OPTIONS>;
export type TemplateFlags = FlagsOf<typeof TEMPLATE_OPTIONS>;
export type InitFlags = FlagsOf<typeof INIT_OPTIONS>;
export type SchemaFlags = FlagsOf<typeof SCHEMA_OPTIONS>;
export type RulesFlags = FlagsOf<typeof RULES_OPTIONS>;
export type StatsFlags = FlagsOf<typeof STATS_OPTIONS>;
