import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The package root: the nearest folder above this module with a package.json. The module sits at
 * different depths (src/assets.ts, dist/assets.js, or inside the bundled command line in dist/cli-bundle).
 */
function packageRoot(): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return root;
}

/** Absolute path of a file shipped with the package (schemas/…, templates/…). */
export function assetPath(relative: string): string {
  return join(packageRoot(), relative);
}

/** Read and parse a JSON file shipped with the package. */
export function readJsonAsset<T>(relative: string): T {
  return JSON.parse(readFileSync(assetPath(relative), 'utf8')) as T;
}
