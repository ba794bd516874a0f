import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const PUBLISHED = [
  'catalog.schema.json',
  'config.schema.json',
  'diff-report.schema.json',
  'stats-report.schema.json',
  'forms/theme-day.schema.json',
  'forms/open-day.schema.json',
];
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as { $id?: string };

describe('published schemas have stable ids', () => {
  it('each has an https $id on the project’s home, named as its file', () => {
    for (const name of PUBLISHED) expect(read(name).$id, name).toBe(`https://zwgk.github.io/schemas/${name}`);
  });

  it('load together into one validator', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const name of PUBLISHED) ajv.addSchema(read(name));
    const check = ajv.getSchema('https://zwgk.github.io/schemas/catalog.schema.json')!;
    const data = yaml.load(readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8'), { schema: yaml.JSON_SCHEMA });
    expect(check(data), JSON.stringify(check.errors)).toBe(true);
  });

  it('ajv-cli takes one with the others as references', () => {
    const t = tempDir();
    try {
      const data = join(t.dir, 'catalog.json');
      writeFileSync(
        data,
        JSON.stringify(
          yaml.load(readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8'), { schema: yaml.JSON_SCHEMA }),
        ),
      );
      const refs = PUBLISHED.slice(1).flatMap((n) => ['-r', join(ROOT, 'schemas', n)]);
      const out = execFileSync(
        join(ROOT, 'node_modules/.bin/ajv'),
        [
          'validate',
          '--spec=draft2020',
          '--strict=false',
          '-s',
          join(ROOT, 'schemas/catalog.schema.json'),
          ...refs,
          '-d',
          data,
        ],
        { encoding: 'utf8', stdio: 'pipe' },
      );
      expect(out).toBeDefined();
    } finally {
      t.cleanup();
    }
  });
});
