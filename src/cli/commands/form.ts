import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { assetFile, readJsonAsset } from '../../assets.js';
import { configReport, resolveRunSettings, type CommonFlags, type RunSettings } from '../../config/resolve-options.js';
import type { Diagnostic } from '../../diagnostics.js';
import { UsageError, ZwgkError } from '../../errors.js';
import { checkSubmissionFiles, type CheckedSubmission } from '../../forms/check-files.js';
import { buildReport } from '../../report/build-report.js';
import { importForm } from '../../forms/import/import-form.js';
import { loadLayout } from '../../forms/load-layout.js';
import type { FormLayout, PlanLayout } from '../../forms/layout.js';
import { planFromSubmissions } from '../../forms/plan/plan-files.js';
import { renderFormHtml, renderPlanHtml } from '../../forms/render/html.js';
import type { FormSheetInput } from '../../forms/render/form-input.js';
import { FORMS, findForm, type FormDefinition } from '../../forms/registry.js';
import { submissionSkeleton } from '../../forms/skeleton.js';
import { FORM_IDS, type FormProfile } from '../../forms/types.js';
import {
  resolveSubmissionOptions,
  validateLoadedSubmission,
  validateSubmission,
  type SubmissionOptions,
} from '../../forms/validate-submission.js';
import { submissionYaml } from '../../forms/write-submission.js';
import { say, type Lang } from '../../i18n.js';
import { loadFile } from '../../load/load-file.js';
import { printable } from '../../report/printable.js';
import { FORMATTERS } from '../../report/registry.js';
import { stylish } from '../../report/stylish.js';
import { writeFailureText, writeFileAtomic } from '../../util/write-atomic.js';
import { expandRunInputs } from '../run-inputs.js';
import type { ValidationReport } from '../../validate/validate-files.js';
import { DOCUMENT_RULES } from '../documents.js';
import { EXIT, exitCodeFor, warningLimitNote } from '../exit.js';
import { formatOfName, isTerminal, useColor, writeOutput } from '../io.js';
import type { FormCheckFlags, FormImportFlags, FormNewFlags, FormPlanFlags, FormRenderFlags } from '../options.js';

/** Flags every `zwgk form` command takes. */
export interface FormFlags extends CommonFlags {
  /** Check by this profile instead of the one each submission names. */
  profile?: string;
  color?: boolean;
}

/** Everything a form command needs from the configuration and its flags. */
interface FormSettings {
  settings: RunSettings;
  lang: Lang;
  options: SubmissionOptions;
  /** A directory whose files replace those of templates/forms/. */
  templatesDir?: string;
}

