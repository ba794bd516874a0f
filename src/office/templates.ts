import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ZwgkError } from '../errors.js';
import type { Text } from '../i18n.js';
import { LIMITS } from '../load/limits.js';
import { notRegularFile, OPEN_FLAGS, tooLargeText } from '../load/read-source.js';
import {
  compileTemplateSet,
  normalizeTemplate,
  shippedTemplateSource,
  type TemplateSet,
  type TemplateSetSpec,
  type TemplateSource,
} from './template-set.js';

export type { Template, TemplateEnv, TemplateSet, TemplateSetSpec, TemplateSource } from './template-set.js';

/** Why a template file cannot be read, in both languages (the renderers are not told the user's language). */
function unreadable(path: string, reason: Text): ZwgkError {
  return new ZwgkError(`无法读取模板 ${path}：${reason.zh} / Cannot read template ${path}: ${reason.en}`);
}

/** Why a file could not be opened, as a reason to give. */
function openFailure(error: unknown): Text {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return code === 'EACCES' || code === 'EPERM'
    ? { zh: '没有读取该文件的权限。', en: 'Permission denied.' }
    : code === 'ELOOP'
      ? { zh: '符号链接绕成了一个圈，指不到文件。', en: 'The symbolic links go round in a loop and reach no file.' }
      : { zh: `无法读取文件（${code}）。`, en: `Cannot read the file (${code}).` };
}

/**
 * The user's own template `overrideDir/<name>`, when there is one. A user overrides one template by adding
 * a file of the same name; anything of that name there that is not a regular file (a named pipe, a
 * device, a folder) is refused.
 */
async function ownTemplatePath(name: string, overrideDir: string): Promise<string | undefined> {
  const own = join(overrideDir, name);
  const info = await stat(own).catch((error: unknown) => {
    const failure = error as NodeJS.ErrnoException;
    return failure.code === 'ENOENT' || failure.code === 'ENOTDIR' ? undefined : failure;
  });
  if (info instanceof Error) throw unreadable(own, openFailure(info));
  if (!info) return undefined;
  const reason = notRegularFile(info);
  if (reason) throw unreadable(own, reason);
  return own;
}

/**
 * A template file: `overrideDir/<name>` when the user put one there, else the shipped one. Line ends are
 * normalised, so that a template saved on Windows renders the same bytes.
 */
export async function readTemplateSource(set: string, name: string, overrideDir?: string): Promise<TemplateSource> {
  const own = overrideDir === undefined ? undefined : await ownTemplatePath(name, overrideDir);
  return own === undefined ? shippedTemplateSource(set, name) : normalizeTemplate(own, await readTemplateText(own));
}

/**
 * The text of a template file, read as catalogs are: opened without waiting (a named pipe put there
 * since is refused, not waited on), refused unread past the size limit or when not a regular file,
 * and refused when not UTF-8. A UTF-8 byte-order mark is dropped.
 */
async function readTemplateText(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    const handle = await open(path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      const reason = notRegularFile(info);
      if (reason) throw unreadable(path, reason);
      if (info.size > LIMITS.fileBytes) throw unreadable(path, tooLargeText(info.size));
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof ZwgkError ? error : unreadable(path, openFailure(error));
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw unreadable(path, {
      zh: '文件不是有效的 UTF-8 编码：请另存为“UTF-8”编码。',
      en: 'The file is not valid UTF-8: save it again as "UTF-8".',
    });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readTemplateFile(set: string, name: string, overrideDir?: string): Promise<string> {
  return (await readTemplateSource(set, name, overrideDir)).text;
}

/**
 * Read and compile a template set once, in its own Handlebars environment: the shipped templates of `set`,
 * each replaced by a file of the same name in `overrideDir` when there is one.
 */
export function loadTemplateSet<T extends string, P extends string, A extends string>(
  set: string,
  spec: TemplateSetSpec<T, P, A>,
  overrideDir?: string,
): Promise<TemplateSet<T, A>> {
  return compileTemplateSet(spec, (name) => readTemplateFile(set, name, overrideDir));
}
