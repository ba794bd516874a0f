import { existsSync, linkSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One file of a set written together. */
export interface FileToWrite {
  path: string;
  data: string | Uint8Array;
}

/** Signals that stop a command and that a set of writes waits out or rolls back. */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof SIGNALS)[number];

/** What is called after each temporary file is written: lets a test stop the writes at a known point. */
export interface WriteFilesOptions {
  afterTemporary?: (index: number) => void | Promise<void>;
}

/** Mark a failure with the target file it happened for (its own `path` may name a temporary or backup file). */
function failedAt(error: unknown, target: string): unknown {
  if (error !== null && typeof error === 'object' && !('target' in error)) Object.assign(error, { target });
  return error;
}

/** A short temporary name in the target's folder (a long target name plus a suffix could exceed 255 bytes). */
function temporaryName(path: string, tag: string, index: number): string {
  return join(dirname(path), `.zwgk-${tag}-${index}.tmp`);
}

/**
 * Write a set of files so that either every one has its new content or every one is as it was: each is
 * first written (and flushed) to a temporary file beside it; only when all are written are they renamed
 * into place, in one synchronous step that Ctrl+C, SIGTERM and SIGHUP wait for. A failure or one of these
 * signals before that step removes the temporary files and leaves every old file as it was (after a
 * signal, the process then stops by it); a rename that fails puts back the files already replaced. Only a
 * hard stop (SIGKILL, power loss) during the renames can leave some files new and some old. An error
 * thrown names the file it was writing as `target`.
 */
export async function writeFilesAtomically(
  files: readonly FileToWrite[],
  options: WriteFilesOptions = {},
): Promise<void> {
  // node:crypto is loaded here only: a short run that writes nothing should not pay for it.
  const { randomBytes } = await import('node:crypto');
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temps: string[] = [];
  let stopped: StopSignal | undefined;
  const onSignal = (signal: StopSignal) => {
    stopped ??= signal;
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  const removeTemps = () => {
    for (const t of temps) rmSync(t, { force: true });
  };
  try {
    for (const [i, file] of files.entries()) {
      const temp = temporaryName(file.path, tag, i);
      temps.push(temp);
      try {
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(file.data);
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw failedAt(error, file.path);
      }
      await options.afterTemporary?.(i);
      // A signal that arrived while writing is seen here: nothing has been replaced yet.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped) break;
    }
    if (stopped) {
      removeTemps();
      return await stop(stopped, onSignal);
    }
    renameAll(files, temps, tag);
  } catch (error) {
    removeTemps();
    throw error;
  } finally {
    if (!stopped) for (const s of SIGNALS) process.off(s, onSignal);
  }
}

/** Rename every temporary file onto its target; on a failure, put back what was replaced and remove what was new. */
function renameAll(files: readonly FileToWrite[], temps: readonly string[], tag: string): void {
  const done: { path: string; backup?: string }[] = [];
  const backups: string[] = [];
  let at = '';
  try {
    for (const [i, file] of files.entries()) {
      at = file.path;
      let backup: string | undefined;
      if (existsSync(file.path)) {
        backup = join(dirname(file.path), `.zwgk-${tag}-${i}.old`);
        try {
          linkSync(file.path, backup);
        } catch {
          copyFileSync(file.path, backup);
        }
        backups.push(backup);
      }
      renameSync(temps[i]!, file.path);
      done.push({ path: file.path, ...(backup ? { backup } : {}) });
    }
  } catch (error) {
    for (const d of done.reverse()) {
      if (d.backup) renameSync(d.backup, d.path);
      else rmSync(d.path, { force: true });
    }
    for (const b of backups) rmSync(b, { force: true });
    throw failedAt(error, at);
  }
  for (const b of backups) rmSync(b, { force: true });
}

/** Stop the process by the signal it was sent, as it would have stopped without the writes waiting. */
function stop(signal: StopSignal, listener: (s: StopSignal) => void): Promise<never> {
  for (const s of SIGNALS) process.off(s, listener);
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  // The signal ends the process; if something else handles it, wait for that.
  return new Promise<never>(() => {});
}
