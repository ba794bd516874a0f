import type { Diagnostic, SourceCode } from '../diagnostics.js';
import { say, type Lang, type Text } from '../i18n.js';
import type { TableFileError } from './read-bytes.js';

/** A finding about a whole table or file. */
export function tableDiagnostic(
  file: string,
  code: SourceCode,
  severity: Diagnostic['severity'],
  lang: Lang,
  message: Text | string,
  hint?: Text | string,
  cell?: Diagnostic['cell'],
): Diagnostic {
  const text = (t: Text | string) => (typeof t === 'string' ? t : say(lang, t));
  return {
    code,
    severity,
    message: text(message),
    file,
    path: [],
    pointer: '',
    ...(cell ? { cell } : {}),
    ...(hint ? { hint: text(hint) } : {}),
  };
}

/** The finding for a table file that cannot be read, saying what to do. */
export function unreadableTable(file: string, error: TableFileError, lang: Lang): Diagnostic {
  const code: SourceCode =
    error.problem === 'not-found'
      ? 'file/not-found'
      : error.problem === 'too-large'
        ? 'file/too-large'
        : error.problem === 'no-table'
          ? 'table/no-catalog'
          : 'table/unreadable';
  return tableDiagnostic(file, code, 'error', lang, error.said, error.advice);
}
