import type { Lang } from '../../i18n.js';
import type { StatsReport } from '../types.js';

/** Turn the numbers of a set of catalogs into text. */
export type StatsFormatter = (report: StatsReport, ctx: { lang: Lang }) => string;

/** Turn the numbers of a set of catalogs into a file to keep (a workbook): bytes, written only with `-o`. */
export type StatsFileFormatter = (report: StatsReport, ctx: { lang: Lang }) => Promise<Uint8Array>;
