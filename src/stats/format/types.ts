import type { Lang } from '../../i18n.js';
import type { StatsReport } from '../types.js';

/** Turn the numbers of a set of catalogs into text. */
export type StatsFormatter = (report: StatsReport, ctx: { lang: Lang }) => string;
