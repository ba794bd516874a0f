import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJson, parseJsonReport, readJsonReport } from '../_helpers/json.js';

const ROOT = join(import.meta.dirname, '../..');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup(files: Record<string, string | Uint8Array>): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk validate (built CLI)', () => {
  it('passes the shipped catalogs with exit 0', () => {
    const r = zwgk(['validate', 'catalogs'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✔ 检查了 \d+ 个文件，没有发现问题/);
  });

  it('reports findings with file:line:column, code frame and exit 1', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('method: 主动', 'method: 主动公开')) });
    const r = zwgk(['validate', '.'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('a.yaml');
    expect(r.stdout).toMatch(/14:17\s+错误\s+二级事项“法律法规”的公开方式/);
    expect(r.stdout).toContain('> 14 |         method: 主动公开');
    expect(r.stdout).toContain('schema/enum');
  });

  it('gives the same findings as JSON with the documented shape', () => {
    const dir = setup({
      'a.yaml': catalog(validItem().replace('一微一端', '').replace('[政府网站]', '[政府网站, 一微一端]')),
    });
    const r = zwgk(['validate', 'a.yaml', '--format', 'json'], dir);
    expect(r.status).toBe(0);
    const report = parseJsonReport(r.stdout);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 1, fatal: false });
    expect(report.diagnostics[0]).toMatchObject({
      code: 'channel-known',
      severity: 'warning',
      file: 'a.yaml',
      pointer: '/items/0/items/0/channels/1',
      path: ['items', 0, 'items', 0, 'channels', 1],
      range: { start: { line: 12, column: 26 }, end: { line: 12, column: 30 } },
    });
    expect(report.diagnostics[0]!.hint).toContain('两微一端');
  });

  it('fails on warnings beyond --max-warnings, and hides them with --quiet', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('[政府网站]', '[政府网站, 一微一端]')) });
    expect(zwgk(['validate', '.', '--max-warnings', '0'], dir).status).toBe(1);
    expect(zwgk(['validate', '.', '--max-warnings', '1'], dir).status).toBe(0);
    const quiet = zwgk(['validate', '.', '--quiet'], dir);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('channel-known');
  });

  it('speaks English with --lang en', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('method: 主动', 'method: 主动公开')) });
    const r = zwgk(['validate', '.', '--lang', 'en'], dir);
    expect(r.stdout).toMatch(
      /14:17\s+error\s+The method \(公开方式\) of level-2 item "法律法规" must be "主动" or "依申请"/,
    );
  });

  it.each([
    ['a missing file', ['validate', 'nope.yaml'], {}],
    [
      'a GBK file',
      ['validate', 'gbk.yaml'],
      { 'gbk.yaml': new Uint8Array([0x64, 0x3a, 0x20, 0xd2, 0xe5, 0xce, 0xf1, 0x0a]) },
    ],
    ['an Excel file named .yaml', ['validate', 'x.yaml'], { 'x.yaml': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]) }],
    ['an empty directory', ['validate', 'empty'], { 'empty/readme.txt': 'x' }],
  ])('exits 2 with a message for %s, without a stack trace', (_, args, files) => {
    const dir = setup(files);
    const r = zwgk(args, dir);
    expect(r.status).toBe(2);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(r.stdout).toMatch(/file\/(not-found|encoding|binary)/);
  });

  it('exits 2 on a usage error', () => {
    const r = zwgk(['validate', '--format', 'xml'], ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('xml');
    expect(zwgk(['frobnicate'], ROOT).status).toBe(2);
  });

  it('writes the report to a file with -o and leaves stdout empty', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    const r = zwgk(['validate', '.', '-f', 'json', '-o', 'out.json'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readJsonReport(join(dir, 'out.json')).summary.files).toBe(1);
  });

  it('skips hidden folders, node_modules and config files when given a directory', () => {
    const dir = setup({
      'a.yaml': catalog(validItem()),
      '.github/workflows/ci.yml': 'on: push\n',
      'node_modules/x/y.yaml': 'x: 1\n',
      'zwgk.config.yaml': 'lang: zh\n',
    });
    const r = zwgk(['validate', '.', '-f', 'json'], dir);
    expect(parseJsonReport(r.stdout).summary.files).toBe(1);
  });
});

describe('zwgk help, schema and rules', () => {
  it('--help lists the commands and the exit codes', () => {
    const r = zwgk(['--help'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('退出码');
  });

  it('prints the catalog schema', () => {
    const r = zwgk(['schema'], ROOT);
    expect(r.status).toBe(0);
    expect((parseJson(r.stdout) as { title: string }).title).toBe('基层政务公开事项标准目录');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/zwgk.js schema | head -c 1`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('{');
    expect(r.stderr).toBe('');
  });

  it('lists the rules as JSON', () => {
    const rules = parseJson(zwgk(['rules', '--format', 'json'], ROOT).stdout) as { id: string }[];
    expect(rules.map((r) => r.id)).toContain('channel-known');
  });
});
