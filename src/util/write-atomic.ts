import { constants } from 'node:fs';
import {
  accessSync,
  chmodSync,
  chownSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Text } from '../i18n.js';

/**
 * Why a file was not written, when it is not a plain system error: `EISDIR` (a folder), `ENOTREG` (a
 * block device or another kind of file that is not replaced), `EREADONLY` (no write permission bit),
 * `EHARDLINK` (more than one name links to it), `ECHANGED` (it changed after it was read), `EOWNER`
 * (its owner could not be kept).
 */
export class WriteRefusedError extends Error {
  readonly code: string;
  /** What happened and what to do, in every language. */
  readonly reason: Text;
  constructor(code: string, reason: Text) {
    super(reason.en);
    this.name = 'WriteRefusedError';
    this.code = code;
    this.reason = reason;
  }
}

/** What is said of a folder named as a file to write. */
const isFolder = (name: string): Text => ({
  zh: `${name} 是一个文件夹，不能作为输出文件。`,
  en: `${name} is a folder, not a file to write.`,
});

/**
 * The error code of a failed write, and what happened in every language where the code alone does
 * not say it (a refusal, a folder, a full disk, a read-only file system). `name` names the file.
 */
export function writeFailure(error: unknown, name?: string): { code: string; reason?: Text } {
  if (error instanceof WriteRefusedError) return { code: error.code, reason: error.reason };
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  if (name && code === 'EISDIR') return { code, reason: isFolder(name) };
  if (name && (code === 'ENOSPC' || code === 'EDQUOT')) {
    return {
      code,
      reason: {
        zh: `无法写入 ${name}（${code}）：磁盘空间已满或超出配额。`,
        en: `Cannot write ${name} (${code}): the disk is full or over quota.`,
      },
    };
  }
  if (name && code === 'EROFS') {
    return {
      code,
      reason: {
        zh: `无法写入 ${name}（${code}）：所在的文件系统是只读的。`,
        en: `Cannot write ${name} (${code}): its file system is read-only.`,
      },
    };
  }
  return { code };
}

/**
 * What every command says when writing `name` failed: {@link writeFailure}'s reason, else the error
 * code and what to check.
 */
export function writeFailureText(error: unknown, name: string): Text {
  const { code, reason } = writeFailure(error, name);
  return (
    reason ?? {
      zh: `无法写入 ${name}（${code}）：检查目录是否存在、是否有写权限。`,
      en: `Cannot write ${name} (${code}): check that the folder exists and is writable.`,
    }
  );
}

export interface WriteOptions {
  /**
   * The bytes the file held when it was read. If it holds anything else when the new content is ready
   * (someone saved it meanwhile), nothing is written and an `ECHANGED` error is thrown.
   */
  expect?: Uint8Array;
  /** How messages name the file. Default: the name given. */
  name?: string;
}

/** Names that mean this process's own standard output or error. */
const STD_STREAMS: Record<string, 1 | 2> = {
  '/dev/stdout': 1,
  '/dev/fd/1': 1,
  '/proc/self/fd/1': 1,
  '/dev/stderr': 2,
  '/dev/fd/2': 2,
  '/proc/self/fd/2': 2,
};

/** How a target is written: to a standard stream, straight into it (a FIFO or device), or replaced whole. */
type Plan =
  { kind: 'stream'; fd: 1 | 2 } | { kind: 'direct'; path: string } | { kind: 'replace'; path: string; stat?: Stats };

/** Follow a chain of symbolic links, also to a name that does not exist yet (a dangling link). */
function followLinks(file: string): string {
  let path = file;
  for (let n = 0; n < 40; n++) {
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return path;
    }
    if (!st.isSymbolicLink()) return path;
    try {
      return realpathSync(path);
    } catch {
      path = resolve(dirname(path), readlinkSync(path));
    }
  }
  return realpathSync(path);
}

function refuse(code: string, file: string, reason: (name: string) => Text): never {
  throw new WriteRefusedError(code, reason(file));
}

