import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCatalog } from '../../catalog/resolve.js';
import { configReport, resolveRunSettings } from '../../config/resolve-options.js';
import { shippedDocuments } from '../documents.js';
import { printable } from '../../report/printable.js';
import { stylish } from '../../report/stylish.js';
import { RENDERERS } from '../../render/registry.js';
import { buildTable } from '../../render/table-model.js';
import type { RenderInput, RenderOptions } from '../../render/types.js';
import { optionsFor } from '../../validate/options.js';
import { writeFailureText, writeFileAtomic } from '../../util/write-atomic.js';
import { expandRunInputs } from '../run-inputs.js';
import { validateFiles, type ValidationReport } from '../../validate/validate-files.js';
import { UsageError, ZwgkError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { formatOfName, isTerminal, useColor } from '../io.js';
import type { RenderFlags } from '../options.js';
import { declaredKind } from '../../load/load-source.js';
import { isFormKind } from '../../forms/document-kind.js';

/** Whether `path` is a folder (true), something else that exists, such as a file or a device (false), or nothing yet. */
async function isDirectory(path: string): Promise<boolean | undefined> {
  return (await stat(path).catch(() => undefined))?.isDirectory();
}

function isFormData(value: unknown): boolean {
  return isFormKind(declaredKind(value));
}

/** `zwgk render`: check the catalogs, then turn them into a workbook or web pages. Nothing is written if a catalog has errors. */
export async function runRender(inputs: readonly string[], flags: RenderFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd, shippedDocuments);
  const { lang, config, options, base } = settings;
  const named = formatOfName(flags.output);
  const format = flags.format ?? (named === 'xlsx' || named === 'html' ? named : undefined);
  if (!format) {
    throw new UsageError(
      lang === 'zh'
        ? `不知道生成哪种格式：请加 -f xlsx 或 -f html，或让输出文件以 .xlsx、.html 结尾（现在是 ${flags.output}）。`
        : `Which format? Add -f xlsx or -f html, or name an output ending in .xlsx or .html (given: ${flags.output}).`,
    );
  }
  const color = useColor(flags.color, false) && isTerminal(process.stderr);
  const show = (report: ValidationReport): void => {
    process.stderr.write(stylish(report, { lang, color, sources: report.sources }));
  };
  if (settings.diagnostics.length > 0) {
    show(configReport(settings));
    return EXIT.fatal;
  }
  const expanded = await expandRunInputs(inputs, settings, cwd);
  const data = new Map<string, unknown>();
  const report = await validateFiles(expanded.files, options, cwd, {
    preset: expanded.missing,
    onData: (file, value) => data.set(file, value),
  });
  if (report.fatal || report.errorCount > 0) {
    show(report);
    process.stderr.write(
      lang === 'zh'
        ? '目录有错误，未生成任何文件。请先修改上述错误。\n'
        : 'The catalogs have errors; nothing was written. Fix the errors above first.\n',
    );
    return report.fatal ? EXIT.fatal : EXIT.findings;
  }
  if (report.warningCount > 0) show(report);

  // Application forms among the catalogs are checked above but not rendered here (`zwgk form render` does).
  const renderInputs: RenderInput[] = report.files
    .filter((file) => !isFormData(data.get(file)))
    .map((file) => {
      const catalog = resolveCatalog(data.get(file), optionsFor(options, resolve(cwd, file)).levelColumns);
      return {
        file,
        catalog,
        table: buildTable(catalog, { channels: flags.channels ?? config.render?.channels ?? 'checklist' }),
      };
    });
  const output = resolve(cwd, flags.output);
  // A page site goes to a folder: one named so, one that exists, or a new name without .html; an existing file or device takes one page.
  const folder = await isDirectory(output);
  const site =
    format === 'html' &&
    (flags.output.endsWith('/') || folder === true || (folder === undefined && !/\.html?$/i.test(flags.output)));
  const renderOptions: RenderOptions = {
    channels: flags.channels ?? config.render?.channels ?? 'checklist',
    layout: site ? 'site' : 'single',
    ...(config.render?.templates ? { templatesDir: resolve(base, config.render.templates) } : {}),
    ...(flags.title ? { title: flags.title } : {}),
  };
  const files = await (await RENDERERS[format]())(renderInputs, renderOptions);
  let writing = flags.output;
  try {
    if (site) {
      await mkdir(output, { recursive: true });
      for (const f of files) {
        writing = join(flags.output, f.path);
        await writeFileAtomic(join(output, f.path), f.chunks?.() ?? f.content, { name: writing });
      }
    } else {
      await writeFileAtomic(output, files[0]!.chunks?.() ?? files[0]!.content, { name: flags.output });
    }
  } catch (error) {
    throw new ZwgkError(writeFailureText(error, writing)[lang]);
  }
  const count = renderInputs.length;
  const shown = printable(flags.output);
  process.stderr.write(
    lang === 'zh'
      ? `已生成 ${shown}（${count} 个目录）。\n`
      : `Wrote ${shown} (${count} catalog${count === 1 ? '' : 's'}).\n`,
  );
  return EXIT.ok;
}
