import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError, ZwgkError } from '../../errors.js';
import { say, type Lang } from '../../i18n.js';
import { initReport } from '../../init/advice.js';
import { scaffold } from '../../init/scaffold.js';
import { parseZwgkSource, tarballSpec } from '../../init/source.js';
import { toolVersion } from '../../report/tool-version.js';
import { writeFailureText, writeFileAtomic } from '../../util/write-atomic.js';
import { EXIT } from '../exit.js';
import type { InitFlags } from '../options.js';

/**
 * The devDependency spec for zwgk: the version that is running, or what `--zwgk-source` says, with a local
 * tarball named relative to the new repository. A bad value or a missing tarball is a usage error.
 */
function zwgkSpec(source: string | undefined, cwd: string, root: string, lang: Lang): string {
  if (source === undefined) return toolVersion();
  const parsed = parseZwgkSource(source);
  if (parsed.kind === 'problem') throw new UsageError(say(lang, parsed.problem));
  if (parsed.kind === 'spec') return parsed.spec;
  const file = resolve(cwd, parsed.path);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    const named = file === parsed.path ? file : `${parsed.path} (${file})`;
    throw new UsageError(
      say(lang, {
        zh: `--zwgk-source：${stat ? '不是文件' : '找不到文件'} ${named}（请给出 npm pack 生成的 zwgk-版本.tgz 的路径）。`,
        en: `--zwgk-source: ${stat ? 'not a file' : 'no such file'}: ${named} (give the path of the zwgk-<version>.tgz that npm pack makes).`,
      }),
    );
  }
  return tarballSpec(file, cwd, root);
}

/**
 * `zwgk init [dir]`: set up a catalog repository — configuration, a sample catalog, CI files for GitHub
 * Actions, GitLab and pre-commit, and a package.json that pins this version of zwgk (or `--zwgk-source`).
 * Files that exist are left as they are and listed.
 */
export async function runInit(dir: string | undefined, flags: InitFlags): Promise<number> {
  const lang = flags.lang ?? 'zh';
  const cwd = process.cwd();
  const root = resolve(cwd, dir ?? '.');
  const spec = zwgkSpec(flags.zwgkSource, cwd, root, lang);
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of await scaffold(spec)) {
    const target = join(root, file.path);
    if (existsSync(target)) {
      kept.push(file.path);
      continue;
    }
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, file.content, { name: file.path });
    } catch (error) {
      throw new ZwgkError(writeFailureText(error, file.path)[lang]);
    }
    written.push(file.path);
  }
  const cd = relative(cwd, root) === '' ? undefined : (dir ?? '.');
  process.stdout.write(
    initReport({ written, kept, spec, ...(cd !== undefined ? { cd } : {}) }, lang).join('\n') + '\n',
  );
  return EXIT.ok;
}
