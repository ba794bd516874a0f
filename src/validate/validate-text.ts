import type { Diagnostic, FixEffect, TextEdit } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { say, type Text } from '../i18n.js';
import { resolveCatalog } from '../catalog/resolve.js';
import { loadText, type LoadedSource } from '../load/load-source.js';
import type { PositionedDocument } from '../load/parse-positions.js';
import { runFileRules } from '../lint/run-rules.js';
import { catalogSchema, runSchema } from '../schema/catalog-schema.js';
import { AjvErrorConverter } from '../schema/convert-ajv-errors.js';
import type { ValidateOptions } from './options.js';
import { positionFindings } from './position-findings.js';

/** The outcome of checking one file's text. */
export interface TextResult {
  diagnostics: Diagnostic[];
  /** The parsed data, when the YAML could be read. */
  data?: unknown;
  /** Facts for the project rules, by rule id. */
  facts: Map<string, unknown>;
  /** The catalog with inheritance resolved, when the data could be read as one. */
  catalog?: ReturnType<typeof resolveCatalog>;
  /** With `request.lines`: the line where each mapping and list of `data` starts (not always available). */
  lines?: WeakMap<object, number>;
}

/** A fix before it is put in the words of one language (src/fix/ works them out). */
export interface ProposedFix {
  description: Text;
  edits: TextEdit[];
  effect: FixEffect;
}

/** Works out the fix of a finding, if the tool can make one itself (`proposeFix` from src/fix/). */
export type FixProposer = (parsed: PositionedDocument, data: unknown, finding: Finding) => ProposedFix | undefined;

/** What to work out besides the findings. */
export interface TextRequest {
  /**
   * Attach to each finding the fix the tool can apply itself, if any (`Diagnostic.fix`), as this function
   * (`proposeFix` from src/fix/) works it out. Passed in, so that a run without fixing never loads it.
   */
  fixes?: FixProposer;
  /** Record the line of each item as the fast parser reads it (`TextResult.lines`), for `zwgk diff`. */
  lines?: boolean;
  /**
   * What the fast parser reads from `text`, given by a caller that wrote the text from that data and
   * knows it reads back (`zwgk import`): the fast parse is then skipped. Not used with `lines`.
   */
  parsedData?: unknown;
}

/** A code written as a number (`code: 0505`) is fixed by quoting it as written. */
function withSchemaFix(finding: Finding): Finding {
  return finding.code === 'schema/code-unquoted' ? { ...finding, fix: { kind: 'quote' } } : finding;
}

/**
 * Check one catalog's text: YAML, schema, file rules. The text is parsed once with the fast parser;
 * the positional parser runs only when there is something to report, to place it (and, when asked,
 * to work out the fixes).
 */
export function validateText(
  file: string,
  text: string,
  options: ValidateOptions,
  request: TextRequest = {},
): TextResult {
  const { lines, parsedData } = request;
  const source = loadText(file, text, {
    lang: options.lang,
    ...(lines ? { lines } : {}),
    ...(parsedData !== undefined ? { parsedData } : {}),
  });
  return validateSource(source, options, request);
}

/** {@link validateText} for a loaded source. */
export function validateSource(source: LoadedSource, options: ValidateOptions, request: TextRequest = {}): TextResult {
  const file = source.file;
  const read = source.read();
  if (!read.ok) return { diagnostics: read.errors, facts: new Map() };
  const { data, lines } = read;
  if (read.empty) {
    const diagnostic = source.emptyFinding({
      zh: '写入目录内容，或删除这个文件。可参考 catalogs/ 中的示例。',
      en: 'Write the catalog, or delete the file. See the examples in catalogs/.',
    });
    return { diagnostics: [diagnostic], data, facts: new Map() };
  }

  // Joined with concat: spreading a list of 100,000 findings into push() overflows the stack.
  const schema = catalogSchema();
  const converter = new AjvErrorConverter(schema.schema, data);
  const schemaFindings: Finding[] = converter.convert(runSchema(schema, data)).map(withSchemaFix);

  const catalog = resolveCatalog(data, options.levelColumns, converter.misspeltKeys());
  const rules = runFileRules({ data, catalog, vocabulary: options.vocabulary, text: source.text }, options.rules);
  const findings = schemaFindings.concat(rules.findings);

  if (findings.length === 0) return { diagnostics: [], data, facts: rules.facts, catalog, ...(lines ? { lines } : {}) };
  const parsed = source.positions();
  // Where the fast parser was more lenient than the positional one (and than editors), the YAML
  // itself is the problem: say so rather than place findings in a document that does not parse.
  const yamlErrors = source.yamlErrors();
  if (yamlErrors.length > 0) return { diagnostics: yamlErrors, facts: new Map() };
  const diagnostics = positionFindings(file, parsed, findings, options.lang);
  if (request.fixes) {
    findings.forEach((finding, i) => {
      const fix = request.fixes!(parsed, data, finding);
      if (fix) diagnostics[i]!.fix = { ...fix, description: say(options.lang, fix.description) };
    });
  }
  return { diagnostics, data, facts: rules.facts, catalog, ...(lines ? { lines } : {}) };
}
