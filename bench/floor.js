#!/usr/bin/env node
// The floor: what "parse + schema only" costs. Parses every .yaml file under one or more directories
// with the `yaml` package (parseDocument, YAML 1.2 core schema, as zwgk's positional parser) and
// validates each with ONE compiled ajv schema. Prints nothing but the number of files checked.
//
//   node bench/floor.js <dir>… [--parser js-yaml]
//
// With two directories it is the floor of `zwgk diff <old> <new>`: loading both sets.
//
// --parser js-yaml parses with js-yaml (CORE_SCHEMA) instead, the parser zwgk uses on its fast path.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseDocument } from 'yaml';

const args = process.argv.slice(2);
const parserAt = args.indexOf('--parser');
const parser = parserAt >= 0 ? args.splice(parserAt, 2)[1] : 'yaml';
const dirs = args;
if (dirs.length === 0 || (parser !== 'yaml' && parser !== 'js-yaml')) {
  console.error('usage: node bench/floor.js <dir>… [--parser yaml|js-yaml]');
  process.exit(2);
}

const schemaFile = new URL('../schemas/catalog.schema.json', import.meta.url);
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

// The CommonJS build, as zwgk loads it (faster than the ESM build).
const jsyaml = parser === 'js-yaml' ? createRequire(import.meta.url)('js-yaml') : undefined;

let count = 0;
for (const dir of dirs) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    validate(
      parser === 'yaml'
        ? parseDocument(text, { schema: 'core' }).toJS()
        : jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }),
    );
    count++;
  }
}
console.log(count);
