import { existsSync } from 'node:fs';
import { ZwgkError } from '../errors.js';
import { say, type Lang } from '../i18n.js';
import { writeFailureText, writeFileAtomic } from '../util/write-atomic.js';

/**
 * Write one output file atomically, refusing one that exists unless `force` (exit code 2, nothing written);
 * a failed write says why, as every command says it. `shown` is the name the user gave.
 */
export async function writeNewFile(
  path: string,
  content: string | Uint8Array,
  shown: string,
  force: boolean | undefined,
  lang: Lang,
): Promise<void> {
  if (!force && existsSync(path)) {
    throw new ZwgkError(
      say(lang, {
        zh: `${shown} 已经存在，没有写入。换一个文件名，或加 --force 覆盖。`,
        en: `${shown} exists; nothing was written. Choose another name, or add --force to overwrite.`,
      }),
    );
  }
  try {
    await writeFileAtomic(path, content, { name: shown });
  } catch (error) {
    throw new ZwgkError(say(lang, writeFailureText(error, shown)));
  }
}
