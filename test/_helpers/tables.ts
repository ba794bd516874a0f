import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { buildTable } from '../../src/render/table-model.js';
import type { RenderInput } from '../../src/render/types.js';

const CATALOGS = join(import.meta.dirname, '../../catalogs');

/** A render input from YAML text. */
export function inputFromYaml(yaml: string, file = 'test.yaml'): RenderInput {
  const parsed = parseFast(yaml);
  if (!parsed.ok) throw new Error(`not YAML: ${file}`);
  const catalog = resolveCatalog(parsed.data);
  return { file, catalog, table: buildTable(catalog) };
}

/** The shipped catalogs as render inputs, in file order. */
export function shippedInputs(): RenderInput[] {
  return readdirSync(CATALOGS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => inputFromYaml(readFileSync(join(CATALOGS, f), 'utf8'), `catalogs/${f}`));
}