/** Work out how to write `file`, refusing the targets that must not be replaced. */
function planFor(file: string, shown: string): Plan {
  const named = STD_STREAMS[file];
  if (named) return { kind: 'stream', fd: named };
  const path = followLinks(resolve(file));
  let st: Stats;
  try {
    st = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'replace', path };
    throw error;
  }
  if (st.isDirectory()) {
    refuse('EISDIR', shown, isFolder);
  }
  if (st.isFIFO() || st.isCharacterDevice()) return { kind: 'direct', path };
  if (!st.isFile()) {
    refuse('ENOTREG', shown, (f) => ({
      zh: `${f} 不是普通文件，没有写入。`,
      en: `${f} is not a regular file; nothing was written.`,
    }));
  }
  if (!writable(path)) {
    // Renaming over it would succeed in a writable folder: say what plain writing would.
    throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  }
  if ((st.mode & 0o222) === 0) {
    refuse('EREADONLY', shown, (f) => ({
      zh: `${f} 是只读文件，没有写入。需要改写时先去掉只读属性（chmod u+w）。`,
      en: `${f} is read-only; nothing was written. Make it writable (chmod u+w) to have it rewritten.`,
    }));
  }
  if (st.nlink > 1) {
    refuse('EHARDLINK', shown, (f) => ({
      zh: `${f} 有 ${st.nlink} 个硬链接，整体替换会使它们断开，没有写入。先复制出一个独立的文件再处理。`,
      en: `${f} has ${st.nlink} hard links, which replacing it would break; nothing was written. Work on a separate copy.`,
    }));
  }
  return { kind: 'replace', path, stat: st };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary files: named `.<name>.zwgk-<pid>-<random>.tmp` next to the target, removed on failure and
// on SIGINT/SIGTERM; ones left by a process that no longer runs are removed by the next write. A name
// too long for that (a file name has at most 255 bytes) is cut short and ends in a hash of the whole name.

/** The most bytes `<name>` may take: 255 less the dots, `zwgk-`, the longest process id, `-<random>` and `.tmp`. */
const TEMP_NAME_BYTES = 255 - '..zwgk-4294967295-abcdef.tmp'.length;

/**
 * An 8-digit hex hash of a text (FNV-1a over its UTF-16 code units): enough to tell long names apart in a
 * temporary file's name, without loading node:crypto (which every run would pay for at start-up).
 */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The `<name>` part of the temporary files for `path`: its own name, or a shortened one that still tells it apart. */
function tempStem(path: string): string {
  const name = basename(path);
  if (Buffer.byteLength(name) <= TEMP_NAME_BYTES) return name;
  const hash = fnv1a(name);
  let stem = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > TEMP_NAME_BYTES - hash.length - 1) break;
    stem += ch;
  }
  return `${stem}~${hash}`;
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let listening = false;

/**
 * On a signal, remove the temporary files, then end as the signal would have (unless the program
 * listens for it itself).
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const temp of live) rmSync(temp, { force: true });
  live.clear();
  process.removeListener(signal, onSignal);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  else process.on(signal, onSignal);
}

function track(temp: string): void {
  if (!listening) for (const s of SIGNALS) process.on(s, onSignal);
  listening = true;
  live.add(temp);
}

function untrack(temp: string): void {
  live.delete(temp);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files for `path` that a process which no longer runs left behind. */
export function removeStaleTemps(path: string): void {
  const base = escapeRegExp(tempStem(path));
  // This version's names, and the `.<name>.<pid>.<time>.tmp` of earlier ones.
  const stale = new RegExp(`^\\.${base}\\.(?:zwgk-(\\d+)-[0-9a-z]+|(\\d+)\\.\\d+)\\.tmp$`);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const m = stale.exec(name);
    if (m && !running(Number(m[1] ?? m[2]))) rmSync(join(dirname(path), name), { force: true });
  }
}

function sameBytes(path: string, expect: Uint8Array): boolean {
  let now: Buffer;
  try {
    now = readFileSync(path);
  } catch {
    return false;
  }
  return now.equals(expect);
}

/** Set the mode and owner a replaced file had on the temporary file that replaces it. */
function keepModeAndOwner(temp: string, shown: string, stat: Stats | undefined): void {
  if (!stat) return;
  // The mode given when the file was made is narrowed by the umask: set it as it was.
  chmodSync(temp, stat.mode & 0o7777);
  const own = statSync(temp);
  if (own.uid === stat.uid && own.gid === stat.gid) return;
  try {
    chownSync(temp, stat.uid, stat.gid);
  } catch {
    refuse('EOWNER', shown, (f) => ({
      zh: `无法保留 ${f} 的所有者，没有写入。请以文件所有者的身份运行。`,
      en: `Cannot keep the owner of ${f}; nothing was written. Run as the file's owner.`,
    }));
  }
}

