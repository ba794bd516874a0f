import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSequences } from '../../src/fix/myers.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';

const numbered = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('');
const replaceLine = (text: string, line: number, by: string) => {
  const lines = text.split('\n');
  lines[line - 1] = by;
  return lines.join('\n');
};

const CATALOG = `domain: 义务教育
unit: 青禾区教育局
items:
  - name: 政策 文件
    code: 0505
    items:
      - name: 法律法规
        channels: [政府网站, 一微一端]
      - name: 规章
        time_limit: 同上
        basis: 同上  # 与上行相同
      - name: 规范性文件
        channels: 同上
`;

const CASES: [string, string, string][] = [
  ['one line changed in the middle', numbered(20), replaceLine(numbered(20), 10, 'changed')],
  ['two changes far apart: two hunks', numbered(40), replaceLine(replaceLine(numbered(40), 5, 'five'), 30, 'thirty')],
  [
    'two changes six lines apart: one hunk',
    numbered(30),
    replaceLine(replaceLine(numbered(30), 10, 'ten'), 17, 'seventeen'),
  ],
  [
    'two changes eight lines apart: two hunks',
    numbered(30),
    replaceLine(replaceLine(numbered(30), 10, 'ten'), 19, 'nineteen'),
  ],
  ['lines added at the start', numbered(6), 'new 1\nnew 2\n' + numbered(6)],
  ['lines removed at the end', numbered(10), numbered(7)],
  ['a line removed and two added', numbered(12), numbered(12).replace('line 6\n', 'six a\nsix b\n')],
  ['the final line break lost', numbered(5), numbered(5).slice(0, -1)],
  ['the final line break added', numbered(5).slice(0, -1), numbered(5)],
  [
    'the last line changed, neither with a final line break',
    numbered(5).slice(0, -1),
    numbered(5).replace('line 5\n', 'five'),
  ],
  ['an empty file filled', '', numbered(3)],
  ['a file emptied', numbered(3), ''],
  ['CRLF lines', numbered(8).replaceAll('\n', '\r\n'), numbered(8).replaceAll('\n', '\r\n').replace('line 4', 'four')],
  [
    'a catalog fixed',
    CATALOG,
    CATALOG.replace('政策 文件', '政策文件')
      .replace('code: 0505', 'code: "0505"')
      .replace('一微一端', '两微一端')
      .replace('        time_limit: 同上\n', '')
      .replace('        basis: 同上  # 与上行相同\n', '        # 与上行相同\n')
      .replace('channels: 同上', 'channels: [政府网站, 两微一端]'),
  ],
];

const dir = mkdtempSync(join(tmpdir(), 'zwgk-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The hunks (everything from the first `@@`) that a tool prints for the same two texts. */
function hunksBy(tool: 'diff' | 'git', before: string, after: string): string {
  writeFileSync(join(dir, 'before'), before);
  writeFileSync(join(dir, 'after'), after);
  const args =
    tool === 'diff'
      ? ['-u', 'before', 'after']
      : ['diff', '--no-index', '--no-color', '--no-indent-heuristic', 'before', 'after'];
  const r = spawnSync(tool, args, { cwd: dir, encoding: 'utf8' });
  const at = r.stdout.indexOf('@@');
  // git names the section a hunk is in after its header (`@@ -7,7 +7,7 @@ line 6`); diff -u does not.
  return at < 0 ? '' : r.stdout.slice(at).replace(/^(@@ [^@]+ @@).*$/gm, '$1');
}

describe('unifiedDiff', () => {
  it.each(CASES)('%s: the same hunks as diff -u and git diff', (_, before, after) => {
    const ours = unifiedDiff(before, after, { from: 'a/x.yaml', to: 'b/x.yaml' });
    const hunks = ours.slice(ours.indexOf('@@'));
    expect(hunks).toBe(hunksBy('diff', before, after));
    expect(hunks).toBe(hunksBy('git', before, after));
  });

  it('names the two sides in its header', () => {
    const ours = unifiedDiff('a\n', 'b\n', { from: 'a/catalogs/x.yaml', to: 'b/catalogs/x.yaml' });
    expect(ours).toBe('--- a/catalogs/x.yaml\n+++ b/catalogs/x.yaml\n@@ -1 +1 @@\n-a\n+b\n');
  });

  it('is empty when nothing changed', () => {
    expect(unifiedDiff(CATALOG, CATALOG, { from: 'a', to: 'b' })).toBe('');
  });

  it('takes the number of context lines', () => {
    const ours = unifiedDiff(numbered(9), replaceLine(numbered(9), 5, 'five'), { from: 'a', to: 'b', context: 1 });
    expect(ours).toBe('--- a\n+++ b\n@@ -4,3 +4,3 @@\n line 4\n-line 5\n+five\n line 6\n');
  });
});

describe('diffSequences', () => {
  /** Length of the longest common subsequence, by dynamic programming. */
  function lcs(a: readonly string[], b: readonly string[]): number {
    const row = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      let diag = 0;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j]!;
        row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
        diag = up;
      }
    }
    return row[b.length]!;
  }

  it('turns a into b with as few insertions and deletions as possible', () => {
    const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 14 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const changes = diffSequences(a, b);
        const rebuilt: string[] = [];
        let at = 0;
        for (const c of changes) {
          expect(c.aStart).toBeGreaterThanOrEqual(at);
          rebuilt.push(...a.slice(at, c.aStart), ...b.slice(c.bStart, c.bEnd));
          at = c.aEnd;
        }
        rebuilt.push(...a.slice(at));
        expect(rebuilt).toEqual(b);
        const edits = changes.reduce((n, c) => n + (c.aEnd - c.aStart) + (c.bEnd - c.bStart), 0);
        expect(edits).toBe(a.length + b.length - 2 * lcs(a, b));
      }),
      { numRuns: 500 },
    );
  });
});
