// The result table shared by bench/run.js and bench/peers.js: ratios per row, and the rows as aligned text.

const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);
const fmt = (value, digits) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));
const times = (r) => (r === undefined || Number.isNaN(r) ? '-' : `${r.toFixed(2)}x`);
/** Width in a terminal: CJK characters take two columns. */
const width = (s) => [...s].reduce((w, ch) => w + (ch.codePointAt(0) > 0x2e80 ? 2 : 1), 0);

/** Each row with zwgk's time and memory as ratios of its floor's (or peer's). */
export function withRatios(rows) {
  return rows.map((r) => ({
    ...r,
    timeRatio: ratio(r.zwgk?.seconds, r.floor.seconds),
    memoryRatio: ratio(r.zwgk?.rssMB, r.floor.rssMB),
  }));
}

/** The line naming the machine, above every table. */
export function machineLine(results, generatorVersion) {
  return `node ${results.node}, ${results.cpus} × ${results.cpuModel ?? 'cpu'}; median wall time and peak RSS per process; generator v${generatorVersion}`;
}

/** The rows (with ratios) as text lines under a header naming the floor column `floor` (e.g. "floor" or "peer"). */
export function tableLines(rows, floor) {
  const header = [
    'scale',
    'files',
    'items',
    'zwgk s',
    `${floor} s`,
    'ratio',
    'zwgk MB',
    `${floor} MB`,
    'ratio',
    'runs',
  ];
  const cells = rows.map((r) => [
    r.scale,
    r.kind === 'node' ? '-' : (r.filesText ?? String(r.files)),
    r.kind === 'node' || Number.isNaN(r.items) ? '-' : (r.itemsText ?? String(r.items)),
    fmt(r.zwgk?.seconds, 3),
    fmt(r.floor.seconds, 3),
    times(r.timeRatio),
    fmt(r.zwgk?.rssMB, 1),
    fmt(r.floor.rssMB, 1),
    times(r.memoryRatio),
    String(r.runs),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((row) => width(row[i]))));
  const line = (row) =>
    row
      .map((c, i) => (i === 0 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c))
      .join('  ');
  return [line(header), ...cells.map(line)];
}
