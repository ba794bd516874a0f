import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJsonReport } from '../_helpers/json.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/zwgk.js');
const FIXTURES = join(ROOT, 'test/fix/fixtures');
const IMPORTED = readFileSync(join(FIXTURES, 'imported.yaml'), 'utf8');
const IMPORTED_FIXED = readFileSync(join(FIXTURES, 'imported.fixed.yaml'), 'utf8');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup(files: Record<string, string | Uint8Array>): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('zwgk fix --dry-run', () => {
  it('prints the fixes of an imported catalog as a diff and changes nothing', () => {
    const dir = setup({ 'imported.yaml': IMPORTED });
    const r = zwgk(['fix', '--dry-run', 'imported.yaml'], dir);
    expect(r.status).toBe(0);
    expect(read(dir, 'imported.yaml')).toBe(IMPORTED);
    expect(r.stdout).toMatch(/^--- a\/imported\.yaml\n\+\+\+ b\/imported\.yaml\n@@ /);
    for (const line of [
      '-  - name: 政策 文件',
      '+  - name: 政策文件',
      '-    code: 01',
      '+    code: "01"',
      '+    channels: [政府网站, 两微一端]',
      '+          - 政务服务中心',
      '-        time_limit: 同上',
    ]) {
      expect(r.stdout).toContain(`\n${line}\n`);
    }
    expect(r.stdout).toContain('可以修复 1 个文件中的 21 处问题（--dry-run：文件未改动）。');
    expect(r.stdout).toContain('✔ 检查了 1 个文件，没有发现问题。');
  });

  it('shows control characters of a file name and of a value in the diff as signs, never as commands to the terminal', () => {
    const name = 'imp\u001b[2J.yaml';
    const dir = setup({ [name]: IMPORTED.replace('  - name: 政策 文件', '  - name: 政策 文件\u202e甲') });
    const r = zwgk(['fix', '--dry-run', name], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/imp␛\[2J\.yaml\n\+\+\+ b\/imp␛\[2J\.yaml\n@@ /);
    expect(r.stdout).toContain('\n-  - name: 政策 文件�甲\n');
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it('prints a diff that git apply turns into what a real run writes', () => {
    const dir = setup({ 'imported.yaml': IMPORTED });
    const dry = zwgk(['fix', '--dry-run', '.'], dir);
    // The whole output: git apply passes over the summary and the report after the diff.
    writeFileSync(join(dir, 'fixes.diff'), dry.stdout);
    const applied = spawnSync('git', ['apply', 'fixes.diff'], { cwd: dir, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(read(dir, 'imported.yaml')).toBe(IMPORTED_FIXED);
  });

  it('numbers hunks as diff -u does, and places what remains on the lines of the file on disk', () => {
    // Three “同上” deleted (each hunk starts lower in the fixed file), then an error below them.
    const rows = [1, 2, 3, 4].map((n) =>
      validItem()
        .replace('  - name: 政策文件\n    items:\n', '')
        .replace('法律法规', `法规${n}`)
        .replace(/ {8}time_limit: .*\n/, n > 1 ? '        time_limit: 同上\n' : ''),
    );
    const text = catalog(
      `  - name: 政策文件\n    items:\n${rows.join('')}`,
      'defaults:\n  time_limit: 信息形成或者变更之日起20个工作日内\n',
    ).replace(/method: 主动\n(?![\s\S]*method: 主动\n)/, 'method: 主劫\n');
    const dir = setup({ 'a.yaml': text });
    const dry = zwgk(['fix', '--dry-run', '--lang', 'en', 'a.yaml'], dir);
    expect(read(dir, 'a.yaml')).toBe(text);
    const fixedText = text.replaceAll('        time_limit: 同上\n', '');
    writeFileSync(join(dir, 'b.yaml'), fixedText);
    const real = spawnSync('diff', ['-u', '--label', 'a/a.yaml', '--label', 'b/a.yaml', 'a.yaml', 'b.yaml'], {
      cwd: dir,
      encoding: 'utf8',
    }).stdout;
    expect(real.match(/^@@ .*$/gm)).toHaveLength(3);
    expect(dry.stdout.slice(0, real.length)).toBe(real);
    const line = text.split('\n').indexOf('        method: 主劫') + 1;
    expect(line).toBeGreaterThan(fixedText.split('\n').indexOf('        method: 主劫') + 1);
    expect(dry.stdout).toMatch(new RegExp(`\\n  ${line}:17\\s+error .*schema/enum`));
    expect(dry.stdout).toContain(`> ${line} |         method: 主劫`);
  });

  it('prints a diff that applies to a file with a byte-order mark and CRLF line ends', () => {
    // The fix is on line 2, so the first line, mark included, is context of the diff.
    const text =
      '\uFEFF' +
      catalog(validItem()).replace('unit: 青禾区教育局', 'unit: " 青禾区教育局"  # 单位').replaceAll('\n', '\r\n');
    const dir = setup({ 'a.yaml': text });
    writeFileSync(join(dir, 'fixes.diff'), zwgk(['fix', '--dry-run', 'a.yaml'], dir).stdout);
    const applied = spawnSync('git', ['apply', 'fixes.diff'], { cwd: dir, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    expect(read(dir, 'a.yaml')).toBe(text.replace('" 青禾区教育局"', '"青禾区教育局"'));
  });

  it('finds nothing to fix in the shipped catalogs', () => {
    const r = zwgk(['fix', '--dry-run', 'catalogs'], ROOT);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('--- a/');
    expect(r.stdout).toMatch(/^没有可以自动修复的问题。\n\n✔ 检查了 \d+ 个文件，没有发现问题。\n$/);
  });
});

describe('zwgk fix', () => {
  it('writes the fixes, changing only the fixable parts, and has nothing left to fix on a second run', () => {
    const dir = setup({ 'imported.yaml': IMPORTED, 'clean.yaml': catalog(validItem()) });
    const r = zwgk(['fix'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('修复了 1 个文件中的 21 处问题。');
    expect(read(dir, 'imported.yaml')).toBe(IMPORTED_FIXED);
    expect(read(dir, 'clean.yaml')).toBe(catalog(validItem()));
    const again = zwgk(['fix'], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('没有可以自动修复的问题。');
    expect(read(dir, 'imported.yaml')).toBe(IMPORTED_FIXED);
    expect(readdirSync(dir).sort()).toEqual(['clean.yaml', 'imported.yaml']);
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const text = catalog(validItem().replace('[政府网站]', '[政府网站, 一微一端]')).replaceAll('\n', '\r\n');
    const dir = setup({ 'a.yaml': '\uFEFF' + text });
    expect(zwgk(['fix', 'a.yaml'], dir).status).toBe(0);
    const bytes = readFileSync(join(dir, 'a.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\uFEFF' + text.replace('一微一端', '两微一端'));
  });

  it('reports what remains: exit 1 when errors remain, with the fixable parts fixed', () => {
    const before = catalog(validItem().replace('method: 主动', 'method: 主劫').replace('[政府网站]', '[一微一端]'));
    const dir = setup({ 'a.yaml': before });
    const r = zwgk(['fix', '.'], dir);
    expect(r.status).toBe(1);
    expect(read(dir, 'a.yaml')).toBe(before.replace('一微一端', '两微一端'));
    expect(r.stdout).toContain('修复了 1 个文件中的 1 处问题。');
    expect(r.stdout).toMatch(/14:17\s+错误\s+二级事项“法律法规”的公开方式/);
    expect(r.stdout).toContain('> 14 |         method: 主劫');
  });

  it('never touches a file that is not valid YAML', () => {
    const broken = catalog(validItem().replace('[政府网站]', '[一微一端'));
    const dir = setup({ 'a.yaml': broken });
    const r = zwgk(['fix', 'a.yaml'], dir);
    expect(r.status).toBe(1);
    expect(read(dir, 'a.yaml')).toBe(broken);
    expect(r.stdout).toContain('yaml/syntax');
  });

  it('exits 2 for a file that does not exist', () => {
    const dir = setup({});
    const r = zwgk(['fix', 'nope.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('file/not-found');
  });

  it('leaves a file it cannot write as it was, and exits 2 with a message', () => {
    const text = catalog(validItem().replace('[政府网站]', '[一微一端]'));
    const dir = setup({ 'a.yaml': text });
    chmodSync(join(dir, 'a.yaml'), 0o644);
    chmodSync(dir, 0o555);
    try {
      // Root may write anywhere: run as an ordinary user then.
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const env = { ...process.env, NO_COLOR: '1' };
      const r = spawnSync(process.execPath, [BIN, 'fix', 'a.yaml'], { cwd: dir, env, encoding: 'utf8', ...asUser });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('file/unwritable');
      expect(r.stdout).toContain('无法写入修复后的文件（EACCES），文件保持原样。');
      expect(r.stdout).toContain('1 个文件无法写入，保持原样。');
      expect(r.stdout).toContain('channel-known');
      expect(read(dir, 'a.yaml')).toBe(text);
      expect(readdirSync(dir)).toEqual(['a.yaml']);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('refuses to rewrite a read-only file, naming it, and fixes the file a symbolic link names', () => {
    const text = catalog(validItem().replace('[政府网站]', '[一微一端]'));
    const dir = setup({ 'ro.yaml': text, 'real.yaml': text });
    chmodSync(join(dir, 'ro.yaml'), 0o444);
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const r = zwgk(['fix', 'ro.yaml', 'link.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('ro.yaml 是只读文件，没有写入。');
    expect(read(dir, 'ro.yaml')).toBe(text);
    expect(statSync(join(dir, 'ro.yaml')).mode & 0o777).toBe(0o444);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'real.yaml')).toBe(text.replace('一微一端', '两微一端'));
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml', 'ro.yaml']);
  });

  it('speaks English with --lang en', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('[政府网站]', '[一微一端]')) });
    const r = zwgk(['fix', '--dry-run', '--lang', 'en'], dir);
    expect(r.stdout).toContain('Would fix 1 problem in 1 file (--dry-run: no file changed).');
  });
});

describe('zwgk validate --fix', () => {
  it('fixes, then reports as validate does', () => {
    const dir = setup({ 'imported.yaml': IMPORTED });
    const r = zwgk(['validate', '--fix', '.'], dir);
    expect(r.status).toBe(0);
    expect(read(dir, 'imported.yaml')).toBe(IMPORTED_FIXED);
    expect(r.stdout).toBe('修复了 1 个文件中的 21 处问题。\n\n✔ 检查了 1 个文件，没有发现问题。\n');
  });

  it('gives a plain JSON report with --format json', () => {
    const dir = setup({
      'a.yaml': catalog(validItem().replace('[政府网站]', '[一微一端]').replace('method: 主动', 'method: 主劫')),
    });
    const r = zwgk(['validate', '--fix', '-f', 'json', 'a.yaml'], dir);
    expect(r.status).toBe(1);
    const report = parseJsonReport(r.stdout);
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, fatal: false });
    expect(report.diagnostics.map((d) => d.code)).toEqual(['schema/enum']);
    expect(read(dir, 'a.yaml')).toContain('[两微一端]');
  });
});
