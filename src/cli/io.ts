import { extname } from 'node:path';
import { writeFailureText, writeFileAtomic } from '../util/write-atomic.js';
import { ZwgkError } from '../errors.js';
import type { Lang } from '../i18n.js';

/** Where a command writes: standard output, or a file written whole or not at all. */
export async function writeOutput(text: string | Uint8Array, output: string | undefined, lang: Lang): Promise<void> {
  if (!output || output === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    throw new ZwgkError(writeFailureText(error, output)[lang]);
  }
}

/** Whether to colour output: --color/--no-color, else NO_COLOR/FORCE_COLOR, else whether stdout is a terminal. */
export function useColor(flag: boolean | undefined, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return isTerminal(process.stdout);
}

/**
 * Whether a stream is a terminal. Node's types say `isTTY` is a boolean, but a stream that is not a
 * terminal (a pipe, a file) has none.
 */
export function isTerminal(stream: { readonly isTTY?: boolean | undefined }): boolean {
  return stream.isTTY === true;
}

/** The output format a file name asks for, if its extension says. */
export function formatOfName(name: string | undefined): 'yaml' | 'xlsx' | 'html' | undefined {
  const ext = name ? extname(name).toLowerCase() : '';
  return ext === '.xlsx'
    ? 'xlsx'
    : ext === '.html' || ext === '.htm'
      ? 'html'
      : ext === '.yaml' || ext === '.yml'
        ? 'yaml'
        : undefined;
}
