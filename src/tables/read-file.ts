import { open, stat } from 'node:fs/promises';
import type { Lang, Text } from '../i18n.js';
import { notRegularFile, OPEN_FLAGS } from '../load/read-source.js';
import type { ReadResult } from './grid.js';
import { FILE_LIMITS } from './limits.js';
import {
  fileTooLarge,
  readTableBytes,
  TABLE_HINTS,
  tableFileError,
  TableFileError,
  type TableFileHints,
  type TableFileProblem,
} from './read-bytes.js';

export { TABLE_HINTS, TableFileError, type TableFileHints, type TableFileProblem } from './read-bytes.js';

/**
 * Read a table file (see {@link readTableBytes}): a file beyond the size limit is refused unread. Throws a
 * {@link TableFileError} for a file that cannot be read or holds no table.
 */
export async function readTableFile(
  path: string,
  lang: Lang,
  hints: TableFileHints = TABLE_HINTS,
): Promise<ReadResult> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  if (size > FILE_LIMITS.fileBytes)
    throw tableFileError(path, lang, 'too-large', fileTooLarge(size, FILE_LIMITS.fileBytes), hints.tooLarge);
  return readTableBytes(await readBytes(path, lang), path, lang, hints);
}

/**
 * A table file's bytes. A file that is not a regular one (a named pipe, a device such as /dev/zero, a
 * directory) is refused unread: opened without waiting, and never read without end.
 */
async function readBytes(path: string, lang: Lang): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return readFailure(path, lang, error);
  }
  try {
    const reason = notRegularFile(await handle.stat());
    if (reason) throw tableFileError(path, lang, 'unreadable', reason, NAME_A_TABLE);
    return await handle.readFile();
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    return readFailure(path, lang, error);
  } finally {
    await handle.close();
  }
}

const NAME_A_TABLE: Text = {
  zh: '给出要导入的表格文件（.xlsx、.html 或 .csv）。',
  en: 'Name the table file to import (.xlsx, .html or .csv).',
};

/** Why a table file could not be read, thrown as the error that says so. */
function readFailure(path: string, lang: Lang, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const fail = (problem: TableFileProblem, message: Text, hint: Text): never => {
    throw tableFileError(path, lang, problem, message, hint);
  };
  if (code === 'ENOENT') {
    return fail(
      'not-found',
      { zh: '文件不存在。', en: 'No such file.' },
      { zh: '检查文件名和路径是否写对。', en: 'Check the file name and path.' },
    );
  }
  if (code === 'EISDIR')
    return fail('unreadable', { zh: '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }, NAME_A_TABLE);
  if (code === 'EACCES' || code === 'EPERM') {
    return fail(
      'unreadable',
      { zh: '没有读取该文件的权限。', en: 'Permission denied.' },
      {
        zh: '检查文件权限，或先把文件复制到自己的目录。',
        en: 'Check the file permissions, or copy the file to a folder of your own first.',
      },
    );
  }
  return fail(
    'unreadable',
    { zh: `无法读取文件（${code ?? 'unknown'}）。`, en: `Cannot read the file (${code ?? 'unknown'}).` },
    {
      zh: '检查文件是否仍在、是否被其他程序占用。',
      en: 'Check that the file still exists and is not locked by another program.',
    },
  );
}
