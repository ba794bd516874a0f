import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The files shipped beside the code (package.json, schemas/…, templates/…), read from the package
// folder. The portable single-file build (src/portable/assets.ts) has the same functions over copies
// embedded in the file.

let root: string | undefined;

/**
 * The package root: the nearest folder above this module with a package.json. The module sits at
 * different depths (src/assets.ts when run from the sources, a chunk in dist/ when built).
 */
function packageRoot(): string {
  if (root === undefined) {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    root = dir;
  }
  return root;
}

/**
 * Absolute path of a file shipped with the package, for what needs a file on disk (a schema an editor
 * opens). Undefined where the shipped files are not files (the portable build).
 */
export function assetFile(relative: string): string | undefined {
  return join(packageRoot(), relative);
}

/** The text of a file shipped with the package. */
export function readAssetText(relative: string): string {
  return readFileSync(join(packageRoot(), relative), 'utf8');
}

/** Read and parse a JSON file shipped with the package. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of the JSON file it reads
export function readJsonAsset<T>(relative: string): T {
  return JSON.parse(readAssetText(relative)) as T;
}
