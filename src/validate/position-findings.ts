import { toPointer, type CellLocation, type DataPath, type Diagnostic, type Range } from '../diagnostics.js';
import type { Finding, Message, SourceLookup } from '../finding.js';
import { say, type Lang, type Text } from '../i18n.js';
import { locate, sourceAt } from '../load/locate.js';
import type { PositionedDocument } from '../load/parse-positions.js';

function words(message: Message, source: SourceLookup): Text {
  return typeof message === 'function' ? message(source) : message;
}

/** Start a message with a capital letter (English) — labels like “the catalog” may open it. */
function sentence(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? String.fromCharCode(first - 32) + text.slice(1) : text;
}

/** A finding as a diagnostic of `file`, in the chosen language, placed as `where` says (a range, a cell, or nowhere). */
function diagnostic(
  file: string,
  f: Finding,
  lang: Lang,
  source: SourceLookup,
  where: { range?: Range; cell?: CellLocation },
): Diagnostic {
  // Built key by key, in the order every format writes them: one object per finding, no copies.
  const d: Diagnostic = {
    code: f.code,
    severity: f.severity,
    message: sentence(say(lang, words(f.message, source))),
    file,
    path: f.path,
    pointer: toPointer(f.path),
  };
  if (where.range) d.range = where.range;
  else if (where.cell) d.cell = where.cell;
  if (f.element) d.element = f.element;
  if (f.hint) d.hint = say(lang, words(f.hint, source));
  return d;
}

/** Give findings their file, range and words in the chosen language. */
export function positionFindings(
  file: string,
  parsed: PositionedDocument,
  findings: readonly Finding[],
  lang: Lang,
): Diagnostic[] {
  const source: SourceLookup = (path) => sourceAt(parsed, path);
  return findings.map((f) => diagnostic(file, f, lang, source, { range: locate(parsed, f.path, f.target ?? 'value') }));
}

const noSource: SourceLookup = () => undefined;

/**
 * Give findings in a table their file, cell and words in the chosen language: `place` names the cell a
 * path of the table's data sits in. Such findings have no `range`.
 */
export function cellFindings(
  file: string,
  findings: readonly Finding[],
  place: (path: DataPath) => CellLocation,
  lang: Lang,
): Diagnostic[] {
  return findings.map((f) => diagnostic(file, f, lang, noSource, { cell: place(f.path) }));
}

/**
 * Give findings about data that has no text (a form filled in on a page) their file and words in the
 * chosen language: they have their path, and neither `range` nor `cell`.
 */
export function dataFindings(file: string, findings: readonly Finding[], lang: Lang): Diagnostic[] {
  return findings.map((f) => diagnostic(file, f, lang, noSource, {}));
}
