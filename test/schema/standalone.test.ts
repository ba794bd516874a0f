import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonAsset } from '../../src/assets.js';
import { AJV_OPTIONS, SCHEMA_FILES } from '../../src/schema/catalog-schema.js';
import { generatedName, VALIDATORS_DIR } from '../../src/schema/precompiled.js';
import { SHORT_LIST, tuneValidator } from '../../src/schema/tune-validator.js';
import { runs } from '../_helpers/fc-options.js';

const GENERATED = join(import.meta.dirname, '../..', VALIDATORS_DIR);
const require = createRequire(import.meta.url);

const SAMPLES: unknown[] = [
  {},
  { domain: '义务教育', unit: 'x', items: [] },
  { domain: '义务教育', unit: 'x', items: [{ name: 'a', method: '主动公开', code: 505, channels: [] }] },
  {
    domain: 1,
    unit: null,
    items: [{ name: 'a', items: [{ name: 'b', audience: ['全社会', '全社会'], extra: { 备注: 1 } }] }],
    date: '2024-6-1',
  },
  { lang: 'fr', rules: { x: 'fatal' }, vocabulary: { channels: 'a' } },
];

/** A list of `length` strings from a few letters, so that some repeat; sometimes with a number or an empty string in it. */
const list = (length: number, seed: number): unknown[] =>
  Array.from({ length }, (_, i) =>
    i === seed % 7
      ? seed % 3 === 0
        ? 7
        : ''
      : ('abcdefghij'[(i * seed + seed) % (seed % 11 === 0 ? 10 : 40)] ?? `t${i}`),
  );

/** Catalogs whose lists have repeats near and far, at both sides of the pairwise limit, and empty strings. */
const LISTS: unknown[] = [SHORT_LIST - 1, SHORT_LIST, SHORT_LIST + 1, 2, 3, 40].flatMap((length) =>
  [1, 2, 11, 22, 33].map((seed) => ({
    domain: '义务教育',
    unit: 'x',
    items: [
      {
        name: '',
        content: list(length, seed),
        items: [{ name: 'b', basis: list(length, seed + 1), channels: list(2, seed), levels: ['', ''] }],
      },
    ],
  })),
);

const strip = (errors: ValidateFunction['errors']) =>
  (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({
    instancePath,
    schemaPath,
    keyword,
    params,
    message,
  }));

function expectSame(built: ValidateFunction, fresh: ValidateFunction, sample: unknown): void {
  expect(built(sample)).toBe(fresh(sample));
  expect(strip(built.errors)).toEqual(strip(fresh.errors));
}

describe('precompiled validators', () => {
  it.each(SCHEMA_FILES)('%s: the build’s validator reports exactly what a fresh compile reports', (schema) => {
    const file = join(GENERATED, generatedName(schema));
    expect(existsSync(file), `${file} is made by npm run build`).toBe(true);
    const built = require(file) as ValidateFunction;
    const fresh = new Ajv2020(AJV_OPTIONS).compile(readJsonAsset(schema));
    for (const sample of [...SAMPLES, ...LISTS]) expectSame(built, fresh, sample);
  });

  it('the catalog validator reports repeated and empty list entries exactly as ajv does', () => {
    const built = require(join(GENERATED, generatedName('schemas/catalog.schema.json'))) as ValidateFunction;
    const fresh = new Ajv2020(AJV_OPTIONS).compile(readJsonAsset('schemas/catalog.schema.json'));
    const entry = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('a', 'b', 'c', '甲', '乙', '') },
      { weight: 1, arbitrary: fc.constantFrom(1, null, ['a']) },
    );
    const value = fc.oneof(fc.array(entry, { maxLength: SHORT_LIST + 6 }), entry);
    const item = fc.record(
      {
        name: fc.constantFrom('a', ''),
        content: value,
        basis: value,
        channels: value,
        other_channels: value,
        levels: value,
        audience: value,
        method: value,
      },
      { requiredKeys: ['name'] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 3 }), (items) =>
        expectSame(built, fresh, { domain: '义务教育', unit: 'x', items: [{ name: '一', items }] }),
      ),
      runs(300),
    );
  });
});

describe('tuning the generated code', () => {
  it.each(SCHEMA_FILES)('%s: finds every list-uniqueness and non-empty check it is meant to rewrite', (schema) => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
    const code = standalone.default(ajv, ajv.compile(readJsonAsset(schema)));
    const tuned = tuneValidator(code);
    // Every string-list index that ajv writes is rewritten (none is left behind unnoticed) ...
    expect(tuned.uniqueItems).toBe(code.match(/const indices\d+ = \{\}/g)?.length ?? 0);
    // ... and every non-empty check, which is how each of these schemas uses minLength.
    expect(tuned.minLength).toBe(code.match(/\bfunc\d+\([\w$]+\) < 1\)/g)?.length ?? 0);
    expect(tuned.code).not.toMatch(/\bfunc\d+\([\w$]+\) < 1\)/);
    // ... and every append of a referenced schema's errors (a copy of all errors so far, per item).
    expect(tuned.appends).toBe(code.match(/vErrors\.concat\(/g)?.length ?? 0);
    expect(tuned.code).not.toContain('.concat(');
  });

  it('the catalog schema has checks of both kinds to tune', () => {
    const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
    const tuned = tuneValidator(standalone.default(ajv, ajv.compile(readJsonAsset('schemas/catalog.schema.json'))));
    expect(tuned.uniqueItems).toBeGreaterThan(20);
    expect(tuned.minLength).toBeGreaterThan(20);
  });
});
