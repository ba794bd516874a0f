import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogItem } from '../../src/catalog/types.js';
import { runProjectRules } from '../../src/lint/run-rules.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';
import { arbitraryCatalog, arbitraryRevisionWithEdits, catalogToYaml } from '../_helpers/arbitrary-catalog.js';
import { runs } from '../_helpers/fc-options.js';

const OPTIONS = resolveValidateOptions();

/** Every finding `zwgk validate` would report for the catalog, as `code at path: message`. */
function findings(catalog: Catalog): string[] {
  const text = catalogToYaml(catalog);
  const parsed = parseFast(text);
  // The text holds exactly the object: what is validated is what the diff tests use.
  expect(parsed.ok && parsed.data).toEqual(catalog);
  const result = validateText('generated.yaml', text, OPTIONS);
  const project = runProjectRules([{ file: 'generated.yaml', facts: result.facts }], OPTIONS.rules).map(
    (f) => f.finding,
  );
  return [
    ...result.diagnostics.map((d) => `${d.code} at line ${d.range?.start.line}: ${d.message}`),
    ...project.map((f) => `${f.code} at ${f.path.join('/')}`),
  ];
}

function* allItems(items: readonly CatalogItem[], depth = 1): Generator<[CatalogItem, number]> {
  for (const item of items) {
    yield [item, depth];
    yield* allItems(item.items ?? [], depth + 1);
  }
}

describe('generated catalogs', () => {
  it('validate without any finding', () => {
    fc.assert(
      fc.property(arbitraryCatalog(), (catalog) => {
        expect(findings(catalog)).toEqual([]);
      }),
      runs(150),
    );
  });

  it('validate without any finding after random edits', () => {
    fc.assert(
      fc.property(
        arbitraryCatalog().chain((c) => arbitraryRevisionWithEdits(c)),
        (revision) => {
          expect(findings(revision.after)).toEqual([]);
        },
      ),
      runs(150),
    );
  });

  it('show what the diff properties rely on', () => {
    const seen = new Set<string>();
    const note = (what: string, yes: boolean) => yes && seen.add(what);
    for (const catalog of fc.sample(arbitraryCatalog(), { numRuns: 300, seed: 42 })) {
      const items = [...allItems(catalog.items)];
      note(
        'coded',
        items.every(([i]) => i.code !== undefined),
      );
      note(
        'uncoded',
        items.every(([i]) => i.code === undefined),
      );
      note(
        '三级事项',
        items.some(([, d]) => d === 3),
      );
      note(
        '依申请',
        items.some(([i]) => i.method === '依申请' || (Array.isArray(i.method) && i.method.includes('依申请'))),
      );
      note(
        '特定群体',
        items.some(([i]) => i.specific_group !== undefined),
      );
      note(
        'other_channels',
        items.some(([i]) => i.other_channels !== undefined),
      );
      note('extra', catalog.extra_columns !== undefined);
      note(
        'content on a 一级事项',
        catalog.items.some((i) => i.content !== undefined),
      );
      note(
        'a 二级 field overriding its 一级',
        items.some(([i, d]) => d === 1 && i.channels !== undefined && i.items!.some((c) => c.channels !== undefined)),
      );
      const level2 = items.filter(([, d]) => d === 2).map(([i]) => i.name);
      note('a 二级 name under two 一级', new Set(level2).size < level2.length);
    }
    expect([...seen].sort()).toEqual(
      [
        'coded',
        'uncoded',
        '三级事项',
        '依申请',
        '特定群体',
        'other_channels',
        'extra',
        'content on a 一级事项',
        'a 二级 field overriding its 一级',
        'a 二级 name under two 一级',
      ].sort(),
    );
  });

  it('would catch a catalog that is not clean', () => {
    const [catalog] = fc.sample(arbitraryCatalog({ coded: true }), { numRuns: 1, seed: 7 });
    const broken = structuredClone(catalog!) as Catalog & { items: CatalogItem[] };
    const row = broken.items[0]!.items![0] as CatalogItem & Record<string, unknown>;
    row.channels = ['政腐网站'];
    row.code = broken.items[0]!.code!;
    expect(findings(broken).map((f) => f.split(' ')[0])).toEqual(['channel-known', 'code-unique']);
  });
});
