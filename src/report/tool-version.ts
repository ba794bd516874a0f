import { readFileSync } from 'node:fs';
import { assetPath } from '../assets.js';

let version: string | undefined;

/** This package's version, read once from its package.json. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(assetPath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
