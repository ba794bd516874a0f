import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { schemaShape, typeShape } from '../_helpers/type-shape.js';

// schemas/config.schema.json checks what users write; ZwgkConfig (src/config/types.ts) is what the code
// reads. Both are derived to one shape — keys, which are optional, types, allowed values — and compared,
// so neither can gain, lose or change a setting without the other.
const ROOT = join(import.meta.dirname, '../..');
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
};
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8')) as Parameters<
  typeof schemaShape
>[0];

describe('the configuration schema and the configuration type', () => {
  it('describe the same settings', () => {
    expect(typeShape(join(ROOT, 'src/config/types.ts'), 'ZwgkConfig', OPTIONS)).toEqual(schemaShape(schema));
  });

  it('tell a difference when there is one (the comparison is not blind)', () => {
    const changed = structuredClone(schema) as { properties: Record<string, { enum?: string[] }> };
    changed.properties.lang!.enum = ['zh', 'en', 'fr'];
    expect(schemaShape(changed)).not.toEqual(schemaShape(schema));
    const dropped = structuredClone(schema);
    Reflect.deleteProperty(dropped.properties ?? {}, 'maxWarnings');
    expect(schemaShape(dropped)).not.toEqual(schemaShape(schema));
  });
});
