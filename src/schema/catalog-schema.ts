import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { readJsonAsset } from '../assets.js';
import type { SchemaNode } from './schema-walk.js';

/** A compiled schema and its source, for validating and for explaining errors. */
export interface CompiledSchema {
  schema: SchemaNode;
  validate: ValidateFunction;
}

const cache = new Map<string, CompiledSchema>();

/** Load a schema shipped in schemas/ and compile it once per process. */
export function compileSchema(relative: string): CompiledSchema {
  let compiled = cache.get(relative);
  if (!compiled) {
    const schema = readJsonAsset<SchemaNode>(relative);
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    compiled = { schema, validate: ajv.compile(schema) };
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
