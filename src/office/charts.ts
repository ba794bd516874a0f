import { htmlText } from '../report/html.js';
import { fit } from '../report/text-width.js';

/** One bar: its label and the value of each series, drawn end to end. */
export interface Bar {
  label: string;
  values: readonly number[];
}

/** A horizontal bar chart: an id for its title and description, the series' names (a legend when several). */
export interface BarChart {
  id: string;
  title: string;
  desc: string;
  series: readonly string[];
  bars: readonly Bar[];
  /** The numbers written at the end of a bar. */
  valueText: (bar: Bar) => string;
}

const WIDTH = 640;
const LABEL = 190;
const ROW = 28;
const BAR = 18;
const LEGEND = 30;
const FONT = 13;
/** Room for the numbers after the longest bar: a number, or each series' number. */
const valueRoom = (series: number) => (series > 1 ? 180 : 56);
/** A label longer than this (in terminal columns: a Chinese character takes two) is cut, so that it fits its room in a phone's larger letters; the table has it whole. */
const LABEL_COLUMNS = 16;

/**
 * What each series is filled with, told apart in black and white: dark grey, then white hatched black,
 * then light grey dotted (patterns named after the chart, so that ids stay unique on a page). Every bar
 * is outlined.
 */
const fills = (id: string) => ['#4a4a4a', `url(#${id}-hatch)`, `url(#${id}-dots)`];

const patterns = (id: string) =>
  '<defs>' +
  `<pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
  '<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2"/></pattern>' +
  `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse">` +
  '<rect width="5" height="5" fill="#d9d9d9"/><circle cx="2.5" cy="2.5" r="1" fill="#000"/></pattern>' +
  '</defs>';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A horizontal bar chart as inline SVG: a row per bar with its label, the bar (its series end to end), and
 * its numbers written after it, so that it reads without colour and without the table. It scales down
 * to the width of a phone. Named by its title and description (`role="img"`); every text is escaped.
 */
export function barChart(chart: BarChart): string {
  const legend = chart.series.length > 1 ? LEGEND : 0;
  const height = legend + Math.max(1, chart.bars.length) * ROW + 8;
  const room = WIDTH - LABEL - valueRoom(chart.series.length) - 8;
  const max = Math.max(1, ...chart.bars.map((b) => b.values.reduce((s, v) => s + v, 0)));
  const out = [
    `<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-size="${FONT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${chart.id}-title">${htmlText(chart.title)}</title>`,
    `<desc id="${chart.id}-desc">${htmlText(chart.desc)}</desc>`,
    patterns(chart.id),
  ];
  const fill = fills(chart.id);
  if (legend > 0) {
    let x = LABEL;
    chart.series.forEach((name, i) => {
      out.push(
        `<rect x="${x}" y="6" width="14" height="14" fill="${fill[i % fill.length]}" stroke="#000"/>`,
        `<text x="${x + 20}" y="13" dominant-baseline="central">${htmlText(name)}</text>`,
      );
      x += 20 + name.length * 20 + 24; // room for the larger letters of a phone
    });
  }
  chart.bars.forEach((bar, r) => {
    const y = legend + r * ROW + (ROW - BAR) / 2;
    const middle = y + BAR / 2;
    out.push(
      `<g><title>${htmlText(`${bar.label} ${chart.valueText(bar)}`)}</title>`,
      `<text x="${LABEL - 8}" y="${middle}" text-anchor="end" dominant-baseline="central">${htmlText(fit(bar.label || '—', LABEL_COLUMNS))}</text>`,
    );
    let x = LABEL;
    bar.values.forEach((v, i) => {
      const w = round((v / max) * room);
      if (w > 0)
        out.push(
          `<rect x="${round(x)}" y="${y}" width="${w}" height="${BAR}" fill="${fill[i % fill.length]}" stroke="#000" stroke-width="0.8"/>`,
        );
      x += w;
    });
    out.push(
      `<text x="${round(x + 6)}" y="${middle}" dominant-baseline="central" font-weight="bold">${htmlText(chart.valueText(bar))}</text>`,
      '</g>',
    );
  });
  out.push(`<line x1="${LABEL}" y1="${legend}" x2="${LABEL}" y2="${height - 4}" stroke="#000"/>`, '</svg>');
  return out.join('\n');
}
