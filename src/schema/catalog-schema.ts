import { createRequire } from 'node:module';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { readJsonAsset } from '../assets.js';
import { precompiledValidator } from './precompiled.js';
import type { SchemaNode } from './schema-walk.js';

/** The schemas shipped in schemas/ that the tool validates with. */
export const SCHEMA_FILES = [
  'schemas/catalog.schema.json',
  'schemas/config.schema.json',
  'schemas/forms/theme-day.schema.json',
  'schemas/forms/open-day.schema.json',
] as const;
export type SchemaFile = (typeof SCHEMA_FILES)[number];

/** ajv options shared by the build-time and the run-time compile, so both validate alike. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true };

/** A compiled schema and its source, for validating and for explaining errors. */
export interface CompiledSchema {
  schema: SchemaNode;
  validate: ValidateFunction;
}

const cache = new Map<string, CompiledSchema>();
const require = createRequire(import.meta.url);

function load(relative: SchemaFile): ValidateFunction {
  // Built: the validator generated at build time. Running from the TypeScript sources: compile the schema now.
  const ready = precompiledValidator(relative);
  if (ready) return ready;
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020(AJV_OPTIONS).compile(readJsonAsset(relative));
}

/** A shipped schema, compiled once per process. */
export function compileSchema(relative: SchemaFile): CompiledSchema {
  let compiled = cache.get(relative);
  if (!compiled) {
    compiled = { schema: readJsonAsset<SchemaNode>(relative), validate: load(relative) };
    cache.set(relative, compiled);
  }
  return compiled;
}

/** The catalog schema, compiled. */
export function catalogSchema(): CompiledSchema {
  return compileSchema('schemas/catalog.schema.json');
}

/** Run a compiled schema and return ajv's errors (empty when valid). */
export function runSchema(compiled: CompiledSchema, data: unknown): ErrorObject[] {
  return compiled.validate(data) ? [] : [...(compiled.validate.errors ?? [])];
}
