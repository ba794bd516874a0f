import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import type { SourceResult } from '../load/read-source.js';
import { optionsFor, type ValidateOptions } from './options.js';
import { checkDocument, type FileOutcome } from './check-document.js';

export type { FileOutcome } from './check-document.js';

/**
 * Check one file as read (see {@link checkDocument}), with the options for it where the configuration's
 * overrides name it (by its path from `cwd`).
 */
export function checkSource(
  file: string,
  source: SourceResult,
  options: ValidateOptions,
  cwd: string,
  data?: (data: unknown, diagnostics: readonly Diagnostic[], catalog?: ResolvedCatalog) => void,
): Promise<FileOutcome> {
  return checkDocument(file, source, optionsFor(options, resolve(cwd, file)), data);
}
