import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { readJsonAsset } from '../assets.js';
import { AJV_OPTIONS, SCHEMA_FILES, generatedName } from './catalog-schema.js';
import { tuneValidator } from './tune-validator.js';

/**
 * Build step: compile each shipped schema to standalone validation code beside this module, so a run
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
  generateValidators(join(dirname(fileURLToPath(import.meta.url)), 'generated'));
}
