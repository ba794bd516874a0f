import { CHART_CSS } from '../../office/count-charts.js';
import { PAGE_CSS } from '../../report/html-style.js';

/**
 * The statistics page's styles, screen and print (A4 landscape, black and white: the charts' bars are
 * told apart by grey and hatching, and carry their numbers); local fonts only. On a phone the charts
 * scale down and a wide table scrolls inside its frame, never the page.
 */
export const STATS_CSS = `${PAGE_CSS}${CHART_CSS}.report { max-width: 1100px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { margin: 0 0 8px; text-align: center; font-size: 24px; }
h2 { font-size: 17px; margin: 28px 0 6px; }
.total { font-size: 18px; font-weight: bold; text-align: center; margin: 12px 0 20px; }
.table-wrap { max-width: 100%; overflow-x: auto; }
.tallies { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
.note { font-size: 13px; color: #444; }
.change { font-weight: bold; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  body { font-size: 9pt; }
  .report { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
}
`;
