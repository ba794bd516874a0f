import { execFileSync } from 'node:child_process';
import { ZwgkError } from '../errors.js';
import type { Lang } from '../i18n.js';

/** A catalog file's text from somewhere other than the working tree. */
export interface TextSource {
  /** How the file is named in reports: `HEAD~1:catalogs/a.yaml`. */
  file: string;
  text: string;
}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
}

/** Whether `rev` names a commit in the repository at `cwd`. */
export function isRevision(rev: string, cwd: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
    return true;
  } catch {
    return false;
  }
}

/**
 * Read the YAML files of a revision with git itself: `rev` with `paths` (files or folders, as after
 * `--`), or a single `rev:path`. Paths are relative to the repository's top.
 */
export function readRevision(spec: string, paths: readonly string[], cwd: string, lang: Lang): TextSource[] {
  const colon = spec.indexOf(':');
  const rev = colon > 0 ? spec.slice(0, colon) : spec;
  const wanted = colon > 0 ? [spec.slice(colon + 1)] : paths;
  if (!isRevision(rev, cwd)) {
    throw new ZwgkError(lang === 'zh' ? `“${rev}”既不是文件或目录，也不是 git 版本。` : `"${rev}" is neither a file or directory nor a git revision.`);
  }
  const prefix = git(['rev-parse', '--show-prefix'], cwd).trim();
  const names = git(['ls-tree', '-r', '--name-only', '--full-tree', rev, '--', ...wanted.map((p) => prefix + p)], cwd)
    .split('\n')
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort();
  if (names.length === 0) {
    throw new ZwgkError(lang === 'zh' ? `版本 ${rev} 中没有 ${wanted.join('、') || '任何'} YAML 文件。` : `Revision ${rev} has no YAML files at ${wanted.join(', ') || 'all'}.`);
  }
  return names.map((name) => ({ file: `${rev}:${name}`, text: git(['show', `${rev}:${name}`], cwd) }));
}
