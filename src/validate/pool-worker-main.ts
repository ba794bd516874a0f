// The file a worker of the validation pool starts from (built as dist/pool-worker.js).
import { startPoolWorker } from './pool-worker.js';

startPoolWorker();
