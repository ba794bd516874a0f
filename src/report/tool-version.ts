import { readJsonAsset } from '../assets.js';

let version: string | undefined;

/** This package's version, read once from its package.json. */
export function toolVersion(): string {
  version ??= readJsonAsset<{ version: string }>('package.json').version;
  return version;
}
