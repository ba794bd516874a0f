import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ZwgkError } from '../errors.js';
import { LANGS, type Lang } from '../i18n.js';
import { FAIL_ON } from '../diff/policy.js';
import { EXIT } from './exit.js';
import { FORMAT_NAMES, outputPairs } from './outputs.js';
import { printable } from '../report/printable.js';
import { toolVersion } from '../report/tool-version.js';
import { langOfArgs, usageMessage } from './usage-messages.js';
import type { DiffFlags } from './commands/diff.js';
import type { FixFlags } from './commands/fix.js';
import type { FormCheckFlags, FormImportFlags, FormNewFlags, FormPlanFlags, FormRenderFlags } from './commands/form.js';
import type { ImportFlags } from './commands/import.js';
import type { RenderFlags } from './commands/render.js';
import type { ValidateFlags } from './commands/validate.js';

// The flags commander passes each action, as the command's options declare them (commander types them as any).
type InitFlags = Parameters<typeof import('./commands/init.js').runInit>[1];
type SchemaFlags = Parameters<typeof import('./commands/schema.js').runSchema>[1];
type RulesFlags = Parameters<typeof import('./commands/rules.js').runRules>[0];

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

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('应为非负整数 (a whole number ≥ 0)');
  return Number(value);
}

function langOption(): Option {
  return new Option('--lang <lang>', '消息语言 (language of messages)').choices([...LANGS]);
}