/** Load the configuration and the profiles; `undefined` after reporting a broken configuration (exit 2). */
async function formSettings(flags: FormFlags, cwd: string): Promise<FormSettings | undefined> {
  const settings = await resolveRunSettings(flags, cwd);
  const { lang, config, base } = settings;
  if (settings.diagnostics.length > 0) {
    process.stderr.write(stylish(configReport(settings), { lang, color: false, sources: new Map() }));
    return undefined;
  }
  const options = resolveSubmissionOptions({
    lang,
    ...(config.forms ? { forms: config.forms } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
  });
  if (flags.profile && !options.profiles.profiles.has(flags.profile)) {
    const known = [...options.profiles.profiles.keys()].join('、');
    throw new UsageError(
      say(lang, {
        zh: `没有名为“${flags.profile}”的规则方案；可用：${known}。`,
        en: `No profile "${flags.profile}"; known: ${known}.`,
      }),
    );
  }
  return {
    settings,
    lang,
    options,
    ...(config.forms?.templates ? { templatesDir: resolve(base, config.forms.templates) } : {}),
  };
}

function formNamed(name: string, lang: Lang): FormDefinition {
  const form = findForm(name);
  if (!form) {
    const known = FORM_IDS.map((id) => `${id}（${FORMS[id].name.zh}）`).join('、');
    throw new UsageError(
      say(lang, {
        zh: `没有名为“${name}”的申报表；可用：${known}。`,
        en: `No form "${name}"; known: ${FORM_IDS.join(', ')}.`,
      }),
    );
  }
  return form;
}

/** The profile a form command uses: the flag's, else the form's default; it must be one of this form. */
function profileFor(
  form: FormDefinition,
  options: SubmissionOptions,
  lang: Lang,
): { id: string; profile: FormProfile } {
  const id = options.profile ?? options.profiles.defaults[form.id];
  const profile = options.profiles.profiles.get(id)!;
  if (profile.form !== form.id) {
    throw new UsageError(
      say(lang, {
        zh: `规则方案“${id}”用于${FORMS[profile.form].name.zh}，不能用于${form.name.zh}。`,
        en: `The profile "${id}" is for ${profile.form}, not ${form.id}.`,
      }),
    );
  }
  return { id, profile };
}

async function writeFile(path: string, content: string | Uint8Array, shown: string, lang: Lang): Promise<void> {
  try {
    await writeFileAtomic(path, content, { name: shown });
  } catch (error) {
    throw new ZwgkError(say(lang, writeFailureText(error, shown)));
  }
}

function refuseExisting(path: string, shown: string, force: boolean | undefined, lang: Lang): void {
  if (!force && existsSync(path)) {
    throw new ZwgkError(
      say(lang, {
        zh: `${shown} 已经存在，没有写入。换一个文件名，或加 --force 覆盖。`,
        en: `${shown} exists; nothing was written. Choose another name, or add --force to overwrite.`,
      }),
    );
  }
}

/**
 * The shipped schema as a submission at `file` refers to it: its path relative to the file, with forward
 * slashes, so that an editor checks the submission offline; the schema's `$id` where it is not a file
 * (the portable build).
 */
function schemaPathFrom(file: string, form: FormDefinition): string {
  const schema = assetFile(form.schema);
  return schema === undefined
    ? readJsonAsset<{ $id: string }>(form.schema).$id
    : relative(dirname(file), schema).split(sep).join('/');
}

/**
 * `zwgk form new <form>`: a submission to fill in — a YAML file with comments in Chinese, or (`--format
 * xlsx`) a blank, protected workbook with drop-down lists, or (`--format html`) a blank form to print.
 */
export async function runFormNew(name: string, flags: FormNewFlags): Promise<number> {
  const cwd = process.cwd();
  const ready = await formSettings(flags, cwd);
  if (!ready) return EXIT.fatal;
  const { lang, options, templatesDir } = ready;
  const form = formNamed(name, lang);
  const { id, profile } = profileFor(form, options, lang);
  const format = flags.format ?? formatOfName(flags.output) ?? 'yaml';
  if (format !== 'yaml' && (!flags.output || flags.output === '-')) {
    throw new UsageError(
      say(lang, {
        zh: `--format ${format} 需要用 -o 指定输出文件。`,
        en: `--format ${format} needs an output file (-o).`,
      }),
    );
  }
  const year = flags.year ?? new Date().getFullYear();
  const layout = await loadLayout<FormLayout>(form.layout, templatesDir);
  const blank = {
    year,
    ...(flags.area ? { area: flags.area } : {}),
    ...(flags.unit ? { unit: flags.unit } : {}),
    ...(flags.rows ? { rows: flags.rows } : {}),
  };
  const input: FormSheetInput = { form, layout, profile, blank };
  let content: string | Uint8Array;
  if (format === 'xlsx') {
    const { renderFormXlsx } = await import('../../forms/render/xlsx-form.js');
    content = await renderFormXlsx(input);
  } else if (format === 'html') {
    content = await renderFormHtml(input, templatesDir);
  } else {
    const target = flags.output && flags.output !== '-' ? resolve(cwd, flags.output) : resolve(cwd, 'submission.yaml');
    content = submissionSkeleton({
      form: form.id,
      profileId: id,
      profile,
      layout,
      year,
      ...(flags.area ? { area: flags.area } : {}),
      ...(flags.unit ? { unit: flags.unit } : {}),
      ...(flags.rows ? { rows: flags.rows } : {}),
      schemaPath: schemaPathFrom(target, form),
    });
  }
  if (!flags.output || flags.output === '-') {
    await writeOutput(content, undefined, lang);
    return EXIT.ok;
  }
  const target = resolve(cwd, flags.output);
  refuseExisting(target, flags.output, flags.force, lang);
  await writeFile(target, content, flags.output, lang);
  const shown = printable(flags.output);
  process.stderr.write(
    say(lang, {
      zh: `已生成 ${shown}（${form.name.zh}，规则方案 ${id}）。${format === 'yaml' ? `填好后运行 zwgk form check ${shown} 检查。` : ''}\n`,
      en: `Wrote ${shown} (${form.id}, profile ${id}).${format === 'yaml' ? ` Fill it in, then run zwgk form check ${shown}.` : ''}\n`,
    }),
  );
  return EXIT.ok;
}

/** The inputs the user named as files (not directories or globs), as `expandInputs` shows them. */
function namedFiles(inputs: readonly string[], cwd: string): Set<string> {
  const named = new Set<string>();
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (!statSync(absolute, { throwIfNoEntry: false })?.isFile()) continue;
    const rel = relative(cwd, absolute);
    named.add((rel && !rel.startsWith('..') ? rel : absolute).split(sep).join('/'));
  }
  return named;
}

