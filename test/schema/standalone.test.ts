import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { readJsonAsset } from '../../src/assets.js';
import { AJV_OPTIONS, SCHEMA_FILES, generatedName } from '../../src/schema/catalog-schema.js';

const GENERATED = join(import.meta.dirname, '../../dist/schema/generated');
const require = createRequire(import.meta.url);

const SAMPLES: unknown[] = [
  {},
  { domain: '义务教育', unit: 'x', items: [] },
  { domain: '义务教育', unit: 'x', items: [{ name: 'a', method: '主动公开', code: 505, channels: [] }] },
  { domain: 1, unit: null, items: [{ name: 'a', items: [{ name: 'b', audience: ['全社会', '全社会'], extra: { 备注: 1 } }] }], date: '2024-6-1' },
  { lang: 'fr', rules: { x: 'fatal' }, vocabulary: { channels: 'a' } },
];

describe('precompiled validators', () => {
  it.each(SCHEMA_FILES)('%s: the build’s validator reports exactly what a fresh compile reports', (schema) => {
    const file = join(GENERATED, generatedName(schema));
    expect(existsSync(file), `${file} is made by npm run build`).toBe(true);
    const built = require(file) as ValidateFunction;
    const fresh = new Ajv2020(AJV_OPTIONS).compile(readJsonAsset(schema));
    for (const sample of SAMPLES) {
      expect(built(sample)).toBe(fresh(sample));
      const strip = (errors: typeof fresh.errors) => (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
      expect(strip(built.errors)).toEqual(strip(fresh.errors));
    }
  });
});
