import type { FormatName } from './registry.js';
import type { ChunkedFormatter, FileFormatter, Formatter } from './types.js';

/**
 * Every output format of `zwgk validate`, each loading only its own module: a run that writes JSON never
 * loads the code frames and colours of `stylish`, nor the rule catalogue of `sarif`. The same formats as
 * `FORMATTERS`, in the same order; the command line offers these names.
 */
export const FORMAT_LOADERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
} as const satisfies Record<FormatName, () => Promise<Formatter>>;

/**
 * The formats that can also be made piece by piece (a finding at a time), for writing a large report as it is
 * made; each piece joined gives what the formatter of that name gives.
 */
export const FORMAT_CHUNK_LOADERS = {
  stylish: async () => (await import('./stylish.js')).stylishChunks,
  json: async () => (await import('./json.js')).jsonChunks,
} as const satisfies Partial<Record<FormatName, () => Promise<ChunkedFormatter>>>;

/** The piece-by-piece maker of a format, if it has one. */
export async function loadChunkedFormatter(name: ReportFormatName): Promise<ChunkedFormatter | undefined> {
  return Object.hasOwn(FORMAT_CHUNK_LOADERS, name)
    ? FORMAT_CHUNK_LOADERS[name as keyof typeof FORMAT_CHUNK_LOADERS]()
    : undefined;
}

/**
 * The output formats of `zwgk validate` that are files to keep rather than text (a workbook): each
 * written only to a file named with `-o`, never to standard output.
 */
export const FILE_FORMAT_LOADERS = {
  xlsx: async () => (await import('./xlsx.js')).xlsx,
} as const satisfies Record<string, () => Promise<FileFormatter>>;

export type FileFormatName = keyof typeof FILE_FORMAT_LOADERS;

/** Any output format of `zwgk validate`: text or a file. */
export type ReportFormatName = FormatName | FileFormatName;

/** The names of the output formats: the text formats in the registry's order, then the file formats. */
export const FORMAT_NAMES = [...Object.keys(FORMAT_LOADERS), ...Object.keys(FILE_FORMAT_LOADERS)] as ReportFormatName[];

/** Whether a format's output is a file (bytes) rather than text. */
export function isFileFormat(name: string): name is FileFormatName {
  return Object.hasOwn(FILE_FORMAT_LOADERS, name);
}

/** The formatter of one output format, loading only its own module. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  return FORMAT_LOADERS[name]();
}

/** The writer of any output format: a text formatter, or a file formatter giving bytes. */
export async function loadReportWriter(name: ReportFormatName): Promise<FileFormatter | Formatter> {
  return isFileFormat(name) ? FILE_FORMAT_LOADERS[name]() : FORMAT_LOADERS[name]();
}
