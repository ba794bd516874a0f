#!/usr/bin/env node
// Peer comparison, as whole processes: `zwgk validate` against ajv-cli 5 validating the same files
// against the same schema, and `zwgk validate` on one small file against `node -e 0`.
//
//   node bench/peers.js [--scale district|city|province|many|huge|all]… [--runs N] [--json]
//
// Default scales: city, province, many (1,040 small files) and huge (one file of 20,000 items). --scale may be repeated or comma-separated. Runs default to 5
// (district), 3 (city and province), 10 (the startup rows). Assumes `npm run build` has run.
// Progress goes to stderr; the table (or JSON) to stdout.
//
// The peer: `ajv validate --spec=draft2020 -s schemas/catalog.schema.json -d "<set>/**/*.yaml"`
// (ajv-cli 5, a dev dependency). It reports no positions and runs no domain rules. It reads YAML with
// js-yaml 3 and its default schema, under which an unquoted `date: 2024-01-01` is a Date, so many
// files of the generated sets fail `type: string` there; that is the peer's own behaviour and is kept
// (it prints one error list per failing file, and exits 1).
//
// For bench/run.js: `peerRows({ scales, runs })` returns the rows in run.js's shape (without the
// ratios, which run.js adds), and PEER_FLOORS describes the floor of each row kind.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureScale, GENERATOR_VERSION } from './generate.js';
import { parseBenchArgs } from './args.js';
import { alternate } from './measure.js';
import { machineLine, tableLines, withRatios } from './table.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SCHEMA = 'schemas/catalog.schema.json';

const DEFAULT_RUNS = { district: 5, city: 3, province: 3, many: 3, huge: 3 };
const STARTUP_RUNS = 10;
/** A catalog shipped with zwgk: the file issue #7's start-up bar names. */
const SHIPPED_FILE = join(ROOT, 'catalogs', 'yiwu-jiaoyu.yaml');

/** What each row kind is compared with, for run.js's `floors`. */
export const PEER_FLOORS = {
  'peer-ajv-cli': `ajv-cli 5: ajv validate --spec=draft2020 -s ${SCHEMA} -d "<set>/**/*.yaml" (js-yaml 3 default schema, no positions, no rules)`,
  'peer-startup': 'node -e 0',
};

const rel = (p) => relative(ROOT, p) || '.';

// ---------------------------------------------------------------------------------------------
// Measuring one process (as bench/run.js does)

/** Time two commands N times each, interleaved (see `alternate`): `{ a, b }`. */
async function compare(rssDir, label, a, b, runs, log) {
  const [ra, rb] = await alternate(rssDir, label, [a, b], runs, { log });
  return { a: ra, b: rb };
}

// ---------------------------------------------------------------------------------------------
// Rows

const zwgkArgs = (target) => [ZWGK, 'validate', rel(target), '--format', 'json'];
const ajvArgs = (dir) => [AJV, 'validate', '--spec=draft2020', '-s', SCHEMA, '-d', `${rel(dir)}/**/*.yaml`];
// zwgk exits 1 when it reports errors, which the generated sets do on purpose; so does ajv-cli.
const ANY_FINDINGS = [0, 1];

/**
 * The peer rows, in bench/run.js's row shape: for each scale, `zwgk validate <set> -f json` against
 * ajv-cli on the same files (kind `peer-ajv-cli`); then, unless `startup` is false, zwgk on one small
 * generated file and on catalogs/yiwu-jiaoyu.yaml against `node -e 0` (kind `peer-startup`).
 * `runs` overrides the default number of runs of every row.
 */
export async function peerRows({
  scales = ['city', 'province', 'many', 'huge'],
  runs,
  startup = true,
  log = () => {},
} = {}) {
  const rssDir = mkdtempSync(join(tmpdir(), 'zwgk-peers-'));
  const rows = [];
  try {
    if (startup) {
      const n = runs ?? STARTUP_RUNS;
      const small = ensureScale('small', { log });
      for (const [label, file, items] of [
        ['one file', join(small.dir, small.paths[0]), small.items],
        ['one file (catalogs)', SHIPPED_FILE, undefined],
      ]) {
        const r = await compare(
          rssDir,
          label,
          { args: zwgkArgs(file), ok: ANY_FINDINGS },
          { args: ['-e', '0'], ok: [0] },
          n,
          log,
        );
        rows.push({
          kind: 'peer-startup',
          scale: label,
          files: 1,
          items: items ?? NaN,
          runs: n,
          set: rel(file),
          peer: 'node -e 0',
          zwgk: r.a,
          floor: r.b,
        });
      }
    }
    for (const scale of scales) {
      const set = ensureScale(scale, { log });
      const n = runs ?? DEFAULT_RUNS[scale];
      const r = await compare(
        rssDir,
        `${scale} ajv-cli`,
        { args: zwgkArgs(set.dir), ok: ANY_FINDINGS },
        { args: ajvArgs(set.dir), ok: ANY_FINDINGS },
        n,
        log,
      );
      rows.push({
        kind: 'peer-ajv-cli',
        scale: `${scale} ajv-cli`,
        files: set.files,
        items: set.items,
        bytes: set.bytes,
        runs: n,
        set: rel(set.dir),
        peer: 'ajv-cli',
        zwgk: r.a,
        floor: r.b,
      });
    }
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Command line

function usage(message) {
  if (message) console.error(`peers: ${message}`);
  console.error(
    'usage: node bench/peers.js [--scale district|city|province|many|huge|all]… [--runs N] [--no-startup] [--json]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  return parseBenchArgs(argv, {
    defaults: { startup: true },
    scales: ['city', 'province', 'many', 'huge'],
    switches: { '--no-startup': ['startup', false] },
    usage,
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rows = await peerRows({
    scales: opts.scales,
    runs: opts.runs,
    startup: opts.startup,
    log: (s) => console.error(s),
  });
  const results = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    generatorVersion: GENERATOR_VERSION,
    floors: PEER_FLOORS,
    rows: withRatios(rows),
  };
  if (opts.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(machineLine(results, GENERATOR_VERSION));
  console.log(
    '"<scale> ajv-cli" = zwgk validate <set> --format json vs ajv-cli 5 (ajv validate --spec=draft2020 -s schemas/catalog.schema.json -d "<set>/**/*.yaml"); bar 1.0x, goal 0.7x',
  );
  console.log(
    '"one file" = zwgk validate on one small file (generated; catalogs/yiwu-jiaoyu.yaml) vs node -e 0; bar 2.0x',
  );
  console.log('');
  for (const line of tableLines(results.rows, 'peer')) console.log(line);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
