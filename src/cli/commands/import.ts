import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { configReport, resolveRunSettings } from '../../config/resolve-options.js';
import { ZwgkError } from '../../errors.js';
import { importComment } from '../../import/import-comment.js';
import { importTables } from '../../import/import-tables.js';
import { importReportJson, importReportText, type WrittenTable } from '../../import/report.js';
import { CATALOG_TABLE_HINTS } from '../../import/table-hints.js';
import { catalogText } from '../../import/write-yaml.js';
import { stylish } from '../../report/stylish.js';
import { readTableFile } from '../../tables/read-file.js';
import { writeFailureText } from '../../util/write-atomic.js';
import { writeFilesAtomically, type FileToWrite } from '../../util/write-files.js';
import { validateText } from '../../validate/validate-text.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../io.js';
import type { ImportFlags } from '../options.js';

/**
 * `zwgk import <file> -o <dir>`: read the catalog tables of a workbook, web page or CSV file and write one
 * YAML catalog per table, with a report of every guess. Nothing is written when a target file exists
 * (unless --force) or when the file holds no catalog table.
 */
export async function runImport(input: string, flags: ImportFlags): Promise<number> {
  const cwd = process.cwd();
  const settings = await resolveRunSettings(flags, cwd);
  const { lang, options } = settings;
  if (settings.diagnostics.length > 0) {
    process.stderr.write(stylish(configReport(settings), { lang, color: false, sources: new Map() }));
    return EXIT.fatal;
  }
  const zh = lang === 'zh';
  // The grids are not kept: only the catalogs are needed from here on.
  const result = importTables(await readTableFile(input, lang, CATALOG_TABLE_HINTS), options.vocabulary);
  if (result.tables.length === 0 && result.empty.length > 0) {
    const refs = result.empty.map((e) => e.ref).join(zh ? '、' : ', ');
    throw new ZwgkError(
      zh
        ? `${input} 中的目录表格（${refs}）只有表头，没有可导入的事项，没有写入任何文件。检查是否选错了文件，或表格内容是否在另一个工作表中。`
        : `The catalog table in ${input} (${refs}) has a header but no item to import; nothing was written. Check that this is the right file, or whether the rows are on another sheet.`,
    );
  }
  if (result.tables.length === 0) {
    throw new ZwgkError(
      zh
        ? `${input} 中没有找到目录表格：需要一行表头，含“公开事项”“公开内容”“公开依据”“公开时限”“公开主体”等栏目中的至少四个。`
        : `No catalog table in ${input}: a header row naming at least four of 公开事项, 公开内容, 公开依据, 公开时限, 公开主体… is needed.`,
    );
  }
  const dir = resolve(cwd, flags.output);
  const targets = result.tables.map((t) => join(dir, t.fileName));
  const existing = result.tables.filter((_, i) => existsSync(targets[i]!)).map((t) => join(flags.output, t.fileName));
  if (existing.length > 0 && !flags.force) {
    throw new ZwgkError(
      zh
        ? `这些文件已经存在，没有写入任何文件：${existing.join('、')}。换一个输出目录，或加 --force 覆盖。`
        : `These files exist; nothing was written: ${existing.join(', ')}. Choose another output folder, or add --force to overwrite.`,
    );
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ZwgkError(writeFailureText(error, flags.output)[lang]);
  }
  const written: WrittenTable[] = [];
  const files: FileToWrite[] = [];
  const source = basename(input);
  for (const [i, table] of result.tables.entries()) {
    const comment = importComment(source, table.ref, lang);
    // The data the text reads back as, when certain, spares checking it a second parse.
    const { text, data } = catalogText(table.catalog, comment);
    const file = join(flags.output, table.fileName);
    const checked = validateText(file, text, options, data ? { parsedData: data } : {});
    files.push({ path: targets[i]!, data: text });
    written.push({
      file,
      errors: checked.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: checked.diagnostics.filter((d) => d.severity === 'warning').length,
    });
  }
  try {
    // Every file or none: with --force, a failure or Ctrl+C leaves every old file as it was.
    await writeFilesAtomically(files);
  } catch (error) {
    const { target } = error as { target?: string };
    const where = target ? relative(cwd, target) : flags.output;
    const nothing = { zh: '没有写入或改动任何文件。', en: 'No file was written or changed.' };
    throw new ZwgkError(`${writeFailureText(error, where)[lang]}${zh ? '' : ' '}${nothing[lang]}`);
  }
  const report = (json: boolean) => (json ? importReportJson : importReportText)(source, result, written, lang);
  if (flags.report) await writeOutput(report(flags.report.endsWith('.json')), flags.report, lang);
  await writeOutput(report(flags.format === 'json'), undefined, lang);
  return EXIT.ok;
}
