import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readSourceSync } from '../load/read-source.js';
import { optionsFor, type ValidateOptions } from './options.js';
import { checkSource, type FileOutcome } from './check-source.js';
import type { PoolRequest, PoolResult, PoolWorkerData, SentOptions } from './pool-worker.js';
import { WORKER_FILE } from './worker-file.js';
import { appendAll } from '../util/append.js';

/** Files handed to a worker at a time. */
const BATCH = 4;
/** Batches a worker holds at a time: the next one is there when it finishes one. */
const IN_FLIGHT = 2;
/**
 * A worker's heap: bounded, so that the whole process stays small, yet room for a file of 20,000 items
 * (about 180 MB checked alone). A worker that runs out stops, and its files are checked here.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };

/**
 * The options as they can be sent to a worker: without `forFile` (already applied per file) and `tables`
 * (tables are checked in this thread), kinds of document by name.
 */
function sendable(options: ValidateOptions): SentOptions {
  const { forFile: _, tables: __, documents, ...rest } = options;
  return documents
    ? { ...rest, documents: documents.map((kind) => ({ name: kind.name, settings: kind.settings })) }
    : rest;
}

/**
 * Check files in `size` worker threads and this one, handing them out in order, a few at a time; this
 * thread collects what each gave, in file order. Files a worker could not check (it failed
 * to start, or stopped) are checked here, as is everything when no worker can be started (running
 * from the TypeScript sources).
 */
export async function checkInPool(
  files: readonly string[],
  options: ValidateOptions,
  cwd: string,
  size: number,
  progress?: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(files.length);
  let next = 0;
  let done = 0;
  const finish = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    done++;
    progress?.(done, files.length);
  };
  // Files given back by a worker that stopped, to check here.
  const returned: number[] = [];

  // Each distinct options object (one per set of configuration overrides that applies) is sent to a worker once.
  const optionIds = new Map<ValidateOptions, number>();
  const idOf = (file: string): { id: number; options: ValidateOptions } => {
    const own = optionsFor(options, resolve(cwd, file));
    let id = optionIds.get(own);
    if (id === undefined) {
      id = optionIds.size;
      optionIds.set(own, id);
    }
    return { id, options: own };
  };

  const run = () =>
    new Promise<void>((settle) => {
      const worker = new Worker(WORKER_FILE, {
        workerData: { zwgkPool: true, cwd, lang: options.lang } satisfies PoolWorkerData,
        resourceLimits: WORKER_LIMITS,
      });
      const known = new Set<number>();
      const pending = new Map<number, number[]>();
      let batches = 0;
      let stopped = false;
      const send = (): boolean => {
        if (next >= files.length) return false;
        const indices: number[] = [];
        const request: PoolRequest = { batch: batches++, files: [], options: [] };
        for (; next < files.length && indices.length < BATCH; next++) {
          const { id, options: own } = idOf(files[next]!);
          if (!known.has(id)) {
            known.add(id);
            request.options.push([id, sendable(own)]);
          }
          indices.push(next);
          request.files.push({ file: files[next]!, options: id });
        }
        pending.set(request.batch, indices);
        worker.postMessage(request);
        return true;
      };
      const stop = () => {
        if (stopped) return;
        stopped = true;
        for (const indices of pending.values()) appendAll(returned, indices);
        pending.clear();
        void worker.terminate();
        settle();
      };
      worker.on('message', (result: PoolResult) => {
        const indices = pending.get(result.batch) ?? [];
        pending.delete(result.batch);
        result.outcomes.forEach((outcome, k) => finish(indices[k]!, outcome));
        send();
        if (pending.size === 0) stop();
      });
      worker.on('error', stop);
      worker.on('exit', stop);
      for (let k = 0; k < IN_FLIGHT; k++) if (!send()) break;
      if (pending.size === 0) stop();
    });

  const checkHere = async (index: number) => {
    const file = files[index]!;
    finish(index, await checkSource(file, readSourceSync(resolve(cwd, file), options.lang), options, cwd));
  };
  // This thread checks files too, a batch at a time, between handing batches out: while the workers load
  // their code it is the only one checking, so a pool is never much slower than this thread alone.
  const alongside = async () => {
    while (next < files.length) {
      const end = Math.min(files.length, next + BATCH);
      while (next < end) await checkHere(next++);
      await new Promise<void>((turn) => setImmediate(turn));
    }
  };

  const running: Promise<void>[] = [];
  if (existsSync(fileURLToPath(WORKER_FILE))) for (let w = 0; w < size; w++) running.push(run());
  running.push(alongside());
  await Promise.all(running);

  for (const index of returned.sort((a, b) => a - b)) await checkHere(index);
  while (next < files.length) await checkHere(next++);
  return outcomes;
}
