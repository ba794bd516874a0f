// Rows for runs with many findings: `zwgk validate` on a set whose every 二级事项 has unknown keys, against
// the same command on the clean set (the same files without them), in the same run. A finding should cost
// little: positions and code frames are worked out once per file, not once per finding.
//
// The sets are bench/.data/<scale>-findings, made from <scale>-clean by adding `extra_1: 1` … lines under
// each nested `- name:` line (one key per item for `many`, five for `huge`: 100,000 findings in one file).

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, ensureScale, GENERATOR_VERSION } from './generate.js';
import { alternate } from './measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const rel = (p) => relative(ROOT, p) || '.';

/** Unknown keys added to each nested item, by scale. */
export const KEYS_PER_ITEM = { many: 1, huge: 5, district: 1, city: 1 };
const MARKER = '.findings.json';

/** Every YAML file under `dir`, relative to it. */
export function yamlFiles(dir, sub = '') {
  const out = [];
  for (const name of readdirSync(join(dir, sub)).sort()) {
    const path = join(sub, name);
    if (statSync(join(dir, path)).isDirectory()) out.push(...yamlFiles(dir, path));
    else if (name.endsWith('.yaml')) out.push(path);
  }
  return out;
}

/** The set with findings for `scale`: `{ dir, clean, findings }`, made once per generator version. */
export function ensureFindingsSet(scale, { log = () => {} } = {}) {
  const clean = ensureScale(scale, { clean: true, log });
  const dir = join(DATA_DIR, `${scale}-findings`);
  const keys = KEYS_PER_ITEM[scale] ?? 1;
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
    if (marker.version === GENERATOR_VERSION && marker.keys === keys) return { dir, clean, findings: marker.findings };
  } catch {
    // made below
  }
  log(`writing ${rel(dir)} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let findings = 0;
  for (const file of yamlFiles(clean.dir)) {
    const lines = readFileSync(join(clean.dir, file), 'utf8').split('\n');
    const out = [];
    for (const line of lines) {
      out.push(line);
      const nested = /^( {4,})- name: /.exec(line);
      if (!nested) continue;
      for (let k = 1; k <= keys; k++) out.push(`${nested[1]}  extra_${k}: 1`);
      findings += keys;
    }
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), out.join('\n'));
  }
  writeFileSync(join(dir, MARKER), JSON.stringify({ version: GENERATOR_VERSION, keys, findings }) + '\n');
  return { dir, clean, findings };
}

/**
 * For each scale, `zwgk validate <scale>-findings -f <format>` against the same on <scale>-clean, alternating,
 * in each of `formats`. Rows in run.js's shape (kind `findings`).
 */
export async function findingsRows({
  rssDir,
  scales = ['huge', 'many'],
  formats = ['json', 'stylish'],
  runs = 3,
  log,
}) {
  const rows = [];
  for (const scale of scales) {
    const set = ensureFindingsSet(scale, { log });
    for (const format of formats) {
      const label = `${scale} ${Math.round(set.findings / 1000)}k findings ${format}`;
      const args = (dir) => [ZWGK, 'validate', rel(dir), '-f', format];
      const [zwgk, floor] = await alternate(
        rssDir,
        label,
        [
          { args: args(set.dir), ok: [1] },
          { args: args(set.clean.dir), ok: [0, 1] },
        ],
        runs,
        { log },
      );
      rows.push({
        kind: 'findings',
        scale: label,
        files: set.clean.files,
        items: set.clean.items,
        findings: set.findings,
        runs,
        set: rel(set.dir),
        zwgk,
        floor,
      });
    }
  }
  return rows;
}

export const FINDINGS_FLOOR = 'zwgk validate <scale>-clean -f <format>: the same files without the added keys';
