import { isUtf8, transcode } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';
import { LIMITS } from './limits.js';
import { decodeBytes, fail, type SourceResult } from './decode-source.js';

export type { SourceResult } from './decode-source.js';

/**
 * Text that is valid UTF-8, as `utf8.decode` gives it (one leading byte-order mark dropped), several
 * times faster: converted to UTF-16 by the runtime's ICU, then taken as a string as it is. Undefined
 * where the conversion is not available, for `utf8.decode` to do it.
 */
function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/**
 * Opened without waiting: a named pipe (FIFO) opens at once instead of waiting for a writer, and is
 * then refused as what it is.
 */
// Windows has no O_NONBLOCK, whatever Node's types say.
export const OPEN_FLAGS = constants.O_RDONLY | ((constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0);

/** What a file that is not a regular one is, for a finding that refuses it; undefined for a regular file. */
export function notRegularFile(info: Stats): Text | undefined {
  return info.isFile()
    ? undefined
    : info.isDirectory()
      ? { zh: '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }
      : info.isFIFO()
        ? { zh: '这是一个命名管道（FIFO），不是普通文件。', en: 'This is a named pipe (FIFO), not a regular file.' }
        : info.isCharacterDevice() || info.isBlockDevice()
          ? {
              zh: '这是一个设备（如 /dev/zero），不是普通文件。',
              en: 'This is a device (such as /dev/zero), not a regular file.',
            }
          : { zh: '这不是普通文件（可能是套接字）。', en: 'This is not a regular file (a socket, perhaps).' };
}

/** What is said of a file of `bytes` bytes, past the size limit (`atLeast`: at least that many). */
export function tooLargeText(bytes: number, atLeast = false): Text {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return {
    zh: `文件有${atLeast ? '超过 ' : ' '}${mb(bytes)}，超过了 zwgk 读取文件的上限 ${mb(LIMITS.fileBytes)}。`,
    en: `The file is ${atLeast ? 'over ' : ''}${mb(bytes)}, more than zwgk reads (${mb(LIMITS.fileBytes)}).`,
  };
}

/** A file of `bytes` bytes, past the size limit, as a finding (`atLeast`: at least that many, read no further). */
export function tooLarge(
  file: string,
  bytes: number,
  lang: Lang,
  atLeast = false,
): { ok: false; diagnostic: Diagnostic } {
  return fail(file, 'file/too-large', lang, tooLargeText(bytes, atLeast), {
    zh: '目录文件不会这么大：检查是否给错了文件；确实这么大的目录，请拆成几个文件。',
    en: 'No catalog is this large: check that this is the right file; split a catalog this large into several files.',
  });
}

/**
 * Read a stream (standard input) as a file is read, up to the size limit: past it, reading stops and
 * the text is refused.
 */
export async function readSourceStream(
  name: string,
  stream: AsyncIterable<unknown> | Iterable<unknown>,
  lang: Lang,
): Promise<SourceResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > LIMITS.fileBytes) return tooLarge(name, LIMITS.fileBytes, lang, true);
    chunks.push(bytes);
  }
  return decodeSource(name, Buffer.concat(chunks), lang);
}

/** A file that is opened but must not be read: why not, as a finding; undefined for a regular file within the size limit. */
function refusal(file: string, info: Stats, lang: Lang): { ok: false; diagnostic: Diagnostic } | undefined {
  const reason = notRegularFile(info);
  if (!reason) return info.size <= LIMITS.fileBytes ? undefined : tooLarge(file, info.size, lang);
  return fail(file, 'file/unreadable', lang, reason, {
    zh: 'zwgk 只读普通文件：给出目录文件本身的路径；符号链接要指向普通文件。',
    en: 'zwgk reads regular files only: name the catalog file itself; a symbolic link must point to a regular file.',
  });
}

/** A file's bytes, or why they could not be read. */
export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

/** Read a file's bytes from disk; a file that is not a regular one, or is too large, is refused unread. */
export async function readBytes(file: string, lang: Lang): Promise<BytesResult> {
  try {
    const handle = await open(file, OPEN_FLAGS);
    try {
      return refusal(file, await handle.stat(), lang) ?? { ok: true, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return readFailure(file, error, lang);
  }
}

/** Read a file from disk and decode it (see {@link readBytes}, {@link decodeSource}). */
export async function readSource(file: string, lang: Lang): Promise<SourceResult> {
  const read = await readBytes(file, lang);
  return read.ok ? decodeSource(file, read.bytes, lang) : read;
}

/**
 * {@link readSource}, reading synchronously: for runs over many files, where reading ahead asynchronously
 * gains nothing (the reads advance only while the thread waits for them) and costs more to run.
 */
export function readSourceSync(file: string, lang: Lang): SourceResult {
  let bytes: Uint8Array;
  try {
    const fd = openSync(file, OPEN_FLAGS);
    try {
      const refused = refusal(file, fstatSync(fd), lang);
      if (refused) return refused;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return readFailure(file, error, lang);
  }
  return decodeSource(file, bytes, lang);
}

/** Why a file could not be read, as a finding. */
function readFailure(file: string, error: unknown, lang: Lang): { ok: false; diagnostic: Diagnostic } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return fail(
      file,
      'file/not-found',
      lang,
      { zh: '文件不存在。', en: 'No such file.' },
      {
        zh: '检查文件名和路径是否写对。',
        en: 'Check the file name and path.',
      },
    );
  }
  const reason =
    code === 'EISDIR'
      ? { zh: '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }
      : code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有读取该文件的权限。', en: 'Permission denied.' }
        : code === 'ELOOP'
          ? { zh: '符号链接绕成了一个圈，指不到文件。', en: 'The symbolic links go round in a loop and reach no file.' }
          : { zh: `无法读取文件（${code ?? 'unknown'}）。`, en: `Cannot read the file (${code ?? 'unknown'}).` };
  return fail(file, 'file/unreadable', lang, reason);
}

/**
 * Decode a file's bytes as UTF-8 text (see `decode-source.ts`), valid UTF-8 converted by the runtime's ICU.
 */
export function decodeSource(file: string, bytes: Uint8Array, lang: Lang): SourceResult {
  return decodeBytes(file, bytes, lang, (valid) => (isUtf8(valid) ? fromUtf8(valid) : undefined));
}
