import type { StatsFormatter } from './types.js';

/** The numbers as data, as `schemas/stats-report.schema.json` describes them. */
export const jsonStats: StatsFormatter = (report) => JSON.stringify(report, null, 2) + '\n';
