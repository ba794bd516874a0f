import type { ErrorObject, ValidateFunction } from 'ajv';
import { readJsonAsset } from '../assets.js';
import { schemaValidator } from './precompiled.js';
import type { SchemaNode } from './schema-walk.js';

/** The schemas shipped in schemas/ that the tool validates with. */
export const SCHEMA_FILES = [
  'schemas/catalog.schema.json',
  'schemas/config.schema.json',
  'schemas/forms/theme-day.schema.json',
  'schemas/forms/open-day.schema.json',
] as const;
export type SchemaFile = (typeof SCHEMA_FILES)[number];

export { AJV_OPTIONS } from './ajv-options.js';

/** A compiled schema and its source, for validating and for explaining errors. */
export interface CompiledSchema {
  schema: SchemaNode;
  validate: ValidateFunction;
}

const cache = new Map<string, CompiledSchema>();

/** A shipped schema, compiled once per process. */
export function compileSchema(relative: SchemaFile): CompiledSchema {
  let compiled = cache.get(relative);
  if (!compiled) {
    compiled = { schema: readJsonAsset<SchemaNode>(relative), validate: schemaValidator(relative) };
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
