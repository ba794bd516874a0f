#!/usr/bin/env node
// Benchmark, as whole processes:
//   - `zwgk validate` against the floor (parse + one schema, bench/floor.js);
//   - `zwgk render -f xlsx` against bench/floor-xlsx.js (js-yaml parse + flatten + bare exceljs
//     streaming writer), on the <scale>-clean set (no planted errors, so that render renders);
//   - `zwgk render -f html` against bench/floor-xlsx.js --parse-only (parse + flatten, no output);
//   - `zwgk diff <scale>-clean <scale>-revised` against loading both sets: bench/floor.js over both
//     directories (yaml parse + one schema), and, as a second ratio, the same with --parser js-yaml;
//   - `zwgk import <scale>-clean.xlsx` against bench/floor-read-xlsx.js (exceljs reads the workbook),
//     and `zwgk import <scale>-clean.html` against bench/floor-read-html.js (parse5 parses the page);
//     the workbook and the page are rendered once from the <scale>-clean set (see ensureRendered);
//   - `zwgk validate --cache` cold, warm and with one file changed, against ajv-cli (bench/cache-rows.js);
//   - `zwgk validate` on a set with an unknown key in every item against the same on the clean set
//     (bench/findings-rows.js);
//   - the workbench page (dist/zwgk-workbench.html) checking <scale>-clean.xlsx in headless Chromium, against
//     `zwgk validate` on the same workbook (bench/workbench-rows.js; skipped, with a note, without Chromium).
//
//   node bench/run.js [--scale district|city|province|many|huge|all]… [--runs N] [--floor-parser yaml|js-yaml] [--no-render] [--no-diff] [--no-import] [--no-peers] [--no-cache] [--no-findings] [--no-stats] [--no-workbench] [--json]
//
// Default scales: district and city, and province for the rows against ajv-cli. --scale may be
// repeated or comma-separated; `all` adds province everywhere. Runs default to 5 (district), 3 (city), 1 (province). --no-render leaves out the render
// rows, --no-diff the diff rows, --no-import the import rows, --no-peers the rows against ajv-cli (bench/peers.js), --no-workbench the workbench rows. Assumes `npm run build` has run
// (`npm run bench` does that).
// Progress goes to stderr; the table (or JSON) to stdout.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureScale, GENERATOR_VERSION } from './generate.js';
import { ensureRendered } from './rendered.js';
import { parseBenchArgs } from './args.js';
import { measureNode, median } from './measure.js';
import { machineLine, tableLines, withRatios } from './table.js';
import { peerRows } from './peers.js';
import { cacheRows, CACHE_PEER } from './cache-rows.js';
import { FINDINGS_FLOOR, findingsRows } from './findings-rows.js';
import { WORKBENCH_PEER, workbenchLines, workbenchRows } from './workbench-rows.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const FLOOR = join(HERE, 'floor.js');
const FLOOR_XLSX = join(HERE, 'floor-xlsx.js');
const FLOOR_READ_XLSX = join(HERE, 'floor-read-xlsx.js');
const FLOOR_READ_HTML = join(HERE, 'floor-read-html.js');

const DEFAULT_RUNS = { district: 5, city: 3, province: 1, many: 3, huge: 3 };
const STARTUP_RUNS = 10;

// ---------------------------------------------------------------------------------------------
// Arguments

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error(
    'usage: node bench/run.js [--scale district|city|province|many|huge|all]… [--runs N] [--floor-parser yaml|js-yaml] [--no-render] [--no-diff] [--no-import] [--no-peers] [--no-cache] [--no-findings] [--no-stats] [--no-workbench] [--json]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    defaults: {
      floorParser: 'yaml',
      render: true,
      diff: true,
      import: true,
      peers: true,
      cache: true,
      findings: true,
      stats: true,
      workbench: true,
    },
    scales: ['district', 'city'],
    switches: {
      '--no-render': ['render', false],
      '--no-diff': ['diff', false],
      '--no-import': ['import', false],
      '--no-peers': ['peers', false],
      '--no-cache': ['cache', false],
      '--no-findings': ['findings', false],
      '--no-stats': ['stats', false],
      '--no-workbench': ['workbench', false],
    },
    values: {
      '--floor-parser': (opts, value) => {
        if (!['yaml', 'js-yaml'].includes(value)) usage('--floor-parser is yaml or js-yaml');
        opts.floorParser = value;
      },
    },
    usage,
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring one process

// Holds the RSS reports and the rendered outputs (each run overwrites the last); removed at the end.
const rssDir = mkdtempSync(join(tmpdir(), 'zwgk-bench-'));

const measure = (args, okCodes) => measureNode(rssDir, args, okCodes);

/**
 * Time two (or more) commands N times each, interleaved, the order reversed on every other run, after
 * one untimed warm-up of each (page cache, disk). Returns the samples and medians, in the order given.
 */
