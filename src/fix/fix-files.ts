import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { fileDiagnostic } from '../load/file-diagnostic.js';
import { loadText } from '../load/load-source.js';
import { decodeSource, readBytes, type SourceResult } from '../load/read-source.js';
import { writeFailure, writeFileAtomic } from '../util/write-atomic.js';
import { kindOf, optionsFor, type ValidateOptions } from '../validate/options.js';
import { readSuppressions } from '../validate/suppressions.js';
import { finishReport, type FactsEntry, type ValidationReport } from '../validate/validate-files.js';
import { validateText } from '../validate/validate-text.js';
import { fixText, type AppliedFix } from './fix-text.js';
import { placeInOriginal, type EditSteps } from './map-back.js';
import { appendAll } from '../util/append.js';

/** What fixing did to one file. */
export interface FileFix {
  file: string;
  /** The file starts with a UTF-8 byte-order mark, which `before` and `after` leave out. */
  bom?: true;
  before: string;
  /** The fixed text; the same as `before` when nothing was fixed or it could not be written. */
  after: string;
  /** The fixes made (or, when `unwritten`, the fixes that could not be written). */
  applied: AppliedFix[];
  /** Writing the fixed file failed; it is left as it was. */
  unwritten?: true;
}

/** The outcome of `fixFiles`: what changed in each file, and the findings that remain. */
export interface FixRun {
  /** Every file that was read, in order. */
  files: FileFix[];
  /**
   * The findings of the fixed files, as `validateFiles` would report them after the fix. In a dry run
   * they are placed in the files as they are on disk (which still hold the fixed problems), and
   * `report.sources` holds those texts.
   */
  report: ValidationReport;
}

export interface FixFilesOptions {
  /** Resolves relative file names. Default: the working directory. */
  cwd?: string;
  /** Write the fixed files. Without it, nothing is written (a dry run). */
  write?: boolean;
  /** Findings to report as they are (inputs that named no file). */
  preset?: readonly Diagnostic[];
}

const BOM = '\uFEFF';

/** Read a file's text, and whether it starts with a UTF-8 byte-order mark (to write it back with one). */
async function read(
  file: string,
  options: ValidateOptions,
): Promise<SourceResult & { bom?: boolean; bytes?: Uint8Array }> {
  const read = await readBytes(file, options.lang);
  if (!read.ok) return read;
  const bytes = read.bytes;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ...decodeSource(file, bytes, options.lang), bom, bytes };
}

function unwritable(file: string, error: unknown, options: ValidateOptions): Diagnostic {
  const { code, reason } = writeFailure(error, file);
  if (reason) {
    return fileDiagnostic(file, 'file/unwritable', options.lang, reason, {
      zh: '文件保持原样。',
      en: 'The file is left as it was.',
    });
  }
  return fileDiagnostic(
    file,
    'file/unwritable',
    options.lang,
    {
      zh: `无法写入修复后的文件（${code}），文件保持原样。`,
      en: `Cannot write the fixed file (${code}); it is left as it was.`,
    },
    {
      zh: '检查文件及其所在目录是否可写。',
      en: 'Check that the file and its folder are writable.',
    },
  );
}

/**
 * Fix catalog files: apply the safe fixes (see `fixText`) and, with `write`, write each changed file
 * in one step (a temporary file with the same mode and owner renamed over it), keeping its byte-order
 * mark and line ends. A file that cannot be read, or is not valid YAML (beyond tab indentation that
 * can be made spaces without guessing), is never written; nor is one
 * that changed while it was being fixed, a read-only file or one with other hard links (see
 * `writeFileAtomic`): those get a `file/unwritable` finding. The report lists what remains.
 */
export async function fixFiles(
  files: readonly string[],
  options: ValidateOptions,
  run: FixFilesOptions = {},
): Promise<FixRun> {
  const cwd = run.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [...(run.preset ?? [])];
  const sources = new Map<string, string>();
  const facts: FactsEntry[] = [];
  const fixed: FileFix[] = [];
  const steps = new Map<string, EditSteps>();
  for (const file of files) {
    const path = resolve(cwd, file);
    if (options.tables?.reads(file)) {
      // A table (a workbook, a page, a CSV file) is checked where it lives and never rewritten: its cells are the clerk's to change.
      const checked = await options.tables.check(file, path, optionsFor(options, path));
      appendAll(diagnostics, checked.diagnostics);
      for (const table of checked.catalogs) facts.push({ file, facts: table.facts, place: table.place });
      continue;
    }
    const source = await read(path, options);
    if (!source.ok) {
      diagnostics.push({ ...source.diagnostic, file });
      continue;
    }
    const own = optionsFor(options, path);
    const loaded = loadText(file, source.text, { lang: own.lang });
    const kind = kindOf(loaded, own.documents);
    if (kind) {
      // A document of another kind (an application form) has no fixes of its own: it is only checked.
      const checked = await kind.check(loaded, own);
      appendAll(diagnostics, checked.diagnostics);
      if (checked.diagnostics.length > 0) sources.set(file, source.text);
      fixed.push({
        file,
        ...(source.bom ? { bom: true as const } : {}),
        before: source.text,
        after: source.text,
        applied: [],
      });
      continue;
    }
    let result = fixText(file, source.text, own);
    let unwritten = false;
    if (run.write && result.text !== source.text) {
      try {
        await writeFileAtomic(path, (source.bom ? BOM : '') + result.text, {
          name: file,
          ...(source.bytes ? { expect: source.bytes } : {}),
        });
      } catch (error) {
        diagnostics.push(unwritable(file, error, options));
        const original = validateText(file, source.text, own);
        result = { ...result, text: source.text, remaining: original.diagnostics, facts: original.facts };
        unwritten = true;
      }
    }
    fixed.push({
      file,
      ...(source.bom ? { bom: true as const } : {}),
      before: source.text,
      after: result.text,
      applied: result.applied,
      ...(unwritten ? { unwritten: true as const } : {}),
    });
    appendAll(diagnostics, result.remaining);
    if (!run.write && result.text !== source.text) steps.set(file, result.steps);
    // Changed files are placed in their fixed text, also by the rules that look across files.
    if (result.remaining.length > 0 || result.text !== source.text) sources.set(file, result.text);
    if (result.facts.size > 0) facts.push({ file, facts: result.facts });
  }
  const suppressions = new Map(
    fixed.filter((f) => f.after.includes('zwgk-')).map((f) => [f.file, readSuppressions(f.after)] as const),
  );
  for (const [file] of suppressions) sources.set(file, fixed.find((f) => f.file === file)!.after);
  const report = await finishReport(files, diagnostics, sources, facts, options, cwd, suppressions);
  return { files: fixed, report: run.write ? report : asOnDisk(report, fixed, steps) };
}

/**
 * A dry run's report, with each finding placed where its text stands in the file as it is on disk
 * (not in the fixed text, which was not written), and code frames showing that file.
 */
function asOnDisk(
  report: ValidationReport,
  fixed: readonly FileFix[],
  steps: ReadonlyMap<string, EditSteps>,
): ValidationReport {
  const changed = new Map(fixed.filter((f) => f.after !== f.before).map((f) => [f.file, f] as const));
  if (changed.size === 0) return report;
  const diagnostics = report.diagnostics.map((d) => {
    const f = changed.get(d.file);
    return f && d.range ? placeInOriginal([d], f.before, f.after, steps.get(d.file) ?? [])[0]! : d;
  });
  const sources = new Map(report.sources);
  for (const [file, f] of changed) if (sources.has(file)) sources.set(file, f.before);
  return { ...report, diagnostics, sources };
}
