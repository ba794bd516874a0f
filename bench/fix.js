#!/usr/bin/env node
// zwgk fix on one large catalog file (about 1.9 MB), against zwgk validate on the same file.
//
//   node bench/fix.js [--runs N]
//
// The file is made from the district set (bench/generate.js): its 26 catalogs' items joined under one
// header, over and over up to 1.9 MB, with fixable problems planted deterministically: every third code
// unquoted, every other 二级事项 time limit written as 同上, every third one-line content with a
// trailing space, every fourth 政府网站 written 一微一端. Each run fixes a fresh copy
// (`zwgk fix <copy>`, written in place); the floor is `zwgk validate <copy>` on the unfixed file.
// Assumes `npm run build` has run.

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureScale } from './generate.js';
import { measureNode, median } from './measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ZWGK = join(dirname(HERE), 'bin/zwgk.js');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/fix.js [--runs N]');
  process.exit(2);
}

/** One catalog of about 1.9 MB with fixable problems, from the district set. */
function bigCatalog() {
  const set = ensureScale('district', { log: (m) => console.error(m) });
  const files = readdirSync(set.dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const texts = files.map((f) => readFileSync(join(set.dir, f), 'utf8'));
  const head = texts[0].split('\nitems:\n')[0] + '\nitems:\n';
  let body = '';
  for (let i = 0; Buffer.byteLength(head + body) < 1.9e6; i++) body += texts[i % texts.length].split('\nitems:\n')[1];
  let n = 0;
  const count = () => n++;
  let text = (head + body).replace(/code: "(\d+)"/g, (m, code) => (count() % 3 === 0 ? `code: ${code}` : m));
  n = 0;
  text = text.replace(/^( {8}time_limit: ).*$/gm, (m, key) => (count() % 2 === 0 ? `${key}同上` : m));
  n = 0;
  text = text.replace(/^( {8}content: )([^\n[|>"]+)$/gm, (m, key, value) =>
    count() % 3 === 0 ? `${key}"${value} "` : m,
  );
  n = 0;
  return text.replace(/政府网站/g, (m) => (count() % 4 === 0 ? '一微一端' : m));
}

const dir = mkdtempSync(join(tmpdir(), 'zwgk-bench-fix-'));
try {
  const original = join(dir, 'big.yaml');
  writeFileSync(original, bigCatalog());
  const bytes = readFileSync(original).length;
  let copy = 0;
  const fresh = () => {
    const file = join(dir, `copy-${++copy}.yaml`);
    copyFileSync(original, file);
    return file;
  };
  const fix = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    fix.push((await measureNode(dir, () => [ZWGK, 'fix', fresh()], [0, 1])).seconds);
    floor.push((await measureNode(dir, () => [ZWGK, 'validate', fresh(), '--format', 'json'], [0, 1])).seconds);
  }
  const [a, b] = [median(fix), median(floor)];
  console.log(
    `one file of ${(bytes / 1e6).toFixed(2)} MB, ${runs} run(s): zwgk fix ${a.toFixed(2)} s, zwgk validate ${b.toFixed(2)} s, ratio ${(a / b).toFixed(2)}x`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
