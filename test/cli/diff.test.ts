import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { cellText, loadWorkbook } from '../_helpers/excel.js';
import { parseDiffJson, parseJson } from '../_helpers/json.js';
import { mutated, OLD } from '../_helpers/diff-scenario.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

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
    const report = parseDiffJson(r.stdout);
    const changes = report.pairs[0]!.changes;
    const kinds = changes.map((c) => `${c.kind}${'field' in c ? ':' + c.field : ''}/${c.class}`).sort();
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
    expect(md.stdout).toContain('| 类别 | 变更 | 事项 | 要素 | 修改前 | 修改后 | 位置 |');
    expect(md.stdout).toContain('| 减少公开 | 修改 | 监督检查 › 年度监督检查计划 | 公开方式 | 主动 | 依申请 |');
    expect(md.stdout.match(/\| 减少公开 \|/g)).toHaveLength(2);
  });

  it('writes JSON in the shape its published schema documents', () => {
    const dir = setup();
    const schema = parseJson(zwgk(['schema', 'diff-report'], dir).stdout) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const args of [
      ['old/a.yaml', 'new/a.yaml'],
      ['new', 'old'],
      ['old', 'old'],
    ]) {
      const report = parseJson(zwgk(['diff', ...args, '-f', 'json'], dir).stdout);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
    const broken = parseDiffJson(zwgk(['diff', 'old', 'new', '-f', 'json'], dir).stdout);
    Reflect.deleteProperty(broken.pairs[0]!.changes[0]!, 'severity');
    expect(validate(broken)).toBe(false);
  });

  it('files the same changes as an HTML page and an Excel workbook, byte for byte reproducible', async () => {
    const dir = setup();
    expect(zwgk(['diff', 'old', 'new', '-f', 'html', '-o', 'r.html', '--fail-on', 'reduces'], dir).status).toBe(1);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.match(/<tr class="\w+ sev-\w+"/g)).toHaveLength(6);
    expect(html.match(/<span class="badge">减少公开<\/span>/g)).toHaveLength(2);
    expect(html).toContain('新增1个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改3个事项');

    expect(zwgk(['diff', 'old', 'new', '-f', 'xlsx', '-o', 'r.xlsx'], dir).status).toBe(0);
    const first = readFileSync(join(dir, 'r.xlsx'));
    zwgk(['diff', 'old', 'new', '-f', 'xlsx', '-o', 'r.xlsx'], dir);
    expect(readFileSync(join(dir, 'r.xlsx')).equals(first)).toBe(true);
    const book = await loadWorkbook(first);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '变更明细']);
    const sheet = book.getWorksheet('变更明细')!;
    const rows = sheet
      .getSheetValues()
      .slice(3)
      .map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows.map((r) => `${cellText(r[2])}/${cellText(r[3])}`).sort()).toEqual(
      ['减少公开/删除', '减少公开/修改', '扩大公开/新增', '扩大公开/新增', '文字修改/改名', '文字修改/移动'].sort(),
    );
    expect(rows.find((r) => r[3] === '修改')!.slice(6, 9)).toEqual(['公开方式', '主动', '依申请']);
    const summary = book.getWorksheet('汇总')!;
    expect(summary.getCell('A3').value).toBe('新增1个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改3个事项');
  });

  it('takes class names, severities and the failing class from the configuration', () => {
    const dir = setup();
    const config = `diff:\n  failOn: reduces\n  classes:\n    reduces: {label: 公开范围缩小}\n    editorial: {severity: 'off'}\n`;
    writeFileSync(join(dir, 'zwgk.config.yaml'), config);
    const r = zwgk(['diff', 'old', 'new'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/\[公开范围缩小\]/g)).toHaveLength(2);
    expect(r.stdout).not.toContain('文字修改');
    expect(r.stdout).toContain('修改3个事项'); // hidden changes still count
    expect(zwgk(['diff', 'old', 'new', '--fail-on', 'none'], dir).status).toBe(0);

    // Only additions: they fail once the configuration makes their class an error.
    const added =
      readFileSync(join(dir, 'old/a.yaml'), 'utf8') +
      '  - name: 另一个一级事项\n    items:\n      - name: 另一个二级事项\n        content: 内容\n';
    writeFileSync(join(dir, 'more.yaml'), added);
    expect(zwgk(['diff', 'old/a.yaml', 'more.yaml', '--fail-on', 'error'], dir).status).toBe(0);
    writeFileSync(join(dir, 'zwgk.config.yaml'), 'diff:\n  classes:\n    extends: {severity: error}\n');
    expect(zwgk(['diff', 'old/a.yaml', 'more.yaml', '--fail-on', 'error'], dir).status).toBe(1);
    expect(zwgk(['diff', 'old/a.yaml', 'more.yaml'], dir).status).toBe(0);

    writeFileSync(join(dir, 'zwgk.config.yaml'), 'diff:\n  classes:\n    reduces: {severity: fatal}\n');
    const bad = zwgk(['diff', 'old', 'new'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/zwgk\.config\.yaml\n\s+3:\d+/);

    // A class name from the configuration cannot act on the terminal: its control characters show as signs.
    writeFileSync(join(dir, 'zwgk.config.yaml'), 'diff:\n  classes:\n    reduces: {label: "缩小\\e[2J"}\n');
    const shown = zwgk(['diff', 'old', 'new'], dir).stdout;
    expect(shown).toContain('[缩小␛[2J]');
    expect(shown).not.toContain('\u001b');
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

  it('adds the changes since a revision to validate’s markdown summary (--diff-base)', () => {
    const t = tempDir({ 'catalogs/a.yaml': OLD });
    cleanup = t.cleanup;
    const git = (...args: string[]) =>
      spawnSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: t.dir, encoding: 'utf8' },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'old');
    writeFileSync(join(t.dir, 'catalogs/a.yaml'), mutated());
    const r = zwgk(['validate', 'catalogs', '-f', 'markdown', '--diff-base', 'HEAD'], t.dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('### 目录检查');
    expect(r.stdout).toContain('### 目录变更');
    expect(r.stdout).toContain('新增1个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改3个事项');
    // The catalogs after the change, and what it added and took away.
    const now = JSON.parse(zwgk(['stats', 'catalogs', '-f', 'json'], t.dir).stdout) as {
      total: { counts: { level1: number; level2: number } };
    };
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      `本次变更后：1个领域、${now.total.counts.level1}个一级事项、${now.total.counts.level2}个二级事项（+1 / +1，−0 / −1）`,
    );
    expect(r.stdout).toContain('| 减少公开 | 修改 | 监督检查 › 年度监督检查计划 | 公开方式 | 主动 | 依申请 |');
  });

  it('--diff-base: an unknown revision, or none outside git, is a usage error naming it; without markdown it says it did nothing', () => {
    const t = tempDir({ 'catalogs/a.yaml': OLD });
    cleanup = t.cleanup;
    const outside = zwgk(['validate', 'catalogs', '-f', 'markdown', '--diff-base', 'nosuchrev'], t.dir);
    expect(outside.status).toBe(2);
    expect(outside.stdout).toBe('');
    expect(outside.stderr).toContain('“nosuchrev”不是 git 版本：当前目录不在 git 仓库中');
    const git = (...args: string[]) =>
      spawnSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: t.dir, encoding: 'utf8' },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'old');
    const unknown = zwgk(['validate', 'catalogs', '-f', 'markdown', '--diff-base', 'nosuchrev', '--lang', 'en'], t.dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"nosuchrev" is not a git revision: this repository has no such revision');
    const idle = zwgk(['validate', 'catalogs', '--diff-base', 'HEAD'], t.dir);
    expect(idle.status).toBe(0);
    expect(idle.stderr).toContain('--diff-base 只用于 markdown 汇总');
    const side = zwgk(['diff', 'nosuchrev', 'HEAD'], t.dir);
    expect(side.status).toBe(2);
    expect(side.stderr).toContain('“nosuchrev”既不是文件或目录，也不是 git 版本：这个仓库中没有这个版本');
    expect(side.stderr).toContain('HEAD~1');
  });

  it('reads git revisions with git itself: rev -- paths, and rev:path', () => {
    const t = tempDir({ 'catalogs/a.yaml': OLD, 'notes.txt': 'x' });
    cleanup = t.cleanup;
    const git = (...args: string[]) => {
      const r = spawnSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: t.dir, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
    };
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'old');
    writeFileSync(join(t.dir, 'catalogs/a.yaml'), mutated());
    git('commit', '-qam', 'new');

    const r = zwgk(['diff', 'HEAD~1', 'HEAD', '-f', 'json', '--', 'catalogs/'], t.dir);
    expect(r.status, r.stderr).toBe(0);
    const report = parseDiffJson(r.stdout);
    expect(report.pairs[0]!.before).toBe('HEAD~1:catalogs/a.yaml');
    expect(report.pairs[0]!.changes).toHaveLength(6);
    expect(report.pairs[0]!.changes.find((c) => c.kind === 'removed')!.beforeLine).toBeGreaterThan(0);

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

  it('a file of a revision past the size limit is refused unread, exit 2, named as rev:path', () => {
    const t = tempDir({ 'catalogs/a.yaml': `${OLD}${'# 注释\n'.repeat(4_000_000)}` });
    cleanup = t.cleanup;
    const git = (...args: string[]) =>
      spawnSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        { cwd: t.dir, encoding: 'utf8' },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'big');
    const r = zwgk(['diff', 'HEAD', 'HEAD', '--lang', 'en', '--', 'catalogs'], t.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('HEAD:catalogs/a.yaml');
    expect(r.stderr).toContain('file/too-large');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
