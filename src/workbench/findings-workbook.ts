import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { buildReport } from '../report/build-report.js';
import { xlsx } from '../report/xlsx.js';

/** A checked file as the findings report needs it: its name, findings and, for YAML, its text. */
export interface ReportedFile {
  name: string;
  diagnostics: Diagnostic[];
  text?: string;
}

/** The findings of one file as the workbook `zwgk validate <file> -f xlsx -o …` writes. Pure. */
export function findingsWorkbook(file: ReportedFile, lang: Lang): Promise<Uint8Array> {
  const sources = new Map<string, string>();
  if (file.text !== undefined && file.diagnostics.length > 0) sources.set(file.name, file.text);
  return xlsx(buildReport([file.name], file.diagnostics, sources), { lang, color: false, sources });
}

/** The name of the findings workbook of a file: `目录.xlsx` → `目录-问题报告.xlsx`. */
export function findingsWorkbookName(name: string, lang: Lang): string {
  const base = name.replace(/\.[^.]+$/, '');
  return `${base}${lang === 'zh' ? '-问题报告' : '-findings'}.xlsx`;
}
