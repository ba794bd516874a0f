import { loadShippedTemplateSet } from '../../office/template-set.js';
import { buildReportView } from './report-view.js';
import type { DiffFormatter } from './types.js';

/** The change report's template set: `templates/diff/`. */
const DIFF_TEMPLATES = { templates: ['report.hbs'], partials: [], assets: ['style.css'] } as const;

/**
 * A change report an office can file: one self-contained page (styles inline, nothing fetched) with the
 * summary, the counts per catalog and a table of every change, printable on A4 landscape.
 */
export const htmlDiff: DiffFormatter = async (report, ctx) => {
  const { templates, assets } = await loadShippedTemplateSet('diff', DIFF_TEMPLATES);
  return templates['report.hbs']({ ...buildReportView(report, ctx), assets: { style: assets['style.css'] } });
};
