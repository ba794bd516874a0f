import { Command, CommanderError } from 'commander';
import { ZwgkError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { EXIT } from './exit.js';
import { defineCommand } from './define.js';
import { formChoices, FORM_IDS } from '../forms/registry.js';
import {
  DIFF_OPTIONS,
  FIX_OPTIONS,
  FORM_CHECK_OPTIONS,
  FORM_IMPORT_OPTIONS,
  FORM_NEW_OPTIONS,
  FORM_PLAN_OPTIONS,
  FORM_RENDER_OPTIONS,
  IMPORT_OPTIONS,
  INIT_OPTIONS,
  RENDER_OPTIONS,
  RULES_OPTIONS,
  SCHEMA_OPTIONS,
  STATS_OPTIONS,
  TEMPLATE_OPTIONS,
  validateOptions,
} from './options.js';
import { outputPairs } from './outputs.js';
import { printable } from '../report/printable.js';
import { toolVersion } from '../report/tool-version.js';
import { langOfArgs, usageMessage } from './usage-messages.js';

const DIFF_EXIT_HELP = `
退出码 (exit codes):
  0  没有 --fail-on 所指的变更                      no changes of the --fail-on class
  1  有 --fail-on 所指的变更                        changes of the --fail-on class
  2  用法错误、输入无法读取或有错误、内部错误        usage error, unreadable or invalid input, internal error

--fail-on: reduces | extends | editorial（该类变更） | error | warning（级别达到的类别，见配置 diff.classes）
           | any（任何变更） | none（从不）`;

const RENDER_EXIT_HELP = `
退出码 (exit codes):
  0  已生成文件（有警告时一并显示）                  the file was written (warnings are shown)
  1  目录有错误，未生成文件                          errors in the catalogs; nothing was written
  2  用法错误、文件无法读取、配置有误或内部错误      usage error, unreadable input or config, internal error`;

const STATS_EXIT_HELP = `
退出码 (exit codes):
  0  已统计（有错误的目录按能读出的内容统计）        counted (catalogs with errors as far as they can be read)
  2  用法错误、有文件无法读取、配置有误或内部错误    usage error, an unreadable file or config, internal error`;

const PROGRAM_EXIT_HELP = `
退出码 (exit codes):
  0  成功                                            success
  1  发现问题：错误、超出上限的警告或 --fail-on 所指的变更   findings: errors, warnings beyond the limit, or --fail-on changes
  2  用法错误、文件无法读取、配置有误或内部错误      usage error, unreadable input or config, internal error
  各命令的详细说明见 zwgk <命令> --help              see zwgk <command> --help for each command`;

const IMPORT_EXIT_HELP = `
退出码 (exit codes):
  0  已导入（导入的文件可能还有需要修改的问题，见报告）  imported (see the report for what to check)
  2  用法错误、文件无法读取、不是表格、没有目录表格，     usage error, unreadable file, not a table,
     或目标文件已存在（未加 --force）                     no catalog table, or target files exist`;

const TEMPLATE_EXIT_HELP = `
退出码 (exit codes):
  0  已生成模板（领域名称不在已知领域中时另有提示）  the template was written (an unknown domain is noted)
  2  用法错误、文件已存在（未加 --force）或无法写入   usage error, the file exists (no --force) or cannot be written`;

const EXIT_HELP = `
退出码 (exit codes):
  0  没有错误（警告数未超过 --max-warnings）        no errors
  1  发现错误，或警告数超过 --max-warnings          errors, or more warnings than --max-warnings
  2  用法错误、文件无法读取、配置有误或内部错误      usage error, unreadable input or config, internal error`;

const FIX_EXIT_HELP = `
退出码 (exit codes):
  0  修复后没有错误                                  no errors remain
  1  修复后仍有错误                                  errors remain
  2  用法错误、文件无法读取或写入、配置有误或内部错误  usage error, unreadable or unwritable file or config, internal error`;

const FORM_EXIT_HELP = `
退出码 (exit codes):
  0  没有错误；new、render、import、plan 已生成文件    no errors; the file was written
  1  申报表或活动计划有错误（render 不生成文件），     errors in a submission or the plan (render writes nothing),
     或 check 的警告数超过上限                            or, for check, more warnings than allowed
  2  用法错误、文件无法读取、配置有误或内部错误         usage error, unreadable input or config, internal error`;

function buildProgram(argv: readonly string[]): Command {
  const outputs = outputPairs();
  const version = toolVersion();
  const program = new Command('zwgk')
    .description('基层政务公开事项标准目录工具 (grassroots government-disclosure catalogs)')
    .version(version, '-v, --version', '显示版本 (show the version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .helpCommand('help [command]', '显示某个命令的帮助 (help for a command)')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      // The parser's own errors, in the language asked for (exit code 2, as every usage error).
      outputError: (s, write) => write(printable(usageMessage(s, langOfArgs(argv)), true)),
    });
  program.addHelpText('after', PROGRAM_EXIT_HELP);
  const exitWith = (code: number) => void program.setOptionValue('exitCode', code);

  // Each command, registered on its own: a run registers only the command it names (the others
  // would be built for nothing), and every command when it names none it knows (help, a mistyped name).
  // The options are declared in options.ts; each action's flags are typed from them.
  const commands: Record<string, () => void> = {
    validate: () => {
      defineCommand(
        program.command('validate').description('检查目录文件：YAML 语法、字段格式和目录规则 (check catalogs)'),
        {
          arguments: [
            {
              name: '[inputs...]',
              description:
                '文件、目录或 glob，- 为标准输入；默认当前目录 (files, directories, globs, or - for standard input; default: .)',
            },
          ],
          options: validateOptions(outputs),
          helpAfter: EXIT_HELP,
          action: async (inputs, flags) => {
            const { runValidate } = await import('./commands/validate.js');
            exitWith(await runValidate(inputs, flags));
          },
        },
      );
    },
    fix: () => {
      defineCommand(
        program
          .command('fix')
          .description('自动修复目录文件中的规范问题，保留注释和格式 (apply the safe fixes in place)'),
        {
          arguments: [
            {
              name: '[inputs...]',
              description: '文件、目录或 glob；默认当前目录 (files, directories or globs; default: .)',
            },
          ],
          options: FIX_OPTIONS,
          helpAfter: FIX_EXIT_HELP,
          action: async (inputs, flags) => {
            const { runFix } = await import('./commands/fix.js');
            exitWith(await runFix(inputs, flags));
          },
        },
      );
    },
    render: () => {
      defineCommand(
        program.command('render').description('把目录生成为 Excel 表格或网页 (render catalogs to Excel or HTML)'),
        {
          arguments: [{ name: '<inputs...>', description: '文件、目录或 glob (files, directories or globs)' }],
          options: RENDER_OPTIONS,
          helpAfter: RENDER_EXIT_HELP,
          action: async (inputs, flags) => {
            const { runRender } = await import('./commands/render.js');
            exitWith(await runRender(inputs, flags));
          },
        },
      );
    },
    diff: () => {
      defineCommand(
        program
          .command('diff')
          .description(
            '逐项比较两个版本的目录：文件、目录或 git 版本 (compare two versions: files, directories or git revisions)',
          ),
        {
          arguments: [
            { name: '<old>', description: '旧版本：文件或目录 (old version: a file or a directory)' },
            { name: '<new>', description: '新版本：文件或目录 (new version: a file or a directory)' },
            {
              name: '[paths...]',
              description: '比较 git 版本时，-- 后写要比较的路径 (with git revisions: the paths, after --)',
            },
          ],
          options: DIFF_OPTIONS,
          helpAfter: DIFF_EXIT_HELP,
          action: async (oldInput, newInput, paths, flags) => {
            const { runDiff } = await import('./commands/diff.js');
            exitWith(await runDiff(oldInput, newInput, paths, flags));
          },
        },
      );
    },
    import: () => {
      defineCommand(
        program
          .command('import')
          .description(
            '把已有的 Excel、网页或 CSV 目录表格导入为 YAML 目录 (import catalog tables from xlsx, html or csv)',
          ),
        {
          arguments: [{ name: '<file>', description: '.xlsx、.html/.htm 或 .csv 文件 (an .xlsx, .html or .csv file)' }],
          options: IMPORT_OPTIONS,
          helpAfter: IMPORT_EXIT_HELP,
          action: async (file, flags) => {
            const { runImport } = await import('./commands/import.js');
            exitWith(await runImport(file, flags));
          },
        },
      );
    },
    template: () => {
      defineCommand(
        program
          .command('template')
          .description(
            '生成待填写的空白目录 Excel 表：官方表头、渠道清单、下拉勾选和填表说明 (a blank catalog workbook to fill in)',
          ),
        {
          arguments: [{ name: '<domain>', description: '领域，如 安全生产 (the domain, e.g. 安全生产)' }],
          options: TEMPLATE_OPTIONS,
          helpAfter: TEMPLATE_EXIT_HELP,
          action: async (domain, flags) => {
            const { runTemplate } = await import('./commands/template.js');
            exitWith(await runTemplate(domain, flags));
          },
        },
      );
    },
    form: () => {
      const form = program
        .command('form')
        .description('政务公开主题日、政府开放月申报表：生成、检查、打印、导入、合并为活动计划 (application forms)')
        .addHelpText('after', FORM_EXIT_HELP);

      defineCommand(
        form
          .command('new')
          .description(
            '生成待填写的申报表：带中文注释的 YAML，或带下拉列表、受保护的空白 Excel 表格 (a form to fill in)',
          ),
        {
          arguments: [{ name: '<form>', description: formChoices() }],
          options: FORM_NEW_OPTIONS,
          helpAfter: FORM_EXIT_HELP,
          action: async (name, flags) => {
            const { runFormNew } = await import('./commands/form.js');
            exitWith(await runFormNew(name, flags));
          },
        },
      );

      defineCommand(
        form.command('check').description('按规则方案检查申报表 (check submissions against their profiles)'),
        {
          arguments: [
            { name: '[inputs...]', description: '文件、目录或 glob；目录中只检查申报表 (files, directories or globs)' },
          ],
          options: FORM_CHECK_OPTIONS,
          helpAfter: FORM_EXIT_HELP,
          action: async (inputs, flags) => {
            const { runFormCheck } = await import('./commands/form.js');
            exitWith(await runFormCheck(inputs, flags));
          },
        },
      );

      defineCommand(
        form
          .command('render')
          .description('把填好的申报表生成为可打印的 Excel 表格或网页（一页 A4） (print a filled form)'),
        {
          arguments: [{ name: '<file>', description: '申报表 YAML 文件 (a submission)' }],
          options: FORM_RENDER_OPTIONS,
          helpAfter: FORM_EXIT_HELP,
          action: async (file, flags) => {
            const { runFormRender } = await import('./commands/form.js');
            exitWith(await runFormRender(file, flags));
          },
        },
      );

      defineCommand(
        form
          .command('import')
          .description('把填好的 Excel 申报表（或按同样栏目手工制作的表格）导入为 YAML (read a filled form back)'),
        {
          arguments: [{ name: '<file>', description: '.xlsx、.html 或 .csv 文件 (an .xlsx, .html or .csv file)' }],
          options: FORM_IMPORT_OPTIONS,
          helpAfter: FORM_EXIT_HELP,
          action: async (file, flags) => {
            const { runFormImport } = await import('./commands/form.js');
            exitWith(await runFormImport(file, flags));
          },
        },
      );

      defineCommand(
        form
          .command('plan')
          .description('把各单位的申报表合并为全年活动计划，按月份排列 (merge submissions into the annual plan)'),
        {
          arguments: [
            { name: '<inputs...>', description: '申报表文件、目录或 glob (submissions: files, directories or globs)' },
          ],
          options: FORM_PLAN_OPTIONS,
          helpAfter: FORM_EXIT_HELP,
          action: async (inputs, flags) => {
            const { runFormPlan } = await import('./commands/form.js');
            exitWith(await runFormPlan(inputs, flags));
          },
        },
      );
    },
    stats: () => {
      defineCommand(
        program
          .command('stats')
          .description(
            '统计目录：各领域、各单位的一级、二级事项数和公开方式、对象、层级、渠道、时限 (count items and elements)',
          ),
        {
          arguments: [
            {
              name: '[inputs...]',
              description:
                '文件、目录或 glob，可含 Excel、网页、CSV 表格，- 为标准输入；默认当前目录 (files, directories, globs, or - for standard input; default: .)',
            },
          ],
          options: STATS_OPTIONS,
          helpAfter: STATS_EXIT_HELP,
          action: async (inputs, flags) => {
            const { runStats } = await import('./commands/stats.js');
            exitWith(await runStats(inputs, flags));
          },
        },
      );
    },
    init: () => {
      defineCommand(
        program
          .command('init')
          .description(
            '建立目录仓库：配置、示例目录和 CI 文件（GitHub Actions、GitLab、pre-commit） (set up a catalog repository)',
          ),
        {
          arguments: [{ name: '[dir]', description: '目录，默认当前目录 (folder; default: .)' }],
          options: INIT_OPTIONS,
          action: async (dir, flags) => {
            const { runInit } = await import('./commands/init.js');
            exitWith(await runInit(dir, flags));
          },
        },
      );
    },
    schema: () => {
      defineCommand(
        program.command('schema').description('输出 JSON Schema，供编辑器补全和检查 (print a JSON Schema)'),
        {
          arguments: [
            {
              name: '[name]',
              description: `catalog（目录，默认）、config（配置）、diff-report（zwgk diff 的 JSON 输出）、stats-report（zwgk stats 的 JSON 输出）、${FORM_IDS.join('、')}（申报表）`,
              default: 'catalog',
            },
          ],
          options: SCHEMA_OPTIONS,
          action: async (name, flags) => {
            const { runSchema } = await import('./commands/schema.js');
            exitWith(await runSchema(name, flags));
          },
        },
      );
    },
    rules: () => {
      defineCommand(program.command('rules').description('列出全部检查规则 (list the lint rules)'), {
        arguments: [],
        options: RULES_OPTIONS,
        action: async (flags) => {
          const { runRules } = await import('./commands/rules.js');
          exitWith(await runRules(flags));
        },
      });
    },
  };
  const named = argv[2] !== undefined && Object.hasOwn(commands, argv[2]) ? commands[argv[2]] : undefined;
  if (named) named();
  else for (const register of Object.values(commands)) register();
  return program;
}

/** Run the command line; returns the exit code. Never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`zwgk … | head`) closes the pipe: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      process.exit(EXIT.fatal);
    });
  }
  const program = buildProgram(argv);
  try {
    await program.parseAsync([...argv]);
    return (program.getOptionValue('exitCode') as number | undefined) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.fatal;
    }
    if (error instanceof ZwgkError) {
      process.stderr.write(`zwgk: ${printable(error.message, true)}\n`);
      return error.exitCode;
    }
    const lang: Lang = langOfArgs(argv);
    // Anything may be thrown, not only an Error.
    const message = String((error as { message?: unknown }).message);
    process.stderr.write(
      lang === 'zh'
        ? `zwgk: 内部错误：${printable(message, true)}\n请把这条信息和所用的命令报告给维护者。设置 ZWGK_DEBUG=1 可查看详细信息。\n`
        : `zwgk: internal error: ${printable(message, true)}\nPlease report this message and the command used. Set ZWGK_DEBUG=1 for details.\n`,
    );
    if (process.env.ZWGK_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.fatal;
  }
}
