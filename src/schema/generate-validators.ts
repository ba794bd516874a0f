import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { assetFile, readJsonAsset } from '../assets.js';
import { AJV_OPTIONS, SCHEMA_FILES } from './catalog-schema.js';
import { generatedName, VALIDATORS_DIR } from './precompiled.js';
import { tuneValidator } from './tune-validator.js';

/**
 * Build step: compile each shipped schema to standalone validation code in dist/validators/, so a run
 * loads a ready validator instead of compiling the schema at every start; the code is then tuned
 * (see tune-validator.ts) without changing what it reports.
 */
export function generateValidators(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  return SCHEMA_FILES.map((relative) => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
    const { code } = tuneValidator(standalone.default(ajv, ajv.compile(readJsonAsset(relative))));
    const file = join(outDir, generatedName(relative));
    writeFileSync(file, `// Generated from ${relative} by the build. Do not edit.\n${code}`);
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generateValidators(assetFile(VALIDATORS_DIR)!);
}
