import type { Diagnostic, Range, SourceCode } from '../diagnostics.js';
import { say, type Lang, type Text } from '../i18n.js';

/** Build a finding about a whole file, before any YAML was read. */
export function fileDiagnostic(
  file: string,
  code: SourceCode,
  lang: Lang,
  message: Text,
  hint?: Text,
  range?: Range,
): Diagnostic {
  return {
    code,
    severity: 'error',
    message: say(lang, message),
    file,
    path: [],
    pointer: '',
    ...(range ? { range } : {}),
    ...(hint ? { hint: say(lang, hint) } : {}),
  };
}
