import type { Diagnostic } from '../diagnostics.js';
import { loadText, type LoadedSource, type LoadOptions } from './load-source.js';
import { readSource, readSourceSync } from './read-source.js';

/** A loaded file, or why it could not be read, as a finding. */
export type LoadResult = { ok: true; source: LoadedSource } | { ok: false; diagnostic: Diagnostic };

/** Where to read a file, and the name findings give it (default: the path). */
export interface FileOptions extends LoadOptions {
  file?: string;
}

/** Read a file (encoding, size, read-source.ts) and load its text. */
export async function loadFile(path: string, options: FileOptions): Promise<LoadResult> {
  return loaded(path, await readSource(path, options.lang), options);
}

/** {@link loadFile}, reading synchronously. */
export function loadFileSync(path: string, options: FileOptions): LoadResult {
  return loaded(path, readSourceSync(path, options.lang), options);
}

function loaded(
  path: string,
  read: { ok: true; text: string } | { ok: false; diagnostic: Diagnostic },
  options: FileOptions,
): LoadResult {
  const file = options.file ?? path;
  if (!read.ok) return { ok: false, diagnostic: { ...read.diagnostic, file } };
  return { ok: true, source: loadText(file, read.text, options) };
}
