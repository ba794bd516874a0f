// The file a worker of the validation pool starts from: pool-worker.js, which the build puts beside
// the chunk holding this module (see rolldown.config.mjs). Run from the TypeScript sources there is no
// such file, and the pool checks every file itself. The portable build (src/portable/worker-file.ts)
// starts its workers from the portable file itself.
export const WORKER_FILE = new URL('./pool-worker.js', import.meta.url);
