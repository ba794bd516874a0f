// Checking runs in a Web Worker so that the page never freezes. The worker is this same script: the page
// makes it from the text of its own inline <script> (a Blob URL, which works from file:// too), and the
// script, started in a worker, answers requests instead of drawing the page.
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { checkFileBytes, defaultOptions, type CheckedFile, type CheckPhase } from './check-file.js';
import { compareFiles, type ComparedFiles, type GivenFile } from './compare-files.js';
import { findingsWorkbook, type ReportedFile } from './findings-workbook.js';
import { officialWorkbook } from './official-workbook.js';

/**
 * A file to check, a checked file whose findings to write as a workbook, two versions to compare, or a
 * catalog (YAML) to lay out as the official workbook; each in a language (of the findings, the workbook,
 * the change report).
 */
export type CheckRequest =
  | { id: number; kind: 'check'; lang: Lang; name: string; bytes: ArrayBuffer }
  | { id: number; kind: 'report'; lang: Lang; file: ReportedFile }
  | { id: number; kind: 'compare'; lang: Lang; before: GivenFile[]; after: GivenFile[] }
  | { id: number; kind: 'official'; lang: Lang; name: string; text: string };

/** What the worker says back: the outcome, the workbook, the comparison, or that the work failed unexpectedly. */
export type CheckReply =
  | { id: number; result: CheckedFile }
  | { id: number; workbook: Uint8Array }
  | { id: number; compared: ComparedFiles }
  | { id: number; errors: Diagnostic[] }
  | { id: number; phase: CheckPhase }
  | { id: number; failure: string };

/** What a worker's global scope offers here. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(reply: CheckReply): void;
}

/** Do what is asked, turning an unexpected failure into its one-line reason; a check says each step it starts. */
export async function checkRequest(
  request: CheckRequest,
  onPhase: (phase: CheckPhase) => void = () => {},
): Promise<CheckReply> {
  const { id, lang } = request;
  try {
    if (request.kind === 'report') return { id, workbook: await findingsWorkbook(request.file, lang) };
    if (request.kind === 'compare') return { id, compared: await compareFiles(request.before, request.after, lang) };
    if (request.kind === 'official') return { id, ...(await officialWorkbook(request.name, request.text, lang)) };
    return {
      id,
      result: await checkFileBytes(request.name, new Uint8Array(request.bytes), defaultOptions(lang), onPhase),
    };
  } catch (error) {
    return { id: request.id, failure: error instanceof Error ? error.message : String(error) };
  }
}

/** Answer the page's requests, one at a time, in the order they come. */
export function serveChecks(scope: WorkerScope): void {
  let queue = Promise.resolve();
  scope.onmessage = (event) => {
    const request = event.data;
    queue = queue
      .then(async () =>
        scope.postMessage(await checkRequest(request, (phase) => scope.postMessage({ id: request.id, phase }))),
      )
      // A reply that cannot be sent is said as a failure, and the requests after it are still answered.
      .catch((error: unknown) =>
        scope.postMessage({ id: request.id, failure: error instanceof Error ? error.message : String(error) }),
      );
  };
}

/** Checks files in a worker when one can be started, else in the page itself. */
export class Checker {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<
    number,
    { request: CheckRequest; resolve: (reply: CheckReply) => void; onPhase?: (phase: CheckPhase) => void }
  >();

  /** Start a worker running `script` (the page's own code); none when the browser refuses one. */
  constructor(script: string | undefined) {
    if (script === undefined || typeof Worker === 'undefined') return;
    try {
      const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
      this.worker = new Worker(url);
      this.worker.onmessage = (event: MessageEvent<CheckReply>) => this.settle(event.data);
      this.worker.onerror = () => this.stopWorker();
      // A reply that cannot be taken: the page does the work itself from then on.
      this.worker.onmessageerror = () => this.stopWorker();
    } catch {
      this.worker = undefined;
    }
  }

  /** Whether checks run in a worker. */
  get inWorker(): boolean {
    return this.worker !== undefined;
  }

  /** Check one file's bytes, with findings in `lang`; `onPhase` hears each step of the check as it starts. */
  check(name: string, bytes: ArrayBuffer, lang: Lang, onPhase?: (phase: CheckPhase) => void): Promise<CheckReply> {
    return this.ask({ id: this.next++, kind: 'check', lang, name, bytes }, onPhase);
  }

  /** The findings of a checked file as a workbook in `lang`. */
  report(file: ReportedFile, lang: Lang): Promise<CheckReply> {
    return this.ask({ id: this.next++, kind: 'report', lang, file });
  }

  /** A catalog (YAML text) as the official workbook `zwgk render` writes. */
  official(name: string, text: string, lang: Lang): Promise<CheckReply> {
    return this.ask({ id: this.next++, kind: 'official', lang, name, text });
  }

  /** Compare the files of two versions, with the report (or the errors) in `lang`. */
  compare(before: GivenFile[], after: GivenFile[], lang: Lang): Promise<CheckReply> {
    return this.ask({ id: this.next++, kind: 'compare', lang, before, after });
  }

  private ask(request: CheckRequest, onPhase?: (phase: CheckPhase) => void): Promise<CheckReply> {
    if (!this.worker) return checkRequest(request, onPhase);
    return new Promise((resolve) => {
      this.waiting.set(request.id, { request, resolve, ...(onPhase ? { onPhase } : {}) });
      // Copied, not transferred: should the worker fail, the page checks the same bytes itself.
      this.worker!.postMessage(request);
    });
  }

  private settle(reply: CheckReply): void {
    if ('phase' in reply) {
      this.waiting.get(reply.id)?.onPhase?.(reply.phase);
      return;
    }
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    waiting?.resolve(reply);
  }

  /** A worker that fails (to start, say): the page checks what it was given, and everything from now on. */
  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const { request, resolve, onPhase } of waiting) void checkRequest(request, onPhase).then(resolve);
  }
}
