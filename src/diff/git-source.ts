import { execFileSync } from 'node:child_process';
import { ZwgkError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { LIMITS } from '../load/limits.js';
import { decodeSource, tooLarge, type SourceResult } from '../load/read-source.js';

/** A catalog file of a git revision: how reports name it, and the blob that holds its text. */
export interface RevisionFile {
  /** How the file is named in reports: `HEAD~1:catalogs/a.yaml`. */
  file: string;
  /** The object id of its blob. */
  blob: string;
}

function git(args: readonly string[], cwd: string, input?: string): Buffer {
  return execFileSync('git', args, {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    ...(input !== undefined ? { input } : {}),
  });
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

/** Whether `cwd` is inside a git working tree (false as well when git is not installed). */
function inRepository(cwd: string): boolean {
  try {
    return git(['rev-parse', '--is-inside-work-tree'], cwd).toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * Why `rev` is not a git revision to compare with, said for the user after its name; undefined when it
 * names a commit.
 */
export function revisionProblem(rev: string, cwd: string, lang: Lang): string | undefined {
  if (isRevision(rev, cwd)) return undefined;
  if (!inRepository(cwd)) {
    return lang === 'zh'
      ? '当前目录不在 git 仓库中（git 版本只能在仓库中比较）。'
      : 'the current folder is not in a git repository (revisions are compared inside one).';
  }
  return lang === 'zh'
    ? '这个仓库中没有这个版本：写一个提交、分支或标签，例如 HEAD~1、main 或 v1.0（git log --oneline 可查看）。'
    : 'this repository has no such revision: give a commit, branch or tag such as HEAD~1, main or v1.0 (see git log --oneline).';
}

/** The message for a side of a comparison that is neither a file or directory nor a git revision. */
export function notFileNorRevision(spec: string, problem: string, lang: Lang): string {
  return lang === 'zh'
    ? `“${spec}”既不是文件或目录，也不是 git 版本：${problem}`
    : `"${spec}" is neither a file or directory nor a git revision: ${problem}`;
}

/** The YAML blobs of a `git ls-tree -r -z` listing, by path: `<mode> blob <id>\t<path>` entries. */
function yamlBlobs(listing: string): { path: string; blob: string }[] {
  const out: { path: string; blob: string }[] = [];
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    const [, type, blob] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (tab > 0 && type === 'blob' && blob && /\.ya?ml$/i.test(path)) out.push({ path, blob });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * List the YAML files of a revision with git itself: `rev` with `paths` (files or folders, as after
 * `--`), or a single `rev:path`. Paths are relative to the repository's top. Nothing is read yet.
 */
export function listRevision(spec: string, paths: readonly string[], cwd: string, lang: Lang): RevisionFile[] {
  const colon = spec.indexOf(':');
  const rev = colon > 0 ? spec.slice(0, colon) : spec;
  const wanted = colon > 0 ? [spec.slice(colon + 1)] : paths;
  const problem = revisionProblem(rev, cwd, lang);
  if (problem) {
    throw new ZwgkError(notFileNorRevision(spec, problem, lang));
  }
  const prefix = git(['rev-parse', '--show-prefix'], cwd).toString('utf8').trim();
  const listing = git(
    ['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...wanted.map((p) => prefix + p)],
    cwd,
  ).toString('utf8');
  const files = yamlBlobs(listing);
  if (files.length === 0) {
    throw new ZwgkError(
      lang === 'zh'
        ? `版本 ${rev} 中没有 ${wanted.join('、') || '任何'} YAML 文件。`
        : `Revision ${rev} has no YAML files at ${wanted.join(', ') || 'all'}.`,
    );
  }
  return files.map(({ path, blob }) => ({ file: `${rev}:${path}`, blob }));
}

/** How many bytes of blobs are read with one `git cat-file --batch` at most (a blob past it is read alone). */
const BATCH_BYTES = 256 * 1024 * 1024;

/** The size of each blob, from `git cat-file --batch-check` (`<id> blob <size>` a line), nothing read. */
function blobSizes(files: readonly RevisionFile[], cwd: string): number[] {
  const lines = git(['cat-file', '--batch-check'], cwd, files.map((f) => `${f.blob}\n`).join(''))
    .toString('latin1')
    .split('\n');
  return files.map((f, i) => {
    const [, type, size] = (lines[i] ?? '').split(' ');
    if (type !== 'blob') throw new ZwgkError(`git cat-file: ${f.blob} ${type ?? ''}`);
    return Number(size);
  });
}

/** The bytes of blobs whose sizes are known, in the order asked, read with one `git cat-file --batch`: each comes back as `<id> blob <size>\n<bytes>\n`. */
function blobBytes(files: readonly RevisionFile[], sizes: readonly number[], cwd: string): Buffer[] {
  const total = sizes.reduce((sum, n) => sum + n + 100, 0);
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: total + 1024,
    input: files.map((f) => `${f.blob}\n`).join(''),
  });
  const bytes: Buffer[] = [];
  let at = 0;
  for (const f of files) {
    const eol = out.indexOf(0x0a, at);
    const header = out.toString('latin1', at, eol).split(' ');
    if (header[1] !== 'blob') throw new ZwgkError(`git cat-file: ${f.blob} ${header.slice(1).join(' ')}`);
    const start = eol + 1;
    const end = start + Number(header[2]);
    bytes.push(out.subarray(start, end));
    at = end + 1;
  }
  return bytes;
}

/**
 * The texts of revision files, in the order asked, read as files on disk are: a blob past the size
 * limit is refused unread (git tells its size first), and the bytes of the others are decoded and
 * checked as a file's are (UTF-8, not a table, not binary). Blobs are read a few hundred megabytes
 * at a time, each batch with one `git cat-file --batch`.
 */
export function readBlobs(files: readonly RevisionFile[], cwd: string, lang: Lang): SourceResult[] {
  if (files.length === 0) return [];
  const sizes = blobSizes(files, cwd);
  const results = new Array<SourceResult>(files.length);
  let batch: number[] = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const bytes = blobBytes(
      batch.map((i) => files[i]!),
      batch.map((i) => sizes[i]!),
      cwd,
    );
    batch.forEach((i, k) => (results[i] = decodeSource(files[i]!.file, bytes[k]!, lang)));
    batch = [];
    batchBytes = 0;
  };
  files.forEach((f, i) => {
    const size = sizes[i]!;
    if (size > LIMITS.fileBytes) {
      results[i] = tooLarge(f.file, size, lang);
      return;
    }
    if (batchBytes + size > BATCH_BYTES) flush();
    batch.push(i);
    batchBytes += size;
  });
  flush();
  return results;
}