/** The options every command that reads catalogs takes: language, configuration, colour. */
function withCommonOptions(command: Command, exitHelp = EXIT_HELP): Command {
  command
    .addOption(langOption())
    .option('-c, --config <file>', '使用指定的配置文件 (use this configuration file)')
    .option('--no-config', '不读取配置文件 (ignore configuration files)');
  return command
    .option('--color', '彩色输出 (force colour)')
    .option('--no-color', '不用彩色 (no colour)')
    .addHelpText('after', exitHelp);
}

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

  // Each command, registered on its own: a run registers only the command it names (the others
  // would be built for nothing), and every command when it names none it knows (help, a mistyped name).
  const commands: Record<string, () => void> = {
    validate: () => {
      withCommonOptions(
        program
          .command('validate')
          .description('检查目录文件：YAML 语法、字段格式和目录规则 (check catalogs)')
          .argument(
            '[inputs...]',
            '文件、目录或 glob，- 为标准输入；默认当前目录 (files, directories, globs, or - for standard input; default: .)',
          )
          .option(
            '-f, --format <format>',
            `输出格式，可写多次：${FORMAT_NAMES.join('、')}；默认 stylish，在 GitHub Actions 中为 github (output format, repeatable)`,
            outputs.format,
          )
          .option(
            '-o, --output <file>',
            '把前一个 -f 的结果写入文件 (write the preceding -f format to a file)',
            outputs.output,
          )
          .option('--max-warnings <n>', '警告超过此数时退出码为 1 (fail beyond this many warnings)', parseCount)
          .option('-q, --quiet', '只报告错误 (report errors only)')
          .option('--fix', '先自动修复（同 zwgk fix），再报告 (apply the safe fixes first, as zwgk fix does)')
          .option(
            '--diff-base <rev>',
            'markdown 汇总中附上与该 git 版本相比的目录变更 (add the changes since this git revision to the markdown summary)',
          )
          .option(
            '--stdin-filename <name>',
            '以 - 从标准输入读入时，报告中使用的文件名 (the name of standard input, -, in findings)',
          ),
      ).action(async (inputs: string[], flags: ValidateFlags) => {
        const { runValidate } = await import('./commands/validate.js');
        program.setOptionValue('exitCode', await runValidate(inputs, flags));
      });
    },
    fix: () => {
      withCommonOptions(
        program
          .command('fix')
          .description('自动修复目录文件中的规范问题，保留注释和格式 (apply the safe fixes in place)')
          .argument('[inputs...]', '文件、目录或 glob；默认当前目录 (files, directories or globs; default: .)')
          .option('--dry-run', '不改动文件，以 diff 显示将做的修改 (change nothing; print the changes as a diff)'),
        FIX_EXIT_HELP,
      ).action(async (inputs: string[], flags: FixFlags) => {
        const { runFix } = await import('./commands/fix.js');
        program.setOptionValue('exitCode', await runFix(inputs, flags));
      });
    },
    render: () => {
      withCommonOptions(
        program
          .command('render')
          .description('把目录生成为 Excel 表格或网页 (render catalogs to Excel or HTML)')
          .argument('<inputs...>', '文件、目录或 glob (files, directories or globs)')
          .addOption(
            new Option(
              '-f, --format <format>',
              '输出格式，默认按 -o 的扩展名 (output format; default: from the extension of -o)',
            ).choices(['xlsx', 'html']),
          )
          .requiredOption(
            '-o, --output <path>',
            '输出文件；HTML 给目录时每个目录一页 (output file; a directory for one HTML page per catalog)',
          )
          .addOption(
            new Option('--channels <style>', '渠道显示为清单(■□)或列表 (channels as a checklist or a list)').choices([
              'checklist',
              'list',
            ]),
          )
          .option('--title <title>', '工作簿或网站的标题 (title of the workbook or site)'),
        RENDER_EXIT_HELP,
      ).action(async (inputs: string[], flags: RenderFlags) => {
        const { runRender } = await import('./commands/render.js');
        program.setOptionValue('exitCode', await runRender(inputs, flags));
      });
    },
    diff: () => {
      withCommonOptions(
        program
          .command('diff')
          .description(
            '逐项比较两个版本的目录：文件、目录或 git 版本 (compare two versions: files, directories or git revisions)',
          )
          .argument('<old>', '旧版本：文件或目录 (old version: a file or a directory)')
          .argument('<new>', '新版本：文件或目录 (new version: a file or a directory)')
          .argument('[paths...]', '比较 git 版本时，-- 后写要比较的路径 (with git revisions: the paths, after --)')
          .addOption(
            new Option(
              '-f, --format <format>',
              '输出格式；html、xlsx 为可存档的变更报告 (output format; html and xlsx are change reports to file)',
            )
              .choices(['text', 'json', 'markdown', 'html', 'xlsx'])
              .default('text'),
          )
          .addOption(
            new Option(
              '--fail-on <class>',
              '有此类变更时退出码为 1，默认 none 或配置的 diff.failOn (exit 1 on such changes)',
            ).choices([...FAIL_ON]),
          )
          .option('--baseline', '旧版本是基准目录：汇总写作“较基准目录新增…” (the old side is the baseline)')
          .option('-o, --output <file>', '把结果写入文件 (write the report to a file)'),
        DIFF_EXIT_HELP,
      ).action(async (oldInput: string, newInput: string, paths: string[], flags: DiffFlags) => {
        const { runDiff } = await import('./commands/diff.js');
        program.setOptionValue('exitCode', await runDiff(oldInput, newInput, paths, flags));
      });
    },
    import: () => {
      withCommonOptions(
        program
          .command('import')
          .description(
            '把已有的 Excel、网页或 CSV 目录表格导入为 YAML 目录 (import catalog tables from xlsx, html or csv)',
          )
          .argument('<file>', '.xlsx、.html/.htm 或 .csv 文件 (an .xlsx, .html or .csv file)')
          .requiredOption('-o, --output <dir>', '导入的目录文件写到这个目录 (folder to write the catalogs to)')
          .addOption(
            new Option('-f, --format <format>', '导入报告的格式 (format of the import report)')
              .choices(['text', 'json'])
              .default('text'),
          )
          .option('--report <file>', '另把导入报告写入文件；.json 结尾时为 JSON (also write the report to a file)')
          .option('--force', '覆盖已存在的同名文件 (overwrite existing files)'),
        IMPORT_EXIT_HELP,
      ).action(async (file: string, flags: ImportFlags) => {
        const { runImport } = await import('./commands/import.js');
        program.setOptionValue('exitCode', await runImport(file, flags));
      });
    },
    form: () => {
      const form = program
        .command('form')
        .description('政务公开主题日、政府开放月申报表：生成、检查、打印、导入、合并为活动计划 (application forms)')
        .addHelpText('after', FORM_EXIT_HELP);

      withCommonOptions(
        form
          .command('new')
          .description(
            '生成待填写的申报表：带中文注释的 YAML，或带下拉列表、受保护的空白 Excel 表格 (a form to fill in)',
          )
          .argument('<form>', 'theme-day（主题日活动主题申报表）或 open-day（开放月活动申报表）')
          .option(
            '-o, --output <file>',
            '输出文件；不写时 YAML 输出到屏幕 (output file; YAML goes to stdout without it)',
          )
          .addOption(
            new Option(
              '-f, --format <format>',
              '格式，默认按 -o 的扩展名 (format; default: from the extension)',
            ).choices(['yaml', 'xlsx', 'html']),
          )
          .option('--year <year>', '年度，默认今年 (year; default: this year)', parseCount)
          .option('--area <area>', '发文地区，出现在标题中 (issuing area, shown in the title)')
          .option('--unit <unit>', '填报单位 (the unit)')
          .option('--rows <n>', '空白行数，默认按规则方案 (blank rows; default: from the profile)', parseCount)
          .option('--profile <id>', '规则方案，默认按配置 forms.defaultProfiles (rule profile)')
          .option('--force', '覆盖已存在的文件 (overwrite an existing file)'),
        FORM_EXIT_HELP,
      ).action(async (name: string, flags: FormNewFlags) => {
        const { runFormNew } = await import('./commands/form.js');
        program.setOptionValue('exitCode', await runFormNew(name, flags));
      });

      withCommonOptions(
        form
          .command('check')
          .description('按规则方案检查申报表 (check submissions against their profiles)')
          .argument('[inputs...]', '文件、目录或 glob；目录中只检查申报表 (files, directories or globs)')
          .addOption(
            new Option('-f, --format <format>', '输出格式 (output format)')
              .choices(['stylish', 'json'])
              .default('stylish'),
          )
          .option('-o, --output <file>', '把结果写入文件 (write the report to a file)')
          .option('--max-warnings <n>', '警告超过此数时退出码为 1 (fail beyond this many warnings)', parseCount)
          .option('-q, --quiet', '只报告错误 (report errors only)')
          .option('--profile <id>', '都按这个规则方案检查 (check every submission by this profile)'),
        FORM_EXIT_HELP,
      ).action(async (inputs: string[], flags: FormCheckFlags) => {
        const { runFormCheck } = await import('./commands/form.js');
        program.setOptionValue('exitCode', await runFormCheck(inputs, flags));
      });

      withCommonOptions(
        form
          .command('render')
          .description('把填好的申报表生成为可打印的 Excel 表格或网页（一页 A4） (print a filled form)')
          .argument('<file>', '申报表 YAML 文件 (a submission)')
          .addOption(
            new Option('-f, --format <format>', '输出格式，默认按 -o 的扩展名 (output format)').choices([
              'xlsx',
              'html',
            ]),
          )
          .option('-o, --output <file>', '输出文件，默认与申报表同名 (output file; default: beside the submission)')
          .option('--profile <id>', '按这个规则方案检查 (check by this profile)'),
        FORM_EXIT_HELP,
      ).action(async (file: string, flags: FormRenderFlags) => {
        const { runFormRender } = await import('./commands/form.js');
        program.setOptionValue('exitCode', await runFormRender(file, flags));
      });

      withCommonOptions(
        form
          .command('import')
          .description('把填好的 Excel 申报表（或按同样栏目手工制作的表格）导入为 YAML (read a filled form back)')
          .argument('<file>', '.xlsx、.html 或 .csv 文件 (an .xlsx, .html or .csv file)')
          .option('-o, --output <file>', '写入的 YAML 文件；不写时输出到屏幕 (YAML file; stdout without it)')
          .option('--form <form>', '只找这种申报表：theme-day 或 open-day (look for this form only)')
          .option('--profile <id>', '在导入的文件中写明规则方案 (name this profile in the file)')
          .option('--force', '覆盖已存在的文件 (overwrite an existing file)'),
        FORM_EXIT_HELP,
      ).action(async (file: string, flags: FormImportFlags) => {
        const { runFormImport } = await import('./commands/form.js');
        program.setOptionValue('exitCode', await runFormImport(file, flags));
      });

      withCommonOptions(
        form
          .command('plan')
          .description('把各单位的申报表合并为全年活动计划，按月份排列 (merge submissions into the annual plan)')
          .argument('<inputs...>', '申报表文件、目录或 glob (submissions: files, directories or globs)')
          .requiredOption('-o, --output <file>', '活动计划：.xlsx 或 .html 文件 (the plan: an .xlsx or .html file)')
          .addOption(
            new Option('-f, --format <format>', '输出格式，默认按 -o 的扩展名 (output format)').choices([
              'xlsx',
              'html',
            ]),
          )
          .option('--form <form>', '输入中有两种申报表时，合并哪一种 (which form, when inputs hold both)')
          .option('--profile <id>', '计划所用的规则方案（每月活动数） (profile of the plan limits)')
          .option('--max-per-month <n>', '每月活动数上限，超过时报告 (most activities in a month)', parseCount)
          .option('--title <title>', '计划的标题 (title of the plan)')
          .option('--area <area>', '发文地区 (issuing area)')
          .option('--year <year>', '年度 (year)', parseCount),
        FORM_EXIT_HELP,
      ).action(async (inputs: string[], flags: FormPlanFlags) => {
        const { runFormPlan } = await import('./commands/form.js');
        program.setOptionValue('exitCode', await runFormPlan(inputs, flags));
      });
    },
    init: () => {
      program
        .command('init')
        .description(
          '建立目录仓库：配置、示例目录和 CI 文件（GitHub Actions、GitLab、pre-commit） (set up a catalog repository)',
        )
        .argument('[dir]', '目录，默认当前目录 (folder; default: .)')
        .option(
          '--zwgk-source <spec>',
          'package.json 中 zwgk 的来源，默认为正在运行的版本：版本号、网址、npm: 别名或本机的 .tgz 文件 (where npm gets zwgk: a version, a URL, an npm: alias or a local .tgz; default: this version)',
        )
        .addOption(langOption())
        .action(async (dir: string | undefined, flags: InitFlags) => {
          const { runInit } = await import('./commands/init.js');
          program.setOptionValue('exitCode', await runInit(dir, flags));
        });
    },
    schema: () => {
      program
        .command('schema')
        .description('输出 JSON Schema，供编辑器补全和检查 (print a JSON Schema)')
        .argument(
          '[name]',
          'catalog（目录，默认）、config（配置）、diff-report（zwgk diff 的 JSON 输出）、theme-day 或 open-day（申报表）',
          'catalog',
        )
        .option('-o, --output <file>', '写入文件 (write to a file)')
        .addOption(
          new Option(
            '--lang <lang>',
            '只有 zh：模式中的说明只有中文 (zh only: the schemas are described in Chinese)',
          ).choices([...LANGS]),
        )
        .action(async (name: string, flags: SchemaFlags) => {
          const { runSchema } = await import('./commands/schema.js');
          program.setOptionValue('exitCode', await runSchema(name, flags));
        });
    },
    rules: () => {
      program
        .command('rules')
        .description('列出全部检查规则 (list the lint rules)')
        .addOption(
          new Option('-f, --format <format>', '输出格式 (output format)')
            .choices(['text', 'json', 'markdown'])
            .default('text'),
        )
        .addOption(langOption())
        .action(async (flags: RulesFlags) => {
          const { runRules } = await import('./commands/rules.js');
          program.setOptionValue('exitCode', await runRules(flags));
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
