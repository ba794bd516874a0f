import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The repository's .pre-commit-hooks.yaml as a catalog repository uses it, through the pre-commit
// program itself (Debian's package `pre-commit`): `pre-commit try-repo <zwgk> zwgk-validate`.
const ROOT = join(import.meta.dirname, '../..');

function preCommit(args: string[], cwd: string, home: string) {
  const run = spawnSync('pre-commit', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: '1' },
  });
  if (run.error)
    throw new Error(`pre-commit could not be run (${run.error.message}): install it, e.g. apt-get install pre-commit`);
  return { status: run.status, output: run.stdout + run.stderr };
}

function git(args: string[], cwd: string): void {
  execFileSync('git', ['-c', 'user.name=zwgk', '-c', 'user.email=zwgk@example.org', ...args], { cwd, stdio: 'pipe' });
}

describe('the pre-commit hooks of this repository', () => {
  let work: string;
  let repo: string;
  let home: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'zwgk-pre-commit-'));
    home = join(work, 'cache');
    // A catalog repository with the shipped catalogs, outside this repository.
    repo = join(work, 'catalogs-repo');
    mkdirSync(join(repo, 'catalogs'), { recursive: true });
    for (const file of readdirSync(join(ROOT, 'catalogs')).filter((f) => f.endsWith('.yaml')))
      copyFileSync(join(ROOT, 'catalogs', file), join(repo, 'catalogs', file));
    git(['init', '-q'], repo);
    git(['add', '.'], repo);
    git(['commit', '-qm', 'catalogs'], repo);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('run the committed portable file, which needs no build and is executable', () => {
    const mode = execFileSync('git', ['ls-files', '-s', 'bin/zwgk.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(mode).toMatch(/^100755 /);
    expect(readFileSync(join(ROOT, 'bin/zwgk.mjs'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(statSync(join(ROOT, 'bin/zwgk.mjs')).size).toBeGreaterThan(100_000);
  });

  it('zwgk-validate passes on good catalogs', () => {
    const run = preCommit(['try-repo', ROOT, 'zwgk-validate', '--all-files'], repo, home);
    expect(run.output).toMatch(/zwgk validate.*Passed/);
    expect(run.status, run.output).toBe(0);
  });

  it('zwgk-validate fails on a bad catalog and shows the finding with its place', () => {
    const bad = join(repo, 'catalogs', 'yiwu-jiaoyu.yaml');
    writeFileSync(bad, readFileSync(bad, 'utf8').replace(/ {2}method: 主动/, '  method: 随便'));
    git(['add', '.'], repo);
    try {
      const run = preCommit(['try-repo', ROOT, 'zwgk-validate', '--all-files'], repo, home);
      expect(run.status, run.output).toBe(1);
      expect(run.output).toMatch(/zwgk validate.*Failed/);
      // The file, then each finding under it: line:column, what is wrong, the rule.
      expect(run.output).toMatch(/catalogs\/yiwu-jiaoyu\.yaml\n\s+\d+:\d+\s+错误\s/);
      expect(run.output).toContain('schema/enum');
      expect(run.output).toMatch(/> \d+ \|\s+method: 随便/);
    } finally {
      git(['checkout', '--', '.'], repo);
    }
  });
});
