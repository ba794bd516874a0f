// Rows for `zwgk validate --cache`, each beside ajv-cli on the same files in the same run:
//   - cold: the cache removed before each run (every file checked, and the cache written);
//   - warm: nothing changed since the last run;
//   - one changed: one file's text changed before each run (that file checked again, the rest from the cache).
// The runs use a copy of the set in a temporary folder, so that the change touches no generated data; the
// copy's files are given times an hour old, as a repository's files are between two runs.

import { cpSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureScale } from './generate.js';
import { yamlFiles } from './findings-rows.js';
import { alternate } from './measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SCHEMA = 'schemas/catalog.schema.json';
const rel = (p) => relative(ROOT, p) || '.';
// The generated sets have a few planted mistakes: both zwgk and ajv-cli exit 1 on them.
const ANY = [0, 1];

export const CACHE_PEER = `ajv-cli 5 on the same files (ajv validate --spec=draft2020 -s ${SCHEMA} -d "<set>/**/*.yaml")`;

/** For each scale, the three cache rows against ajv-cli. `rssDir` is a temporary folder of the caller's. */
export async function cacheRows({ rssDir, scales = ['city'], runs = 3, log = () => {} }) {
  const rows = [];
  for (const scale of scales) {
    const set = ensureScale(scale, { log });
    const dir = join(rssDir, `cache-${scale}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(set.dir, dir, { recursive: true });
    const files = yamlFiles(dir);
    const hourAgo = Date.now() / 1000 - 3600;
    for (const f of files) utimesSync(join(dir, f), hourAgo, hourAgo);
    const cache = join(rssDir, `cache-${scale}.zwgkcache`);
    const zwgk = [ZWGK, 'validate', rel(dir), '-f', 'json', '--cache', '--cache-location', rel(cache)];
    const ajv = { args: [AJV, 'validate', '--spec=draft2020', '-s', SCHEMA, '-d', `${rel(dir)}/**/*.yaml`], ok: ANY };
    // The file changed before each "one changed" run: a comment line added, then taken away.
    const changed = join(dir, files[Math.floor(files.length / 2)]);
    const original = readFileSync(changed, 'utf8');
    let turn = 0;
    const change = () => {
      writeFileSync(changed, turn++ % 2 === 0 ? `# 修订 ${turn}\n${original}` : original);
      return zwgk;
    };
    const kinds = [
      ['cold', () => (rmSync(cache, { force: true }), zwgk)],
      ['warm', zwgk],
      ['one changed', change],
    ];
    for (const [kind, args] of kinds) {
      const label = `${scale} cache ${kind}`;
      const [mine, peer] = await alternate(rssDir, label, [{ args, ok: ANY }, ajv], runs, { log });
      rows.push({
        kind: 'cache',
        scale: label,
        files: set.files,
        items: set.items,
        bytes: set.bytes,
        runs,
        set: rel(set.dir),
        peer: 'ajv-cli',
        zwgk: mine,
        floor: peer,
      });
    }
  }
  return rows;
}