async function compareAll(label, commands, runs, { warmup = true } = {}) {
  if (warmup) for (const c of commands) await measure(c.args, c.ok);
  const samples = commands.map(() => []);
  const indices = commands.map((_, i) => i);
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`\r${label}: run ${i + 1}/${runs} `);
    const order = i % 2 === 0 ? indices : [...indices].reverse();
    for (const k of order) samples[k].push(await measure(commands[k].args, commands[k].ok));
  }
  process.stderr.write('\n');
  return samples.map((list) => ({
    seconds: median(list.map((s) => s.seconds)),
    rssMB: median(list.map((s) => s.rssMB)),
    samples: list,
  }));
}

async function compare(label, a, b, runs, options) {
  const [ra, rb] = await compareAll(label, [a, b], runs, options);
  return { a: ra, b: rb };
}

// ---------------------------------------------------------------------------------------------
// Main

const opts = parseArgs(process.argv.slice(2));
const log = (s) => console.error(s);
const rel = (p) => relative(ROOT, p) || '.';
const zwgkArgs = (target) => [ZWGK, 'validate', rel(target), '--format', 'json'];
const floorArgs = (target) => [
  FLOOR,
  rel(target),
  ...(opts.floorParser === 'yaml' ? [] : ['--parser', opts.floorParser]),
];
// zwgk exits 1 when it reports errors, which the generated sets do on purpose.
const ZWGK_OK = [0, 1];
// Render runs on the clean sets (warnings only), so anything but 0 is a failure: it wrote nothing.
const renderArgs = (target, format) => [
  ZWGK,
  'render',
  rel(target),
  '-f',
  format,
  '-o',
  join(rssDir, `zwgk.${format}`),
];
const floorXlsxArgs = (target) => [FLOOR_XLSX, rel(target), '-o', join(rssDir, 'floor.xlsx')];
const floorParseArgs = (target) => [FLOOR_XLSX, rel(target), '--parse-only'];
// Diff compares the clean set with its revision; it reports changes, and --fail-on none keeps the exit code 0.
const statsArgs = (target) => [ZWGK, 'stats', rel(target), '--format', 'json'];
const diffArgs = (before, after) => [ZWGK, 'diff', rel(before), rel(after), '--format', 'json', '--fail-on', 'none'];
const floorBothArgs = (before, after, parser) => [
  FLOOR,
  rel(before),
  rel(after),
  ...(parser === 'yaml' ? [] : ['--parser', parser]),
];
// Import writes one catalog per table into a folder that must not hold them yet: a fresh one every run.
const importArgs = (input) => () => {
  const out = join(rssDir, 'import');
  rmSync(out, { recursive: true, force: true });
  return [ZWGK, 'import', rel(input), '-o', out, '-f', 'json'];
};

