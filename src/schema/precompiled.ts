import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { assetFile } from '../assets.js';

// The validators generated from the shipped schemas at build time (generate-validators.ts), one
// CommonJS file each in dist/validators/, loaded when first needed. The portable single-file build
// (src/portable/precompiled.ts) has them bundled in instead.

/** Where the build writes the generated validators, in the package. */
export const VALIDATORS_DIR = 'dist/validators';

/** The file name of a schema's generated validator. */
export function generatedName(relative: string): string {
  return relative
    .replace(/^schemas\//, '')
    .replace(/\.schema\.json$/, '.validate.cjs')
    .replaceAll('/', '-');
}

/**
 * The generated validator of a shipped schema (`schemas/…`); undefined when running from the TypeScript
 * sources or before a build.
 */
export function precompiledValidator(relative: string): ValidateFunction | undefined {
  const file = import.meta.url.endsWith('.ts') ? undefined : assetFile(`${VALIDATORS_DIR}/${generatedName(relative)}`);
  if (file === undefined) return undefined;
  try {
    const mod = createRequire(import.meta.url)(file) as { default?: ValidateFunction } & ValidateFunction;
    return mod.default ?? mod;
  } catch {
    return undefined;
  }
}
