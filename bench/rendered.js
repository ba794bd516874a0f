// The <scale>-clean set rendered by zwgk as one workbook or one page: the input of the import rows
// (bench/run.js) and of the workbench rows (bench/workbench-rows.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, ensureScale, GENERATOR_VERSION } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const ZWGK_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/**
/**
 * The <scale>-clean set rendered by zwgk as one workbook (`xlsx`) or one page (`html`), the input of
 * the import rows: bench/.data/<scale>-clean.<format>, with a marker <file>.json naming the generator
 * version and the zwgk version it was rendered with. It is rendered again when either file is missing
 * or either version differs; delete the file to render it again after changing the renderer.
 */
export function ensureRendered(scale, format, { log = () => {} } = {}) {
  const clean = ensureScale(scale, { clean: true, log });
  const file = join(DATA_DIR, `${scale}-clean.${format}`);
  const markerFile = `${file}.json`;
  let marker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8'));
  } catch {
    marker = undefined;
  }
  if (
    !marker ||
    marker.generatorVersion !== GENERATOR_VERSION ||
    marker.zwgkVersion !== ZWGK_VERSION ||
    !existsSync(file)
  ) {
    log(`rendering ${relative(ROOT, file)} …`);
    rmSync(markerFile, { force: true });
    const result = spawnSync(
      process.execPath,
      [ZWGK, 'render', relative(ROOT, clean.dir), '-f', format, '-o', relative(ROOT, file)],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (result.status !== 0)
      throw new Error(
        `zwgk render ${clean.dir} -f ${format} exited with ${result.status ?? result.signal}\n${result.stderr}`,
      );
    marker = {
      generatorVersion: GENERATOR_VERSION,
      zwgkVersion: ZWGK_VERSION,
      scale,
      format,
      bytes: statSync(file).size,
    };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2) + '\n');
  }
  return { file, bytes: marker.bytes, clean };
}