const rows = [];
// Lines printed under the table: rows skipped, and why.
const notes = [];
try {
  // Startup reference and one small file: zwgk on a single file against `node -e 0`.
  const small = ensureScale('small', { log });
  const smallFile = join(small.dir, small.paths[0]);
  const startupRuns = opts.runs ?? STARTUP_RUNS;
  const startup = await compare(
    'one small file',
    { args: zwgkArgs(smallFile), ok: ZWGK_OK },
    { args: ['-e', '0'], ok: [0] },
    startupRuns,
  );
  rows.push({
    kind: 'node',
    scale: 'node -e 0',
    files: 0,
    items: 0,
    runs: startupRuns,
    zwgk: undefined,
    floor: startup.b,
  });
  rows.push({
    kind: 'small',
    scale: 'one file',
    files: 1,
    items: small.items,
    runs: startupRuns,
    zwgk: startup.a,
    floor: startup.b,
  });

  for (const scale of opts.scales) {
    const set = ensureScale(scale, { log });
    const runs = opts.runs ?? DEFAULT_RUNS[scale];
    // A freshly generated or once-measured province set is in the page cache already; skip the warm-up.
    const result = await compare(
      scale,
      { args: zwgkArgs(set.dir), ok: ZWGK_OK },
      { args: floorArgs(set.dir), ok: [0] },
      runs,
      {
        warmup: scale !== 'province',
      },
    );
    rows.push({
      kind: 'scale',
      scale,
      files: set.files,
      items: set.items,
      bytes: set.bytes,
      runs,
      zwgk: result.a,
      floor: result.b,
    });

    if (opts.render) {
      // What an office runs: render validates first, then writes. Needs a set without errors.
      const clean = ensureScale(scale, { clean: true, log });
      const cleanRow = { files: clean.files, items: clean.items, bytes: clean.bytes, runs, set: rel(clean.dir) };
      const xlsx = await compare(
        `${scale} xlsx`,
        { args: renderArgs(clean.dir, 'xlsx'), ok: [0] },
        { args: floorXlsxArgs(clean.dir), ok: [0] },
        runs,
        {
          warmup: scale !== 'province',
        },
      );
      rows.push({ kind: 'render-xlsx', scale: `${scale} xlsx`, ...cleanRow, zwgk: xlsx.a, floor: xlsx.b });
      const html = await compare(
        `${scale} html`,
        { args: renderArgs(clean.dir, 'html'), ok: [0] },
        { args: floorParseArgs(clean.dir), ok: [0] },
        runs,
        {
          warmup: scale !== 'province',
        },
      );
      rows.push({ kind: 'render-html', scale: `${scale} html`, ...cleanRow, zwgk: html.a, floor: html.b });
    }

    if (opts.stats) {
      // Counting what the catalogs hold reads them as validate does: its peer is validate on the same set.
      const clean = ensureScale(scale, { clean: true, log });
      const result = await compare(
        `${scale} stats`,
        { args: statsArgs(clean.dir), ok: [0] },
        { args: zwgkArgs(clean.dir), ok: ZWGK_OK },
        runs,
        { warmup: scale !== 'province' },
      );
      rows.push({
        kind: 'stats',
        scale: `${scale} stats`,
        files: clean.files,
        items: clean.items,
        bytes: clean.bytes,
        runs,
        set: rel(clean.dir),
        zwgk: result.a,
        floor: result.b,
      });
    }

    if (opts.diff) {
      // A yearly revision: the clean set against the same set with items removed, renamed, moved,
      // changed and added. The floor is loading both: every file of both sets parsed and checked.
      const clean = ensureScale(scale, { clean: true, log });
      const revised = ensureScale(scale, { revised: true, log });
      const [zwgk, floorYaml, floorJs] = await compareAll(
        `${scale} diff`,
        [
          { args: diffArgs(clean.dir, revised.dir), ok: [0] },
          { args: floorBothArgs(clean.dir, revised.dir, 'yaml'), ok: [0] },
          { args: floorBothArgs(clean.dir, revised.dir, 'js-yaml'), ok: [0] },
        ],
        runs,
        { warmup: scale !== 'province' },
      );
      const diffRow = {
        files: clean.files + revised.files,
        items: clean.items + revised.items,
        bytes: clean.bytes + revised.bytes,
        filesText: `${clean.files}+${revised.files}`,
        itemsText: `${clean.items}+${revised.items}`,
        runs,
        sets: [rel(clean.dir), rel(revised.dir)],
        revisions: revised.revisions,
      };
      rows.push({ kind: 'diff', scale: `${scale} diff`, ...diffRow, zwgk, floor: floorYaml });
      rows.push({ kind: 'diff-js-yaml', scale: `${scale} diff (js-yaml)`, ...diffRow, zwgk, floor: floorJs });
    }

    // A province's workbook (3 million cells) and page (180 MB) are past the import limits: no import rows.
    if (opts.import && scale !== 'province') {
      // Reading a catalog workbook back: the <scale>-clean set as zwgk renders it, imported into a fresh
      // folder (one catalog per table, each validated); the floor is the reader alone.
      for (const [format, floorScript, kind, label] of [
        ['xlsx', FLOOR_READ_XLSX, 'import-xlsx', `${scale} import`],
        ['html', FLOOR_READ_HTML, 'import-html', `${scale} import html`],
      ]) {
        const input = ensureRendered(scale, format, { log });
        const result = await compare(
          label,
          { args: importArgs(input.file), ok: [0] },
          { args: [floorScript, rel(input.file)], ok: [0] },
          runs,
          {
            warmup: scale !== 'province',
          },
        );
        rows.push({
          kind,
          scale: label,
          files: input.clean.files,
          items: input.clean.items,
          bytes: input.bytes,
          runs,
          input: rel(input.file),
          zwgk: result.a,
          floor: result.b,
        });
      }
    }
  }

  // --cache: cold, warm and one file changed, each beside ajv-cli on the same files.
  if (opts.cache) {
    const scales = opts.scalesGiven ? opts.scales : ['city', 'many'];
    rows.push(...(await cacheRows({ rssDir, scales, runs: opts.runs ?? 3, log })));
  }
  // Many findings: the same files with an unknown key in every item, beside the clean set.
  if (opts.findings) {
    const scales = opts.scalesGiven ? opts.scales.filter((s) => s !== 'province') : ['huge', 'many'];
    rows.push(...(await findingsRows({ rssDir, scales, runs: opts.runs ?? 3, log })));
  }
  // The workbench page checking a workbook in headless Chromium, beside zwgk validate on the same workbook.
  if (opts.workbench) {
    const scales = opts.scalesGiven ? opts.scales.filter((s) => s !== 'province') : ['city'];
    rows.push(...(await workbenchRows({ rssDir, scales, runs: opts.runs ?? 3, log, notes })));
  }
} finally {
  rmSync(rssDir, { recursive: true, force: true });
}

