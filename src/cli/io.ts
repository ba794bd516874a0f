import { extname } from 'node:path';
import { writeFailureText, writeFileAtomic } from '../util/write-atomic.js';
import { ZwgkError } from '../errors.js';
import type { Lang } from '../i18n.js';

/** Where a command writes: standard output, or a file written whole or not at all. */
export async function writeOutput(
  content: string | Uint8Array | Iterable<string>,
  output: string | undefined,
  lang: Lang,
): Promise<void> {
  const toStdout = !output || output === '-';
  if (typeof content !== 'string' && !(content instanceof Uint8Array) && toStdout)
    return writeChunks(process.stdout, content);
  const text = typeof content === 'string' || content instanceof Uint8Array ? content : joined(content);
  if (toStdout) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(output, text);
  } catch (error) {
    throw new ZwgkError(writeFailureText(error, output)[lang]);
  }
}

function joined(chunks: Iterable<string>): string {
  let whole = '';
  for (const chunk of chunks) whole += chunk;
  return whole;
}

/** Pieces of text gathered into writes of about this many characters. */
const CHUNK = 1 << 16;

/**
 * Write pieces of text to a stream as they are made, a few dozen kilobytes at a time, waiting whenever the
 * stream asks to: a report of many findings is never held whole, as one string or one buffer.
 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let pending = '';
  const flush = async () => {
    const full = !stream.write(pending);
    pending = '';
    if (full) await new Promise<void>((done) => stream.once('drain', () => done()));
  };
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= CHUNK) await flush();
  }
  if (pending !== '') await flush();
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
