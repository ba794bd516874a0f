import type { DiffFormatter } from './types.js';

/** For machines: `{ version, totals, pairs: [{ domain, unit, before, after, counts, changes: [{ id, kind, class, … }] }] }`. */
export const jsonDiff: DiffFormatter = (report) => JSON.stringify({ version: 1, ...report }, null, 2) + '\n';