/** The files of a form command: submissions in YAML, and filled forms in workbooks, pages and CSV files (`tables`). */
async function expand(inputs: readonly string[], ready: FormSettings, cwd: string, tables = false) {
  return expandRunInputs(inputs, { ...ready.settings, lang: ready.lang }, cwd, { tables });
}

/** `zwgk form check`: check submissions against their profiles; prints as `zwgk validate` does, with its exit codes. */
export async function runFormCheck(inputs: readonly string[], flags: FormCheckFlags): Promise<number> {
  const cwd = process.cwd();
  const ready = await formSettings(flags, cwd);
  if (!ready) return EXIT.fatal;
  const { lang, options } = ready;
  const expanded = await expand(inputs, ready, cwd, true);
  const run = await checkSubmissionFiles(
    expanded.files,
    options,
    cwd,
    namedFiles(inputs, cwd),
    expanded.missing,
    ready.templatesDir,
  );
  let report = run.report;
  if (flags.quiet)
    report = { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error'), warningCount: 0 };
  const color = useColor(flags.color, Boolean(flags.output && flags.output !== '-'));
  await writeOutput(
    FORMATTERS[flags.format](report, { lang, color, sources: report.sources, rules: DOCUMENT_RULES }),
    flags.output,
    lang,
  );
  const { maxWarnings } = ready.settings.config;
  const note = warningLimitNote(report, flags.maxWarnings, maxWarnings, lang);
  if (note) process.stderr.write(note + '\n');
  return exitCodeFor(report, flags.maxWarnings ?? maxWarnings);
}

function showFindings(report: ValidationReport, lang: Lang, flags: FormFlags): void {
  const color = useColor(flags.color, false) && isTerminal(process.stderr);
  process.stderr.write(stylish(report, { lang, color, sources: report.sources }));
}

/**
 * `zwgk form render <file>`: the filled form as a workbook or web page, printable on one A4 page. The
 * submission is checked first; with errors, nothing is written (exit 1).
 */
export async function runFormRender(file: string, flags: FormRenderFlags): Promise<number> {
  const cwd = process.cwd();
  const ready = await formSettings(flags, cwd);
  if (!ready) return EXIT.fatal;
  const { lang, options, templatesDir } = ready;
  const format = flags.format ?? formatOfName(flags.output);
  if (format !== 'xlsx' && format !== 'html') {
    throw new UsageError(
      say(lang, {
        zh: '用 --format xlsx 或 --format html 指定输出格式。',
        en: 'Choose the output with --format xlsx or --format html.',
      }),
    );
  }
  const loaded = await loadFile(resolve(cwd, file), { file, lang });
  const result = loaded.ok ? validateLoadedSubmission(loaded.source, options) : undefined;
  const diagnostics: Diagnostic[] = loaded.ok ? result!.diagnostics : [loaded.diagnostic];
  const report = buildReport([file], diagnostics, loaded.ok ? new Map([[file, loaded.source.written]]) : new Map());
  if (report.fatal || report.errorCount > 0 || !result?.submission || !result.profile || !result.form) {
    showFindings(report, lang, flags);
    process.stderr.write(
      say(lang, {
        zh: '申报表有错误，未生成任何文件。请先修改上述错误。\n',
        en: 'The submission has errors; nothing was written. Fix the errors above first.\n',
      }),
    );
    return report.fatal ? EXIT.fatal : EXIT.findings;
  }
  if (report.warningCount > 0) showFindings(report, lang, flags);
  const layout = await loadLayout<FormLayout>(result.form.layout, templatesDir);
  const input: FormSheetInput = { form: result.form, layout, profile: result.profile, submission: result.submission };
  const output = flags.output ?? `${file.slice(0, file.length - extname(file).length)}.${format}`;
  let content: string | Uint8Array;
  if (format === 'xlsx') {
    const { renderFormXlsx } = await import('../../forms/render/xlsx-form.js');
    content = await renderFormXlsx(input);
  } else {
    content = await renderFormHtml(input, templatesDir);
  }
  await writeFile(resolve(cwd, output), content, output, lang);
  process.stderr.write(say(lang, { zh: `已生成 ${printable(output)}。\n`, en: `Wrote ${printable(output)}.\n` }));
  return EXIT.ok;
}

/**
 * `zwgk form import <filled.xlsx>`: read a filled form (the blank workbook of `form new`, or a table typed
 * by hand in the same columns) back into a YAML submission. Cells that could not be read are listed by
 * their reference, then the new file is checked. Exit 0 once imported; 2 if the file holds no form.
 */
export async function runFormImport(file: string, flags: FormImportFlags): Promise<number> {
  const cwd = process.cwd();
  const ready = await formSettings(flags, cwd);
  if (!ready) return EXIT.fatal;
  const { lang, options, templatesDir } = ready;
  const only = flags.form ? formNamed(flags.form, lang) : undefined;
  const toFile = Boolean(flags.output && flags.output !== '-');
  const target = toFile ? resolve(cwd, flags.output!) : undefined;
  if (target) refuseExisting(target, flags.output!, flags.force, lang);
  const found = await importForm(resolve(cwd, file), {
    lang,
    name: file,
    ...(only ? { form: only.id } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(templatesDir ? { templatesDir } : {}),
  });
  const profile = options.profiles.profiles.get(flags.profile ?? options.profiles.defaults[found.form.id]);
  const text = submissionYaml(found.draft, {
    schemaPath: schemaPathFrom(target ?? resolve(cwd, 'submission.yaml'), found.form),
    heading: [
      `由 zwgk form import 从 ${basename(file)} 导入（工作表 ${found.grid}）。文字按原表保留，请对照原表核对。`,
    ],
    ...(profile ? { profile } : {}),
  });
  const shown = toFile ? flags.output! : '<stdout>';
  if (target) await writeFile(target, text, flags.output!, lang);
  else await writeOutput(text, undefined, lang);

  const zh = lang === 'zh';
  const lines = [
    zh
      ? `从 ${file} 导入了${found.form.name.zh}（工作表 ${found.grid}，${found.draft.rows.length} 项）→ ${shown}`
      : `Imported ${found.form.id} from ${file} (sheet ${found.grid}, ${found.draft.rows.length} rows) → ${shown}`,
  ];
  for (const p of found.problems) lines.push(`  ${p.ref}  ${zh ? '无法读取' : 'unreadable'}  ${p.message[lang]}`);
  process.stderr.write(printable(lines.join('\n'), true) + '\n');
  const checked = validateSubmission(shown, text, options);
  if (checked.diagnostics.length > 0) {
    process.stderr.write(zh ? '\n导入后检查：\n' : '\nChecked after import:\n');
    showFindings(buildReport([shown], checked.diagnostics, new Map([[shown, text]])), lang, flags);
  }
  return EXIT.ok;
}

/** The form the plan merges: the flag's, else the one every submission is; several forms need the flag. */
function planForm(checked: readonly CheckedSubmission[], flags: FormPlanFlags, lang: Lang): FormDefinition {
  if (flags.form) return formNamed(flags.form, lang);
  const forms = [...new Set(checked.map((c) => c.result.form?.id).filter((id) => id !== undefined))];
  if (forms.length === 1) return FORMS[forms[0]!];
  if (forms.length === 0) {
    throw new UsageError(say(lang, { zh: '没有可以合并的申报表。', en: 'There is no submission to merge.' }));
  }
  throw new UsageError(
    say(lang, {
      zh: `输入中有不同的申报表（${forms.join('、')}）；用 --form 指定要合并哪一种。`,
      en: `The inputs hold different forms (${forms.join(', ')}); choose one with --form.`,
    }),
  );
}

/**
 * `zwgk form plan <submissions…> -o plan.xlsx|plan.html`: merge the submissions into the annual plan,
 * ordered by month (open days then by day) then unit, and report submissions that fail their rules, duplicate themes and months
 * with no activity or too many. The plan is written whenever there is something to merge; the exit code
 * is that of `zwgk validate` over all findings.
 */
export async function runFormPlan(inputs: readonly string[], flags: FormPlanFlags): Promise<number> {
  const cwd = process.cwd();
  const ready = await formSettings(flags, cwd);
  if (!ready) return EXIT.fatal;
  const { lang, options, templatesDir } = ready;
  const format = flags.format ?? formatOfName(flags.output);
  if (format !== 'xlsx' && format !== 'html') {
    throw new UsageError(
      say(lang, {
        zh: '活动计划输出为 .xlsx 或 .html 文件（或用 --format 指定）。',
        en: 'The plan is written as .xlsx or .html (or say --format).',
      }),
    );
  }
  // Submissions in YAML, and forms filled in workbooks, pages and CSV files, as offices send them in.
  const expanded = await expand(inputs, ready, cwd, true);
  // The plan's own profile is chosen below; each submission is checked by its own.
  const perFile: SubmissionOptions = { lang, profiles: options.profiles };
  const run = await checkSubmissionFiles(
    expanded.files,
    perFile,
    cwd,
    namedFiles(inputs, cwd),
    expanded.missing,
    ready.templatesDir,
  );
  if (run.checked.every((c) => !c.result.form) && run.report.diagnostics.length > 0) {
    showFindings(run.report, lang, flags);
    process.stderr.write(
      say(lang, { zh: '没有可以合并的申报表，未生成文件。\n', en: 'No submission to merge; nothing was written.\n' }),
    );
    return run.report.fatal ? EXIT.fatal : EXIT.findings;
  }
  const form = planForm(run.checked, flags, lang);
  const layout = await loadLayout<PlanLayout>(form.planLayout, templatesDir);
  const planned = planFromSubmissions(run.checked, {
    form,
    layout,
    profiles: options.profiles,
    lang,
    planFile: flags.output,
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.maxPerMonth !== undefined ? { maxPerMonth: flags.maxPerMonth } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.area ? { area: flags.area } : {}),
    ...(flags.year !== undefined ? { year: flags.year } : {}),
  });
  const others = run.checked.filter((c) => c.result.form && c.result.form.id !== form.id).map((c) => c.file);
  const texts = new Map(run.checked.map((c) => [c.file, c.text]));
  const diagnostics = [...run.report.diagnostics, ...planned.diagnostics];
  const sources = new Map([...texts].filter(([file]) => diagnostics.some((d) => d.file === file)));
  const report = buildReport(run.report.files, diagnostics, sources);
  if (report.diagnostics.length > 0) showFindings(report, lang, flags);

  const { plan } = planned;
  const zh = lang === 'zh';
  if (plan.entries.length > 0) {
    const content =
      format === 'xlsx'
        ? await (await import('../../forms/render/xlsx-plan.js')).renderPlanXlsx(plan, layout)
        : await renderPlanHtml(plan, layout, templatesDir);
    await writeFile(resolve(cwd, flags.output), content, flags.output, lang);
    process.stderr.write(
      zh
        ? `已生成 ${printable(flags.output)}（${plan.units} 个单位，${plan.entries.length} 项活动）。\n`
        : `Wrote ${printable(flags.output)} (${plan.units} units, ${plan.entries.length} activities).\n`,
    );
  } else {
    process.stderr.write(zh ? '没有可列入计划的活动，未生成文件。\n' : 'No activity to plan; nothing was written.\n');
  }
  const failing = run.checked.filter(
    (c) => c.result.form?.id === form.id && c.result.diagnostics.some((d) => d.severity === 'error'),
  );
  if (failing.length > 0) {
    const units = failing.map((c) => `${c.result.submission?.unit ?? '?'}（${c.file}）`);
    process.stderr.write(
      printable(
        zh ? `申报表有错误的单位：${units.join('、')}` : `Units whose submission has errors: ${units.join(', ')}`,
      ) + '\n',
    );
  }
  if (planned.left.length > 0) {
    process.stderr.write(
      printable(
        zh
          ? `未列入计划（格式有误，先改正再合并）：${planned.left.join('、')}`
          : `Left out of the plan (broken structure; fix them first): ${planned.left.join(', ')}`,
      ) + '\n',
    );
  }
  if (others.length > 0) {
    process.stderr.write(
      printable(
        zh
          ? `不是${form.name.zh}，未列入：${others.join('、')}`
          : `Not ${form.id} submissions, left out: ${others.join(', ')}`,
      ) + '\n',
    );
  }
  return exitCodeFor(report);
}
