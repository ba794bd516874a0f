import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fix-text.js';
import { LIMITS, measureData } from '../../src/load/limits.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { parseWithPositions, tooDeepAt, yamlDiagnostics } from '../../src/load/parse-positions.js';
import { codeCatalog } from '../../src/report/code-catalog.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { arbitraryCatalog, catalogToYaml } from '../_helpers/arbitrary-catalog.js';
import { catalog, check, codes, validItem } from '../_helpers/check.js';
import { runs } from '../_helpers/fc-options.js';

const options = resolveValidateOptions({ lang: 'zh' });

/** Anchors nested nine to a level under `items`: 9^9 values once the aliases are read as copies, in about 1 KB. */
function aliasBomb(): string {
  let anchors = '    basis: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i <= 9; i++)
    anchors += `    content: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`.replace('content', `extra_${i}`);
  return catalog(`  - name: 政策文件\n${anchors}    items: *a9\n`);
}

/** Mappings nested `depth` deep in all (the document's own counted), one key a level. */
const nestedMaps = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:${i === depth - 1 ? ' 1' : ''}\n`).join('');
/** `items` nested `levels` deep, each item's list under its own key, as catalogs nest them. */
function nestedItems(levels: number): string {
  let text = 'domain: 义务教育\nunit: 青禾区教育局\nitems:\n';
  for (let i = 0; i < levels; i++) text += `${' '.repeat(2 * i)}- name: a${i}\n${' '.repeat(2 * i + 2)}items:\n`;
  return `${text}${' '.repeat(2 * levels)}- name: end\n`;
}

describe('limits on what a file may hold', () => {
  it('an alias bomb under items is refused at its first alias, quickly, in validate and fix', () => {
    const text = aliasBomb();
    const found = check(text);
    expect(codes(found)).toEqual(['file/too-large']);
    expect(found[0]!.message).toContain(LIMITS.nodes.toLocaleString('en'));
    expect(found[0]!.range!.start).toEqual({ line: 7, column: 19 });
    const fixed = fixText('test.yaml', text, options);
    expect(fixed.text).toBe(text);
    expect(codes(fixed.remaining)).toEqual(['file/too-large']);
  });

  it('aliases that expand one long text past the character limit are refused', () => {
    const long = '政'.repeat(100_000);
    const text = catalog(
      `  - name: 政策文件\n    content: &t ${long}\n    basis: [${Array(700).fill('*t').join(', ')}]\n`,
    );
    const found = check(text, { lang: 'en' });
    expect(codes(found)).toEqual(['file/too-large']);
    expect(found[0]!.message).toContain(`${LIMITS.chars / 1024 / 1024}M characters`);
    expect(found[0]!.range!.start.line).toBe(7);
    expect(measureData({ a: [long, long] })).toBeUndefined();
  });

  it('aliases that hold themselves are refused, not walked for ever', () => {
    expect(codes(check(catalog('  - &a\n    name: 政策文件\n    items: [*a]\n')))).toEqual(['file/too-large']);
  });

  it('aliases that stay within the limit are read as copies', () => {
    const text = catalog(
      `${validItem().replace('basis: 《', 'basis: &b 《')}  - name: 其他\n    items:\n      - name: 法规\n        content: 法规\n        basis: *b\n`,
    );
    expect(codes(check(text)).filter((c) => c.startsWith('file/') || c.startsWith('yaml/'))).toEqual([]);
  });

  it('an alias to an anchor never defined is a located yaml finding in validate and fix', () => {
    const text = 'domain: 义务教育\na: *nope\n';
    const found = check(text);
    expect(codes(found)).toEqual(['yaml/syntax']);
    expect(found[0]!.range).toEqual({ start: { line: 2, column: 4 }, end: { line: 2, column: 9 } });
    expect(codes(fixText('test.yaml', text, options).remaining)).toEqual(['yaml/syntax']);
    expect(codes(check(catalog(`  - name: *x\n`)))).toEqual(['yaml/syntax']);
  });

  it('nesting past the limit is a located finding, whichever parser reads it', () => {
    const dashes = catalog(`  - name: a\n    basis:\n      - ${'- '.repeat(1000)}x\n`);
    const flow = catalog(`  - name: a\n    basis: ${'['.repeat(3000)}${']'.repeat(3000)}\n`);
    for (const [text, line] of [
      [dashes, 7],
      [flow, 6],
      [nestedMaps(3000), LIMITS.depth + 1],
      [nestedItems(2000), LIMITS.depth + 2],
    ] as const) {
      const found = check(text);
      expect(codes(found)).toEqual(['file/too-deep']);
      expect(found[0]!.message).toContain(String(LIMITS.depth));
      expect(found[0]!.range!.start.line).toBe(line);
    }
  });

  it('nesting so deep that the yaml package cannot parse it at all is a located finding, not a crash', () => {
    // Keys one space deeper a line under a top-level key: the fast parsers refuse it, and the yaml
    // package's parser recurses once a level until the stack runs out.
    const text = `domain: 义务教育\nunit: 青禾区教育局\nextra:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:\n`).join('')}${' '.repeat(3001)}v: 1\nitems: []\n`;
    const found = check(text);
    expect(codes(found)).toEqual(['file/too-deep']);
    expect(found[0]!.range!.start.line).toBeGreaterThan(LIMITS.depth - 5);
    expect(found[0]!.range!.start.line).toBeLessThan(LIMITS.depth + 5);
    expect(codes(fixText('test.yaml', text, options).remaining)).toEqual(['file/too-deep']);
  });

  it('nesting at the limit is read by every parser, one level more by none', () => {
    for (const [depth, ok] of [
      [LIMITS.depth, true],
      [LIMITS.depth + 1, false],
    ] as const) {
      const plain = nestedMaps(depth);
      const anchored = `${plain}anchor: &x 1\n`;
      const blockScalar = `${plain}note: |\n  text\n`;
      for (const text of [plain, anchored, blockScalar]) {
        expect(parseFast(text).ok).toBe(ok);
        expect(parseFast(text, true).ok).toBe(ok);
        const parsed = parseWithPositions(text);
        expect(codes(yamlDiagnostics('test.yaml', parsed, 'en'))).toEqual(ok ? [] : ['file/too-deep']);
      }
    }
  });

  it('measures data with shared parts once, however deep', () => {
    const shared = [1, 2, 3];
    expect(measureData({ a: shared, b: shared })).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(measureData(deep)).toEqual({ kind: 'depth' });
    let wide: unknown[] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    for (let i = 0; i < 7; i++) wide = Array(10).fill(wide);
    expect(measureData(wide)).toEqual({ kind: 'nodes' });
    const loop: unknown[] = [];
    loop.push(loop);
    expect(measureData(loop)).toEqual({ kind: 'nodes' });
  });

  it('a catalog of 20,000 items in one file is within every limit', () => {
    const items = Array.from(
      { length: 400 },
      (_, i) =>
        `  - name: 事项${i}\n    items:\n${Array.from({ length: 50 }, (_, j) => `      - name: 子项${i}-${j}\n        content: 内容\n        basis: 《中华人民共和国政府信息公开条例》\n        channels: [政府网站, 政务服务中心]\n`).join('')}`,
    ).join('');
    const text = catalog(items);
    expect(parseFast(text).ok).toBe(true);
    expect(codes(check(text)).filter((c) => c.startsWith('file/') || c.startsWith('yaml/'))).toEqual([]);
  });

  it('the limit codes are described for the formats that list their rules', () => {
    const described = new Map(codeCatalog().map((c) => [c.id, c.description.en]));
    expect(described.get('file/too-large')).toMatch(/limit/);
    expect(described.get('file/too-deep')).toMatch(/limit/);
  });
});

