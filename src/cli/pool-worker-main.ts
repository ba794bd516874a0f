// The file a worker of the validation pool starts from (built as dist/pool-worker.js), with the kinds of
// document zwgk ships besides catalogs.
import { startPoolWorker } from '../validate/pool-worker.js';
import { DOCUMENT_MAKERS } from './documents.js';

startPoolWorker(DOCUMENT_MAKERS);
