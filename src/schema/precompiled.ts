import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { assetFile, readJsonAsset } from '../assets.js';
import { AJV_OPTIONS } from './ajv-options.js';

// The validators of the shipped schemas: generated at build time (generate-validators.ts), one CommonJS
// file each in dist/validators/, loaded when first needed; compiled at run time only when running from
// the TypeScript sources. The portable single-file build (src/portable/precompiled.ts) has the
// generated ones bundled in instead.

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

/** The validator of a shipped schema: the generated one, or (running from the sources) the schema compiled now. */
export function schemaValidator(relative: string): ValidateFunction {
  const ready = precompiledValidator(relative);
  if (ready) return ready;
  const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020(AJV_OPTIONS).compile(readJsonAsset(relative));
}
