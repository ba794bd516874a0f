// The README's first command on a fresh clone: `npm ci && npx zwgk validate catalogs`. `npm ci` builds
// nothing (the package has no install scripts), so the command builds the checkout on its first run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './scenarios.js';

describe('a fresh clone of the repository', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-clone-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the shipped catalogs with npx zwgk, building itself on the first run only', () => {
    const clone = join(dir, 'zwgk');
    execFileSync('git', ['clone', '-q', ROOT, clone]);
    // What npm ci installs, without downloading it again.
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const first = spawnSync('npx', ['zwgk', 'validate', 'catalogs'], { cwd: clone, encoding: 'utf8' });
    expect(first.stderr).toContain('首次运行，先构建');
    expect(first.stdout).toMatch(/✔ 检查了 \d+ 个文件，没有发现问题。/);
    expect(first.status).toBe(0);
    const again = spawnSync('npx', ['zwgk', 'validate', 'catalogs'], { cwd: clone, encoding: 'utf8' });
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });
});
