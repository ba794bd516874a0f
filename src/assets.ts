import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// This module sits one folder below the package root both as src/assets.ts and as dist/assets.js.
const ROOT = new URL('../', import.meta.url);

/** Absolute path of a file shipped with the package (schemas/…, templates/…). */
export function assetPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

/** Read and parse a JSON file shipped with the package. */
export function readJsonAsset<T>(relative: string): T {
  return JSON.parse(readFileSync(assetPath(relative), 'utf8')) as T;
}
