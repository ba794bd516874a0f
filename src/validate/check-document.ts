import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import type { SourceResult } from '../load/decode-source.js';
import { loadText } from '../load/load-source.js';
import { kindOf, type TableCatalog, type ValidateOptions } from './options.js';
import type { Suppression } from './suppressions.js';
import { validateSource } from './validate-text.js';

/** What checking one file found, as the report needs it. */
export interface FileOutcome {
  diagnostics: Diagnostic[];
  /** Facts for the project rules, when there are any. */
  facts?: Map<string, unknown>;
  /** The file's suppression comments, when it has any. */
  suppressions?: Suppression[];
  /** The file's text, when it has findings or suppression comments: for code frames and suppressions. */
  text?: string;
  /** For a table file: each catalog table's facts for the project rules, and where its paths sit. */
  tables?: readonly Omit<TableCatalog, 'data'>[];
}

/**
 * Check one file as read, with the options for that file: a catalog, or an application form (checked by
 * its own schema and profile). `data` receives the parsed data, as `onData` wants it, with the resolved
 * catalog when there is one.
 */
export async function checkDocument(
  file: string,
  source: SourceResult,
  own: ValidateOptions,
  data?: (data: unknown, diagnostics: readonly Diagnostic[], catalog?: ResolvedCatalog) => void,
): Promise<FileOutcome> {
  if (!source.ok) return { diagnostics: [{ ...source.diagnostic, file }] };
  // Positions count a lone CR as a line break: so do the code frames and suppression comments.
  const loaded = loadText(file, source.text, { lang: own.lang });
  const text = loaded.text;
  // A document of another kind (an application form) is checked by its kind; a suppression comment says
  // `zwgk-…`: the code that reads them is loaded only for a text that holds the words at all.
  const kind = kindOf(loaded, own.documents);
  const result = kind ? await kind.check(loaded, own) : validateSource(loaded, own);
  const found = text.includes('zwgk-') ? (await import('./suppressions.js')).readSuppressions(text) : [];
  if (data && result.data !== undefined)
    data(
      result.data,
      result.diagnostics,
      'catalog' in result ? (result.catalog as ResolvedCatalog | undefined) : undefined,
    );
  return {
    diagnostics: result.diagnostics,
    ...(result.facts.size > 0 ? { facts: result.facts } : {}),
    ...(found.length > 0 ? { suppressions: found } : {}),
    ...(found.length > 0 || result.diagnostics.length > 0 ? { text } : {}),
  };
}
