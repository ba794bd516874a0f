/** The page of a report: white, dark text, the Chinese fonts an office computer has (local fonts only). */
export const PAGE_CSS = `*, *::before, *::after { box-sizing: border-box; }
body {
  margin: 0;
  background: #fff;
  color: #222;
  font-family: "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", sans-serif;
  font-size: 14px;
  line-height: 1.6;
  overflow-wrap: anywhere;
}
`;

/** The findings page's styles, screen and print (A4 landscape, the table's heading on every page); local fonts only. */
export const FINDINGS_CSS = `${PAGE_CSS}.report { max-width: 1400px; margin: 0 auto; padding: 24px 16px 40px; }
h1 { margin: 0 0 8px; text-align: center; font-size: 24px; }
h2 { font-size: 17px; margin: 24px 0 6px; }
.summary { font-size: 16px; font-weight: bold; margin: 12px 0 16px; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8px; }
th, td { border: 1px solid #888; padding: 4px 6px; vertical-align: top; text-align: left; white-space: pre-wrap; }
thead th { background: #eef1f5; text-align: center; vertical-align: middle; }
.rules { width: auto; min-width: 360px; }
.rules td { text-align: right; font-variant-numeric: tabular-nums; }
.rules tfoot th, .rules tfoot td { font-weight: bold; background: #f7f7f7; }
.findings tbody + tbody { border-top: 3px solid #555; }
.num, .sev { text-align: center; white-space: nowrap; }
.findings { table-layout: fixed; }
.sev-error .sev { background: #fdecec; color: #b5121b; font-weight: bold; }
.sev-warning .sev { background: #fff3d6; }
.none { font-size: 15px; }
@media print {
  @page { size: A4 landscape; margin: 12mm 10mm; }
  body { font-size: 9pt; }
  .report { max-width: none; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .sev-error .sev, .sev-warning .sev { background: none; }
}
`;
