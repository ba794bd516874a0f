// What the workbench does with two versions the user gives it: the comparison `zwgk diff old new` makes of
// the same files (YAML catalogs, and tables read where they live, each catalog table keyed by its data and
// each item placed on the cell of its name), and the change report in its HTML and Excel forms. Pure: bytes
// in, data out; no DOM, so it runs in a worker and in Node.
import { resolveCatalog } from '../catalog/resolve.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkCatalogText, comparisonErrors, pairByDomain } from '../diff/compare-texts.js';
import { keyOfData, type CatalogKey } from '../diff/catalog-key.js';
import { DIFF_FORMATTERS } from '../diff/format/registry.js';
import type { DiffFormatContext } from '../diff/format/types.js';
import { diffWords } from '../diff/format/words.js';
import { classPolicy } from '../diff/policy.js';
import { diffPair, locatePair, reportOf, type DiffSide, type PathLines } from '../diff/report.js';
import type { Lang } from '../i18n.js';
import { checkTables } from '../import/check-tables.js';
import { unreadableTable } from '../tables/table-findings.js';
import { isTableFile } from '../tables/table-files.js';
import { CATALOG_TABLE_HINTS } from '../import/table-hints.js';
import { decodeBytes } from '../load/decode-source.js';
import { loadText } from '../load/load-source.js';
import { stylish } from '../report/stylish.js';
import { readTableBytes, TableFileError } from '../tables/read-bytes.js';
import { appendAll } from '../util/append.js';
import { kindOf, type ValidateOptions } from '../validate/options.js';
import { defaultOptions } from './check-file.js';

/** A file the user gave: its name and bytes. */
export interface GivenFile {
  name: string;
  bytes: Uint8Array;
}

/** The change report of two versions, or the errors that stopped the comparison as `zwgk diff` says them. */
export type ComparedFiles =
  | {
      ok: true;
      /** The page `zwgk diff old new -f html` writes. */
      html: string;
      /** The workbook `zwgk diff old new -f xlsx -o …` writes. */
      xlsx: Uint8Array;
      /** 新增N个一级事项、M个二级事项，… */
      summary: string;
      /** Changes listed in the report. */
      changes: number;
    }
  | {
      ok: false;
      /** The errors as `zwgk diff` writes them to its standard error (stylish, no colour), with its last line. */
      text: string;
      /** Each error: file, line and column (or cell), message. */
      errors: Diagnostic[];
    };

/** A catalog of one side, keyed by domain and unit. */
type KeyedSide = CatalogKey & { side: DiffSide; lines: PathLines };

/** Read one side's files: the catalogs each holds, and the errors that stop the comparison. */
async function readSide(
  files: readonly GivenFile[],
  options: ValidateOptions,
  errors: Diagnostic[],
  sources: Map<string, string>,
): Promise<KeyedSide[]> {
  const out: KeyedSide[] = [];
  const { lang } = options;
  for (const { name, bytes } of files) {
    if (isTableFile(name)) {
      try {
        const outcome = checkTables(name, await readTableBytes(bytes, name, lang, CATALOG_TABLE_HINTS), options);
        appendAll(
          errors,
          outcome.diagnostics.filter((d) => d.severity === 'error'),
        );
        for (const table of outcome.catalogs) {
          const catalog = resolveCatalog(table.data, options.levelColumns);
          out.push({
            ...keyOfData(table.data),
            side: { file: name, catalog },
            lines: (path) => table.place([...path, 'name']).ref,
          });
        }
      } catch (error) {
        if (!(error instanceof TableFileError)) throw error;
        errors.push(unreadableTable(name, error, lang));
      }
      continue;
    }
    const source = decodeBytes(name, bytes, lang);
    if (!source.ok) {
      errors.push(source.diagnostic);
      continue;
    }
    if (kindOf(loadText(name, source.text, { lang }), options.documents)) continue;
    const checked = checkCatalogText(name, source.text, options);
    if (checked.errors.length > 0) {
      appendAll(errors, checked.errors);
      sources.set(name, source.text);
    }
    out.push({ ...checked.key, side: checked.side, lines: checked.lines });
  }
  return out;
}

/**
 * Compare the old version's files with the new one's as `zwgk diff old new` does with the same files where
 * no configuration is found: every file checked, errors stop the comparison; catalogs paired by domain and
 * unit in the order given; the report in `lang`, each file named as given.
 */
export async function compareFiles(
  before: readonly GivenFile[],
  after: readonly GivenFile[],
  lang: Lang,
): Promise<ComparedFiles> {
  const options = defaultOptions(lang);
  const errors: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const sides = [await readSide(before, options, errors, sources), await readSide(after, options, errors, sources)];
  if (errors.length > 0) {
    const stopped = comparisonErrors(
      [...before, ...after].map((f) => f.name),
      errors,
      sources,
    );
    if (stopped.ok) throw new Error('errors without a report');
    const text =
      stylish(stopped.errors, { lang, color: false, sources: stopped.errors.sources }) +
      (lang === 'zh' ? '无法比较：上面的文件有错误。\n' : 'Cannot compare: the files above have errors.\n');
    return { ok: false, text, errors: stopped.errors.diagnostics };
  }
  const policy = classPolicy();
  const report = reportOf(
    pairByDomain(sides[0]!, sides[1]!).map(({ before: b, after: a }) =>
      locatePair(diffPair(b?.side, a?.side, policy), b?.lines, a?.lines),
    ),
  );
  const ctx: DiffFormatContext = { lang, color: false, baseline: false, policy };
  const html = await DIFF_FORMATTERS.html(report, ctx);
  const xlsx = await DIFF_FORMATTERS.xlsx(report, ctx);
  return {
    ok: true,
    html: typeof html === 'string' ? html : new TextDecoder().decode(html),
    xlsx: typeof xlsx === 'string' ? new TextEncoder().encode(xlsx) : xlsx,
    summary: diffWords(lang, policy).summary(report.totals, false),
    changes: report.pairs.reduce((n, p) => n + p.changes.length, 0),
  };
}

/** The name of the change report of two versions: `yiwu-jiaoyu-变更报告.html` after the new version's first file. */
export function changeReportName(after: readonly { name: string }[], lang: Lang, extension: 'html' | 'xlsx'): string {
  const base = after[0]?.name.replace(/\.[^.]+$/, '') ?? 'catalog';
  return `${base}${lang === 'zh' ? '-变更报告' : '-changes'}.${extension}`;
}
