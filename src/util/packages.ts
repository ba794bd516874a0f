import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as JsYaml from 'js-yaml';

// Packages some runs need and most do not, loaded synchronously on first use, so that a run that never
// needs one never pays for loading it. The portable single-file build (src/portable/packages.ts) has
// them bundled in instead.

const require = createRequire(import.meta.url);

/**
 * js-yaml, as a CommonJS build: it parses faster than the ESM build. The package's single-file build
 * (dist/js-yaml.js, the same code in one file) loads in half the time of its twenty-odd lib/ modules;
 * the package does not export that path, so it is found beside the package's package.json, and the
 * main entry is the fallback.
 */
export function loadJsYaml(): typeof JsYaml {
  try {
    const lib = require(join(dirname(require.resolve('js-yaml/package.json')), 'dist', 'js-yaml.js')) as Partial<
      typeof JsYaml
    >;
    if (typeof lib.load === 'function' && lib.CORE_SCHEMA) return lib;
  } catch {
    // Not there in this version of the package: the main entry.
  }
  return require('js-yaml') as typeof JsYaml;
}

let yaml: typeof import('yaml') | undefined;

/** `yaml`: positions, comments and rewriting (a clean run never needs positions, so never loads it). */
export function yamlLib(): typeof import('yaml') {
  yaml ??= require('yaml') as typeof import('yaml');
  return yaml;
}

/** picomatch: only for a configuration with `overrides`. */
export const loadPicomatch = (): typeof import('picomatch') => require('picomatch') as typeof import('picomatch');
