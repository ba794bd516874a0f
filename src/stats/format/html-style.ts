import { PAGE_CSS } from '../../report/html-style.js';

/**
 * The statistics page's styles, screen and print (A4 landscape, black and white: the charts' bars are
 * told apart by grey and hatching, and carry their numbers); local fonts only. On a phone the charts
 * scale down and a wide table scrolls inside its frame, never the page.
 */
export const STATS_CSS = `${PAGE_CSS}.report { max-width: 1100px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { margin: 0 0 8px; text-align: center; font-size: 24px; }
h2 { font-size: 17px; margin: 28px 0 6px; }
.total { font-size: 18px; font-weight: bold; text-align: center; margin: 12px 0 20px; }
figure { margin: 0 0 8px; }
svg.chart { display: block; width: 100%; max-width: 640px; height: auto; font-family: inherit; }
svg.chart text { fill: #000; }
/* A phone shows a chart at about half its size: larger letters keep its names and numbers readable. */
@media (max-width: 600px) { svg.chart { font-size: 17px; } }
figcaption { font-size: 13px; color: #444; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 0 0 8px; }
caption { text-align: left; font-weight: bold; padding: 2px 0; }
th, td { border: 1px solid #888; padding: 3px 8px; vertical-align: top; }
thead th { background: #eef1f5; text-align: center; vertical-align: middle; white-space: nowrap; }
tbody th, tfoot th { text-align: left; font-weight: normal; min-width: 8em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: bold; background: #f7f7f7; }
.tallies { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
.note { font-size: 13px; color: #444; }
.change { font-weight: bold; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  body { font-size: 9pt; }
  .report { max-width: none; padding: 0; }
  .chart-block, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  thead th, tfoot th, tfoot td { background: none; }
  .table-wrap { overflow: visible; }
}
`;
