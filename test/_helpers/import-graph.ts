import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

/** One import of a module of src/: which module, and whether only its types are used (erased at build). */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** The modules of `src` (paths like `validate/pool.ts`) and their imports of each other. */
export interface ImportGraph {
  modules: string[];
  edges: ImportEdge[];
}

// `import … from './x.js'`, `export … from './x.js'` (both possibly `import type`), `import('./x.js')`.
const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Read the relative imports of every .ts module under `src` (declaration files left out). */
export function importGraph(src: string): ImportGraph {
  const modules = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(src, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
  const edges: ImportEdge[] = [];
  const target = (from: string, spec: string) =>
    posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, '.ts');
  for (const from of modules) {
    const text = readFileSync(join(src, from), 'utf8');
    for (const m of text.matchAll(STATIC)) {
      // `import { type A, type B } from` is erased too, when every name in it is marked `type`.
      const names = /\{([^}]*)\}/.exec(m[0])?.[1];
      const allTypes =
        names !== undefined && names.split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '));
      edges.push({ from, to: target(from, m[3]!), typeOnly: m[2] !== undefined || (m[1] === 'import' && allTypes) });
    }
    for (const m of text.matchAll(DYNAMIC)) edges.push({ from, to: target(from, m[1]!), typeOnly: false });
  }
  return { modules, edges };
}

/** The folder a module sits in under src/ (`validate/pool.ts` → `validate`; `index.ts` → `.`). */
export function folderOf(module: string): string {
  const dir = dirname(module);
  return dir === '.' ? '.' : dir.split('/')[0]!;
}

/** The cycles of the graph (its strongly connected components of more than one module, or a module importing itself). */
export function cycles(graph: ImportGraph, edges = graph.edges): string[][] {
  const next = new Map<string, string[]>(graph.modules.map((m) => [m, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  // Tarjan's algorithm, iteratively.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  for (const root of graph.modules) {
    if (index.has(root)) continue;
    const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const out = next.get(top.node) ?? [];
      if (top.i < out.length) {
        const to = out[top.i++]!;
        if (!next.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let m: string;
        do {
          m = stack.pop()!;
          onStack.delete(m);
          component.push(m);
        } while (m !== top.node);
        if (component.length > 1 || out.includes(top.node)) found.push(component.sort());
      }
    }
  }
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
