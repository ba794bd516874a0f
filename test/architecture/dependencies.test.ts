import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderOf, importGraph, type ImportEdge } from '../_helpers/import-graph.js';

// What may import what in src/ (ARCHITECTURE.md draws it). Each folder sits in a layer and imports only
// from its own folder and from lower layers; the features (layer 5) do not import each other: what two
// of them share lives in a lower folder. The configuration sits above them: it holds the settings of
// each. Type-only imports count: they tie the code together all the same.
const LAYERS: readonly (readonly string[])[] = [
  ['util', '.'], // `.`: the small modules at the top of src/ (diagnostics, errors, i18n, assets…), not index.ts
  ['load', 'schema', 'catalog'],
  ['lint'],
  ['report', 'office', 'tables'],
  ['validate'],
  ['fix', 'diff', 'render', 'import', 'forms', 'init', 'stats'],
  ['config'],
  ['cli', 'portable', 'workbench', 'entry'], // entry: index.ts, the library's entry
];

const SRC = join(import.meta.dirname, '../../src');
const graph = importGraph(SRC);

const folder = (module: string) => (module === 'index.ts' ? 'entry' : folderOf(module));
const layerOf = (f: string) => LAYERS.findIndex((layer) => layer.includes(f));

function breaksLayers(e: ImportEdge): boolean {
  const from = folder(e.from);
  const to = folder(e.to);
  if (from === to) return false;
  const a = layerOf(from);
  const b = layerOf(to);
  return b > a || (a === b && a === 5);
}

describe('the import graph of src/', () => {
  it('puts every folder in a layer', () => {
    expect(graph.modules.map(folder).filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports only downwards, and no feature imports another', () => {
    const wrong = [...new Set(graph.edges.filter(breaksLayers).map((e) => `${e.from} -> ${e.to}`))].sort();
    expect(wrong).toEqual([]);
  });

  it('sees the imports it checks (the reader is not blind)', () => {
    const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);
    expect(edge('cli/index.ts', 'cli/exit.ts')).toMatchObject({ typeOnly: false });
    expect(graph.edges.some((e) => e.typeOnly)).toBe(true);
    expect(breaksLayers({ from: 'load/x.ts', to: 'validate/y.ts', typeOnly: true })).toBe(true);
    expect(breaksLayers({ from: 'diff/x.ts', to: 'render/y.ts', typeOnly: false })).toBe(true);
    expect(breaksLayers({ from: 'validate/x.ts', to: 'load/y.ts', typeOnly: false })).toBe(false);
    expect(
      cycles({
        modules: ['a.ts', 'b.ts'],
        edges: [
          { from: 'a.ts', to: 'b.ts', typeOnly: false },
          { from: 'b.ts', to: 'a.ts', typeOnly: true },
        ],
      }),
    ).toEqual([['a.ts', 'b.ts']]);
  });
});
