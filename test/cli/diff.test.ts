import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const OLD = readFileSync(join(ROOT, 'catalogs/anquan-shengchan.yaml'), 'utf8');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** A 二级事项's whole block in the shipped catalog: its name line and the lines under it. */
function block(text: string, name: string): string {
  const found = new RegExp(`      - name: ${name}\n(?:(?: {8}.*|\\s*)\n)*?(?=      - name: |  - name: |$)`).exec(text);
  if (!found) throw new Error(`no item ${name}`);
  return found[0];
}

/**
 * The scenario on a shipped catalog: one 二级事项 removed, one renamed, one moved (to a 一级事项
 * with the same inherited elements), one turned from 主动 to 依申请, and one new 一级事项.
 */
function mutated(): string {
  let text = OLD.replace(block(OLD, '部门规章和地方性法规规章'), '');
  text = text.replace('      - name: 标准\n', '      - name: 安全生产标准\n');
  const moving = block(text, '重大决策草案');
  text = text.replace(moving, '');
  const target = text.indexOf('    items:\n', text.indexOf('  - name: 行政处罚\n')) + '    items:\n'.length;
  text = text.slice(0, target) + moving + text.slice(target);
  text = text.replace('      - name: 年度监督检查计划\n', '      - name: 年度监督检查计划\n        method: 依申请\n');
  return text + '  - name: 新设一级事项\n    items:\n      - name: 新设二级事项\n        content: 新内容\n';
}

function setup(): string {
  const t = tempDir({ 'old/a.yaml': OLD, 'new/a.yaml': mutated() });
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk diff (built CLI)', () => {
  it('the mutated copy is itself a valid catalog', () => {
    const dir = setup();
    const r = zwgk(['validate', 'new/a.yaml', '-q'], dir);
    expect(r.stdout).toContain('没有发现问题');
    expect(r.status).toBe(0);
  });

  it('reports exactly the changes made, classified, with lines, as JSON', () => {
    const dir = setup();
    const r = zwgk(['diff', 'old/a.yaml', 'new/a.yaml', '-f', 'json'], dir);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    const changes = report.pairs[0].changes as { kind: string; class: string; field?: string; beforeLine?: number; afterLine?: number; id: string }[];
    const kinds = changes.map((c) => `${c.kind}${c.field ? ':' + c.field : ''}/${c.class}`).sort();
    expect(kinds).toEqual([
      'added/extends',
      'added/extends',
      'changed:method/reduces',
      'moved/editorial',
      'removed/reduces',
      'renamed/editorial',
    ]);
    expect(report.totals.added).toEqual({ level1: 1, level2: 1 });
    expect(report.totals.removed).toEqual({ level1: 0, level2: 1 });
    for (const c of changes) {
      if (c.kind !== 'added') expect(c.beforeLine, c.id).toBeGreaterThan(0);
      if (c.kind !== 'removed') expect(c.afterLine, c.id).toBeGreaterThan(0);
    }
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
  });

  it('prints the same changes as text and Markdown, with the officials’ summary', () => {
    const dir = setup();
    const text = zwgk(['diff', 'old', 'new', '--baseline'], dir);
    expect(text.stdout).toContain('较基准目录新增1个一级事项、1个二级事项，删除0个一级事项、1个二级事项');
    expect(text.stdout.match(/\[减少公开\]/g)).toHaveLength(2);
    const md = zwgk(['diff', 'old', 'new', '-f', 'markdown'], dir);
    expect(md.stdout).toContain('| 类别 | 变更 | 事项 | 内容 | 位置 |');
    expect(md.stdout.match(/\| 减少公开 \|/g)).toHaveLength(2);
  });

  it('--fail-on reduces exits 1; --fail-on none exits 0; same catalog exits 0 with any', () => {
    const dir = setup();
    expect(zwgk(['diff', 'old/a.yaml', 'new/a.yaml', '--fail-on', 'reduces'], dir).status).toBe(1);
    expect(zwgk(['diff', 'old/a.yaml', 'new/a.yaml', '--fail-on', 'none'], dir).status).toBe(0);
    expect(zwgk(['diff', 'old/a.yaml', 'old/a.yaml', '--fail-on', 'any'], dir).status).toBe(0);
  });

  it('exits 2 with positions when an input is invalid or missing', () => {
    const t = tempDir({ 'a.yaml': OLD, 'b.yaml': OLD.replace('method: 主动', 'method: 主动公开') });
    cleanup = t.cleanup;
    const r = zwgk(['diff', 'a.yaml', 'b.yaml'], t.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/b\.yaml\n\s+\d+:\d+\s+错误/);
    expect(zwgk(['diff', 'a.yaml', 'nope.yaml'], t.dir).status).toBe(2);
  });

  it('reads git revisions with git itself: rev -- paths, and rev:path', () => {
    const t = tempDir({ 'catalogs/a.yaml': OLD, 'notes.txt': 'x' });
    cleanup = t.cleanup;
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: t.dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'old');
    writeFileSync(join(t.dir, 'catalogs/a.yaml'), mutated());
    git('commit', '-qam', 'new');

    const r = zwgk(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--', 'catalogs/'], t.dir);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.pairs[0].before).toBe('HEAD~1:catalogs/a.yaml');
    expect(report.pairs[0].changes).toHaveLength(6);
    expect(report.pairs[0].changes.find((c: { kind: string }) => c.kind === 'removed').beforeLine).toBeGreaterThan(0);

    const single = zwgk(['diff', 'HEAD~1:catalogs/a.yaml', 'HEAD:catalogs/a.yaml', '--fail-on', 'reduces'], t.dir);
    expect(single.status).toBe(1);
    expect(single.stdout).toContain('HEAD:catalogs/a.yaml:');

    const mixed = zwgk(['diff', 'HEAD', 'catalogs', '--', 'catalogs'], t.dir);
    expect(mixed.status).toBe(0);
    expect(mixed.stdout).toContain('修改0个事项');

    const bad = zwgk(['diff', 'nosuchrev', 'HEAD', '--', 'catalogs'], t.dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('nosuchrev');
  });
});
