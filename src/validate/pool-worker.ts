// A worker of the validation pool (see pool.ts): checks the files it is handed, batch after batch,
// and sends back what each gave. Started from pool-worker-main.ts (or the portable file's entry).
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readSourceSync } from '../load/read-source.js';
import type { DocumentKindMaker, ValidateOptions } from './options.js';
import { checkSource, type FileOutcome } from './check-source.js';

/**
 * Options as a worker is sent them: without `forFile` (already applied per file), and with each kind of
 * document by its name and settings, for the worker to make it again.
 */
export type SentOptions = Omit<ValidateOptions, 'forFile' | 'documents' | 'tables'> & {
  documents?: { name: string; settings: unknown }[];
};

/** A batch of files, with the options not sent to this worker before. */
export interface PoolRequest {
  batch: number;
  files: { file: string; options: number }[];
  options: [number, SentOptions][];
}

/** What each file of a batch gave, in the order of the request. */
export interface PoolResult {
  batch: number;
  outcomes: FileOutcome[];
}

/** What a worker is started with. */
export interface PoolWorkerData {
  /** Marks a worker of the pool (the portable file starts its workers from itself). */
  zwgkPool: true;
  cwd: string;
  lang: ValidateOptions['lang'];
}

/** Whether this thread was started as a worker of the pool. */
export function isPoolWorker(): boolean {
  return (workerData as Partial<PoolWorkerData> | null)?.zwgkPool === true;
}

/**
 * Serve the pool: check each batch handed to this worker, in order. `makers` make the kinds of document
 * the options name; a kind it cannot make stops the worker, and the pool checks its files itself.
 */
export function startPoolWorker(makers: ReadonlyMap<string, DocumentKindMaker> = new Map()): void {
  const { cwd, lang } = workerData as PoolWorkerData;
  const options = new Map<number, ValidateOptions>();
  const received = (sent: SentOptions): ValidateOptions => {
    const { documents, ...rest } = sent;
    if (!documents) return rest;
    return {
      ...rest,
      documents: documents.map(({ name, settings }) => {
        const make = makers.get(name);
        if (!make) throw new Error(`zwgk: this worker cannot check documents of the kind ${name}`);
        return make(settings);
      }),
    };
  };
  let queue = Promise.resolve();
  parentPort!.on('message', (request: PoolRequest) => {
    queue = queue.then(() => {
      for (const [id, sent] of request.options) options.set(id, received(sent));
      return check(request, options, cwd, lang);
    });
  });
}

async function check(
  request: PoolRequest,
  options: Map<number, ValidateOptions>,
  cwd: string,
  lang: ValidateOptions['lang'],
): Promise<void> {
  const outcomes: FileOutcome[] = [];
  for (let k = 0; k < request.files.length; k++) {
    const { file, options: id } = request.files[k]!;
    outcomes.push(await checkSource(file, readSourceSync(resolve(cwd, file), lang), options.get(id)!, cwd));
  }
  parentPort!.postMessage({ batch: request.batch, outcomes } satisfies PoolResult);
}
