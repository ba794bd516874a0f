import type { Catalog } from '../catalog/types.js';
import type { Lang } from '../i18n.js';
import { printable } from '../report/printable.js';
import type { ImportResult } from './import-tables.js';

/** The domain and unit of an imported catalog: either is left out when the table's title does not say it (see assembleCatalog). */
const named = (catalog: Catalog): { domain?: string | undefined; unit?: string | undefined } => catalog;

/**
 * An encoding as the report names it: `GB18030（GBK）` for what Excel and WPS save as CSV on Chinese Windows,
 * `UTF-8（带 BOM）` for Excel's "CSV UTF-8"; another encoding by its name in capitals.
 */
export function encodingName(encoding: string, lang: Lang): string {
  const zh = lang === 'zh';
  const bom = zh ? '（带 BOM）' : ' (with BOM)';
  switch (encoding) {
    case 'gb18030':
      return zh ? 'GB18030（GBK）' : 'GB18030 (GBK)';
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return `UTF-8${bom}`;
    case 'utf-16le':
      return `UTF-16 LE${bom}`;
    case 'utf-16be':
      return `UTF-16 BE${bom}`;
    default:
      return encoding.toUpperCase();
  }
}

/** What became of one imported table, for the report. */
export interface WrittenTable {
  file: string;
  /** Findings of `zwgk validate` on the written file. */
  errors: number;
  warnings: number;
}

function countItems(items: readonly { items?: readonly unknown[] }[]): [number, number] {
  let level1 = 0;
  let level2 = 0;
  for (const i of items) {
    level1++;
    level2 += i.items?.length ?? 0;
  }
  return [level1, level2];
}

/**
 * The import report for people: per table, the file written, what it holds, and every guess with its cell.
 * Control characters from the table or a file name are shown as signs (␛), so none acts on a terminal.
 */
export function importReportText(
  source: string,
  result: ImportResult,
  written: readonly WrittenTable[],
  lang: Lang,
): string {
  const zh = lang === 'zh';
  const out: string[] = [
    zh
      ? `从 ${source} 导入了 ${result.tables.length} 个目录表格：`
      : `Imported ${result.tables.length} catalog table(s) from ${source}:`,
  ];
  if (result.encoding !== undefined)
    out.push(zh ? `编码：${encodingName(result.encoding, lang)}` : `encoding: ${encodingName(result.encoding, lang)}`);
  result.tables.forEach((t, i) => {
    const [l1, l2] = countItems(t.catalog.items);
    const w = written[i];
    out.push('');
    out.push(
      zh
        ? `${w?.file ?? t.fileName}  ${named(t.catalog).domain ?? '（领域未知）'}  ${t.rows} 行 → ${l1} 个一级事项、${l2} 个二级事项  （表格位置 ${t.ref}）`
        : `${w?.file ?? t.fileName}  ${named(t.catalog).domain ?? '(unknown domain)'}  ${t.rows} rows → ${l1} level-1, ${l2} level-2 items  (table at ${t.ref})`,
    );
    for (const n of t.notes) {
      if (n.code === 'table-found') continue;
      out.push(
        `  ${n.ref}  ${n.severity === 'warning' ? (zh ? '请核对' : 'check') : zh ? '说明' : 'note'}  ${n.message[lang].replace(/\n/g, ' ')}`,
      );
    }
    if (w) {
      out.push(
        zh
          ? `  导入后检查：${w.errors} 个错误、${w.warnings} 个警告${w.errors + w.warnings > 0 ? `，运行 zwgk validate ${w.file} 查看` : ''}`
          : `  Checked after import: ${w.errors} error(s), ${w.warnings} warning(s)${w.errors + w.warnings > 0 ? `; run zwgk validate ${w.file}` : ''}`,
      );
    }
  });
  for (const e of result.empty) {
    out.push('');
    out.push(
      zh
        ? `${e.ref}  表格只有表头，没有可导入的事项（${e.rows} 行），没有写入文件。`
        : `${e.ref}  The table has a header but no item to import (${e.rows} row(s)); no file written.`,
    );
  }
  return printable(out.join('\n'), true) + '\n';
}

/**
 * The import report for programs: `{ version, source, format, encoding, tables: [{ file, ref, domain, unit, rows, errors, warnings,
 * notes }], empty: [{ ref, sheet, rows }] }` (`encoding`: for a text file, as {@link ImportResult} names it; `empty`:
 * tables with a header and no item, not written).
 */
export function importReportJson(
  source: string,
  result: ImportResult,
  written: readonly WrittenTable[],
  lang: Lang,
): string {
  return (
    JSON.stringify(
      {
        version: 1,
        source,
        format: result.format,
        ...(result.encoding !== undefined && { encoding: result.encoding }),
        tables: result.tables.map((t, i) => ({
          file: written[i]?.file ?? t.fileName,
          ref: t.ref,
          sheet: t.source,
          domain: named(t.catalog).domain ?? null,
          unit: named(t.catalog).unit ?? null,
          rows: t.rows,
          errors: written[i]?.errors ?? null,
          warnings: written[i]?.warnings ?? null,
          notes: t.notes.map((n) => ({ code: n.code, severity: n.severity, ref: n.ref, message: n.message[lang] })),
        })),
        empty: result.empty.map((e) => ({ ref: e.ref, sheet: e.source, rows: e.rows })),
      },
      null,
      2,
    ) + '\n'
  );
}
