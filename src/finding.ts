import type { DataPath, DiagnosticCode, Severity } from './diagnostics.js';
import type { Text } from './i18n.js';

/** Look up how a scalar was written in the source, e.g. `0505` for a value parsed as 505. */
export type SourceLookup = (path: DataPath) => string | undefined;

/** A message fixed in advance, or one that needs to see the source text. */
export type Message = Text | ((source: SourceLookup) => Text);

/**
 * A safe fix a finding offers, stated in terms of the data; it becomes text edits where positions are
 * known (`src/fix/`).
 * - `replace`: write the string `value` at the finding's path, keeping the scalar's quoting style.
 * - `quote`: quote the scalar as it is written (`code: 0505` → `code: "0505"`).
 * - `same-as-above`: replace a “同上” by the value of the row above — by deleting it where the item
 *   then inherits that value, else by a copy of that value's text.
 */
export type FixPlan =
  { kind: 'replace'; value: string; description: Text } | { kind: 'quote' } | { kind: 'same-as-above' };

/**
 * A finding before it has a position: what schema checks and rules produce. The validator adds the
 * file, the range and the words in the chosen language, turning it into a {@link Diagnostic}.
 */
export interface Finding {
  code: DiagnosticCode;
  severity: Severity;
  path: DataPath;
  /** Point at the property's key rather than its value. */
  target?: 'key' | 'value';
  /** The element (要素) the finding is about when `path` stops at its item (see `Diagnostic.element`). */
  element?: string;
  message: Message;
  hint?: Message;
  fix?: FixPlan;
}