// Beside its peer: zwgk validate against ajv-cli on the same files and schema (bench/peers.js); by
// default at city and province scale too, as issue #7's table has them.
const peerScales = opts.scalesGiven ? opts.scales : [...new Set([...opts.scales, 'city', 'province', 'many', 'huge'])];
if (opts.peers)
  rows.push(...(await peerRows({ scales: peerScales, runs: opts.runs, startup: false, log: (m) => console.error(m) })));

const results = {
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  generatorVersion: GENERATOR_VERSION,
  floorParser: opts.floorParser,
  floors: {
    scale: `bench/floor.js${opts.floorParser === 'yaml' ? '' : ` --parser ${opts.floorParser}`} (parse + one schema)`,
    'render-xlsx': 'bench/floor-xlsx.js -o <tmp>.xlsx (js-yaml parse + flatten + bare exceljs streaming writer)',
    'render-html': 'bench/floor-xlsx.js --parse-only (js-yaml parse + flatten, writes nothing)',
    diff: 'bench/floor.js <old> <new> (yaml parse + one schema, both sets)',
    'diff-js-yaml': 'bench/floor.js <old> <new> --parser js-yaml (js-yaml parse + one schema, both sets)',
    'import-xlsx': 'bench/floor-read-xlsx.js <workbook> (exceljs Workbook.xlsx.readFile, every cell value taken once)',
    'import-html': 'bench/floor-read-html.js <page> (parse5 parse, table cells counted)',
    'peer-ajv-cli': 'ajv-cli 5: ajv validate --spec=draft2020 -s schemas/catalog.schema.json -d "<set>/**/*.yaml"',
    stats: 'zwgk validate <scale>-clean --format json: the same files checked',
    cache: CACHE_PEER,
    findings: FINDINGS_FLOOR,
    workbench: WORKBENCH_PEER,
  },
  notes,
  rows: withRatios(rows),
};

if (opts.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(machineLine(results, GENERATOR_VERSION));
  const parse = opts.floorParser === 'yaml' ? 'yaml parseDocument' : 'js-yaml load';
  console.log(
    `floor = bench/floor.js (${parse} + one compiled ajv schema); in the "one file" row the floor is \`node -e 0\``,
  );
  if (opts.render) {
    console.log(
      '"<scale> xlsx" = zwgk render -f xlsx (validates, then writes) vs bench/floor-xlsx.js (js-yaml + flatten + bare exceljs stream), on <scale>-clean',
    );
    console.log(
      '"<scale> html" = zwgk render -f html (validates, then writes) vs bench/floor-xlsx.js --parse-only (js-yaml + flatten, no output), on <scale>-clean',
    );
  }
  if (opts.diff) {
    console.log(
      '"<scale> diff" = zwgk diff <scale>-clean <scale>-revised --format json vs bench/floor.js over both sets (yaml parseDocument + one schema); budget 1.5x',
    );
    console.log('"<scale> diff (js-yaml)" = the same zwgk runs vs bench/floor.js --parser js-yaml over both sets');
  }
  if (opts.peers) {
    console.log(
      '"<scale> ajv-cli" = zwgk validate <scale> -f json (positions + all rules) vs ajv-cli 5 validate --spec=draft2020 (no positions, no rules) on the same files; budget 1.0x',
    );
  }
  if (opts.import) {
    console.log(
      '"<scale> import" = zwgk import <scale>-clean.xlsx -o <fresh dir> -f json vs bench/floor-read-xlsx.js (exceljs reads the workbook); budget 2x',
    );
    console.log(
      '"<scale> import html" = zwgk import <scale>-clean.html vs bench/floor-read-html.js (parse5 parses the page), for information',
    );
  }
  if (opts.stats) {
    console.log(
      '"<scale> stats" = zwgk stats <scale>-clean --format json vs zwgk validate on the same set; budget 1.2x',
    );
  }
  if (opts.cache) {
    console.log(
      '"<scale> cache cold|warm|one changed" = zwgk validate --cache (cache removed before each run | unchanged | one file changed) vs ajv-cli on the same files; goal 0.25x warm',
    );
  }
  if (opts.findings) {
    console.log(
      '"<scale> Nk findings <format>" = zwgk validate on <scale>-findings (unknown keys in every item) vs the same on <scale>-clean; budget 3x',
    );
  }
  if (opts.workbench) {
    console.log(
      '"<scale> workbench" = dist/zwgk-workbench.html checking <scale>-clean.xlsx in headless Chromium (file given → findings shown; renderer peak RSS) vs zwgk validate <scale>-clean.xlsx',
    );
  }
  console.log('');
  for (const line of tableLines(results.rows, 'floor')) console.log(line);
  for (const line of [...workbenchLines(results.rows), ...notes]) console.log(line);
}
