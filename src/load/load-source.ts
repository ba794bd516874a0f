import type { Diagnostic } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';
import { fileDiagnostic } from './file-diagnostic.js';
import { marginValue } from './margin-value.js';
import { parseFast, type FastParse } from './parse-fast.js';
import { documentData, parseWithPositions, yamlDiagnostics, type PositionedDocument } from './parse-positions.js';

/** How to load a source. */
export interface LoadOptions {
  /** The language of the findings about the YAML. */
  lang: Lang;
  /** Record the line where each mapping and list of the data starts (`ReadData.lines`), for `zwgk diff`. */
  lines?: boolean;
  /**
   * What the fast parser reads from the text, given by a caller that wrote the text from that data and
   * knows it reads back (`zwgk import`): the fast parse is then skipped. Not used with `lines`.
   */
  parsedData?: unknown;
}

/** The data of a source, or the findings that say why its YAML cannot be read. */
export type ReadData =
  | { ok: false; errors: Diagnostic[] }
  | {
      ok: true;
      data: unknown;
      /** No content at all, or comments only: the data is null or undefined. */
      empty: boolean;
      /** Which parser read the data: the positional one where the fast one could not (see `LoadedSource.read`). */
      parser: 'fast' | 'positional';
      /** With `LoadOptions.lines`: where each mapping and list of `data` starts (not always available). */
      lines?: WeakMap<object, number>;
    };

/** Whether a text has a lone CR (old Mac line ends), which js-yaml reads as a line break and the `yaml` package does not. */
function hasLoneCr(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/**
 * One source, as every reader of YAML text takes it: its text with the line breaks positions count, its
 * data read with the fast parser where it can be (a clean file never pays for the positional parser), the
 * positional parse made on first use, and the rule for a file with no content.
 */
export class LoadedSource {
  /** The name findings give the file. */
  readonly file: string;
  /**
   * The text, with each lone CR made a line feed, as YAML reads it: what positions, code frames and
   * suppression comments count. The same length as the text given, so every offset stays where it was.
   */
  readonly text: string;
  /** The text as given (as written in the file): what a fix edits and writes back. */
  readonly written: string;
  /** Whether the text given had a lone CR: the fast parser is not used on it (js-yaml and the `yaml` package differ). */
  readonly loneCr: boolean;
  private readonly options: LoadOptions;
  private positioned: PositionedDocument | undefined;
  private readData: ReadData | undefined;

  constructor(file: string, text: string, options: LoadOptions) {
    this.file = file;
    this.written = text;
    this.loneCr = hasLoneCr(text);
    this.text = this.loneCr ? text.replace(/\r(?!\n)/g, '\n') : text;
    this.options = options;
  }

  /**
   * The data: from the fast parser, else (a lone CR, YAML it does not read, data past the limits) from the
   * positional parser, which then says what is wrong with the YAML. Read once.
   */
  read(): ReadData {
    this.readData ??= this.readOnce();
    return this.readData;
  }

  private readOnce(): ReadData {
    const { lines, parsedData } = this.options;
    const fast: FastParse =
      parsedData !== undefined && !lines
        ? { ok: true, data: parsedData }
        : this.loneCr
          ? { ok: false }
          : parseFast(this.text, lines);
    if (fast.ok) {
      const empty = fast.data === null || fast.data === undefined;
      return { ok: true, data: fast.data, empty, parser: 'fast', ...(fast.lines ? { lines: fast.lines } : {}) };
    }
    const errors = this.yamlErrors();
    if (errors.length > 0) return { ok: false, errors };
    const data = documentData(this.positions());
    return { ok: true, data, empty: data === null || data === undefined, parser: 'positional' };
  }

  /** The positional parse (the `yaml` package, or the simple parser's positions), made on first use. */
  positions(): PositionedDocument {
    this.positioned ??= parseWithPositions(this.text);
    return this.positioned;
  }

  /**
   * What the positional parser finds wrong with the YAML, as findings. Where the fast parser read the
   * data, this is the check that it was not more lenient than the positional parser (and editors).
   */
  yamlErrors(): Diagnostic[] {
    return yamlDiagnostics(this.file, this.positions(), this.options.lang);
  }

  /**
   * The kind the document declares at its top (`kind: form/theme-day`), as a text: from the `kind:` line at
   * the left margin, without parsing the rest (so a form with a broken line elsewhere is still told from a
   * catalog, and files are sorted quickly), else from the data. A catalog declares none.
   */
  declaredKind(): string | undefined {
    if (!this.text.includes('kind')) return undefined;
    const margin = marginValue(this.text, 'kind');
    if (margin !== undefined) return typeof margin === 'string' ? margin : undefined;
    const read = this.read();
    return read.ok ? declaredKind(read.data) : undefined;
  }

  /** The finding for a file with no content (`ReadData.empty`); `hint` says what to write, for the kind of document. */
  emptyFinding(hint: Text): Diagnostic {
    return fileDiagnostic(
      this.file,
      'file/empty',
      this.options.lang,
      {
        zh: '文件是空的（没有任何内容，或只有注释）。',
        en: 'The file is empty (no content, or comments only).',
      },
      hint,
      { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    );
  }
}

/** Load a source's text (see {@link LoadedSource}): nothing is parsed until something asks for the data. */
export function loadText(file: string, text: string, options: LoadOptions): LoadedSource {
  return new LoadedSource(file, text, options);
}

/**
 * The kind a document declares at its top (`kind: form/theme-day`), if its data is a mapping with a text
 * `kind`: the fact the kinds of document decide by (a catalog declares none).
 */
export function declaredKind(data: unknown): string | undefined {
  const kind =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' ? kind : undefined;
}