describe('the rough depth check that keeps very deep texts from the yaml package', () => {
  /** Levels of nested mappings and lists in parsed data (the top one is 1; scalars add none). */
  function depthOf(data: unknown): number {
    let deepest = 0;
    const stack: [unknown, number][] = [[data, 1]];
    while (stack.length > 0) {
      const [value, depth] = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      deepest = Math.max(deepest, depth);
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
    return deepest;
  }

  it('never counts more levels than a text has: shipped catalogs and forms, generated catalogs, block and flow styles', () => {
    const root = join(import.meta.dirname, '../..');
    const shipped = ['catalogs', 'catalogs/forms'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => readFileSync(join(root, dir, f), 'utf8')),
    );
    const texts = [
      ...shipped,
      'items:\n- name: a\nother: x\n',
      'a:\n  - - - x\n  - y\nb: {c: [1, [2]]}\n',
      nestedMaps(40),
      nestedItems(30),
    ];
    for (const text of texts) {
      const parsed = parseFast(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(tooDeepAt(text, depthOf(parsed.data))).toBe(-1);
    }
    fc.assert(
      fc.property(arbitraryCatalog(), (generated) => {
        const text = catalogToYaml(generated);
        const parsed = parseFast(text);
        return parsed.ok && tooDeepAt(text, depthOf(parsed.data)) === -1;
      }),
      runs(200),
    );
  });

  it('finds nesting past the limit in block mappings, lists of items and `- ` runs', () => {
    for (const text of [nestedMaps(LIMITS.depth + 1), nestedItems(LIMITS.depth), `${'- '.repeat(LIMITS.depth + 1)}x\n`])
      expect(tooDeepAt(text, LIMITS.depth)).toBeGreaterThanOrEqual(0);
  });
});
