// In the portable build, in place of ../validate/worker-file.ts: workers start from the portable file itself.
export const WORKER_FILE = new URL(import.meta.url);