/** Rename the written temporary file over the target, unless the target changed since it was read. */
function commit(temp: string, path: string, stat: Stats | undefined, options: WriteOptions): void {
  const shown = options.name ?? path;
  keepModeAndOwner(temp, shown, stat);
  if (options.expect && !sameBytes(path, options.expect)) {
    refuse('ECHANGED', shown, (f) => ({
      zh: `${f} 在处理期间被改动（可能在编辑器中保存了），为免覆盖这些改动，没有写入。请重新运行。`,
      en: `${f} changed while it was being processed (saved in an editor?); to keep those changes it was not written. Run again.`,
    }));
  }
  renameSync(temp, path);
}

/** A new temporary file name for `path`, tracked until `untrack`; stale ones for `path` are removed first. */
function startTemp(path: string): string {
  removeStaleTemps(path);
  const temp = join(
    dirname(path),
    `.${tempStem(path)}.zwgk-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`,
  );
  track(temp);
  return temp;
}

const tempFlags = (stat: Stats | undefined) => ({ flag: 'wx', mode: stat ? stat.mode & 0o7777 : 0o666 });

/**
 * After the temporary file is written (or failed to be): rename it over the target, or on any failure
 * remove it and throw.
 */
function finish(
  temp: string,
  path: string,
  stat: Stats | undefined,
  options: WriteOptions,
  written: { error?: unknown },
): void {
  try {
    if ('error' in written) throw written.error;
    commit(temp, path, stat, options);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    untrack(temp);
  }
}

/**
 * Replace a regular file (or create a new one) in one step: write a temporary file next to it with
 * the same mode and owner, then rename it over the file.
 */
async function replace(
  path: string,
  stat: Stats | undefined,
  data: string | Uint8Array | Iterable<string>,
  options: WriteOptions,
): Promise<void> {
  const temp = startTemp(path);
  const written = await writeFile(temp, data, tempFlags(stat)).then(
    () => ({}),
    (error: unknown) => ({ error }),
  );
  finish(temp, path, stat, options, written);
}

function replaceSync(path: string, stat: Stats | undefined, data: string | Uint8Array, options: WriteOptions): void {
  const temp = startTemp(path);
  let written: { error?: unknown } = {};
  try {
    writeFileSync(temp, data, tempFlags(stat));
  } catch (error) {
    written = { error };
  }
  finish(temp, path, stat, options, written);
}

/** Write all of `data` to a file descriptor that is already open (a standard stream). */
function writeAllSync(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/**
 * Write a file so that it is either fully written or untouched; `data` may come in pieces, each written as it
 * is made (a large page). A regular file (or a new name) is
 * replaced in one step: a temporary file with the same mode and owner, renamed over it. A symbolic
 * link is followed, and the file it points to is replaced. `/dev/stdout` and `/dev/stderr` are this
 * process's own streams; a FIFO or a character device (`/dev/null`) is written to as it is. A folder,
 * a block device, a read-only file and a file with other hard links are refused (a `WriteRefusedError`),
 * as is, with `options.expect`, a file that changed since it was read.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | Iterable<string>,
  options: WriteOptions = {},
): Promise<void> {
  const plan = planFor(file, options.name ?? file);
  if (plan.kind === 'direct') return writeFile(plan.path, data);
  if (plan.kind === 'stream') {
    const stream = plan.fd === 1 ? process.stdout : process.stderr;
    for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data)
      await new Promise<void>((done, fail) => stream.write(piece, (error) => (error ? fail(error) : done())));
    return;
  }
  await replace(plan.path, plan.stat, data, options);
}

/**
 * The same, synchronously: for writing many small files in a row (`zwgk import`), where waiting on the
 * event loop between files costs more than the writes.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const plan = planFor(file, options.name ?? file);
  if (plan.kind === 'direct') writeFileSync(plan.path, data);
  else if (plan.kind === 'stream') writeAllSync(plan.fd, data);
  else replaceSync(plan.path, plan.stat, data, options);
}
