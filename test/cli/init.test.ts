import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { readSarif } from '../_helpers/json.js';

let cleanup = () => {};
afterEach(() => cleanup());

const ROOT = join(import.meta.dirname, '../..');

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NPX = /^npx (?:--no-install )?zwgk /;

/** The zwgk commands a CI file runs (`npx --no-install zwgk …`), as argument lists. */
function zwgkCommands(lines: readonly string[]): string[][] {
  return lines.filter((l) => NPX.test(l)).map((l) => l.replace(NPX, '').split(/\s+/));
}

function devDependency(dir: string): unknown {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, unknown> })
    .devDependencies.zwgk;
}

describe('zwgk init (built CLI)', () => {
  it('sets up a repository whose own CI checks pass', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const r = zwgk(['init'], t.dir);
    expect(r.status, r.stderr).toBe(0);
    for (const f of [
      'zwgk.config.yaml',
      'catalogs/yiwu-jiaoyu.yaml',
      '.github/workflows/zwgk.yml',
      '.gitlab-ci.yml',
      '.pre-commit-config.yaml',
      'package.json',
      '.gitignore',
    ]) {
      expect(existsSync(join(t.dir, f)), f).toBe(true);
    }
    expect(devDependency(t.dir)).toBe(VERSION);
    expect(r.stdout).toMatch(
      /下一步：\n {2}1\. npm install .*\n {2}2\. npx zwgk validate catalogs .*\n {2}3\. 提交全部文件，包括 package-lock\.json/,
    );

    const workflow = YAML.parse(readFileSync(join(t.dir, '.github/workflows/zwgk.yml'), 'utf8')) as {
      jobs: { zwgk: { steps: { run?: string }[] } };
    };
    const steps = workflow.jobs.zwgk.steps.map((s) => s.run).filter(Boolean) as string[];
    const gitlab = (YAML.parse(readFileSync(join(t.dir, '.gitlab-ci.yml'), 'utf8')) as { zwgk: { script: string[] } })
      .zwgk.script;
    const preCommit = YAML.parse(readFileSync(join(t.dir, '.pre-commit-config.yaml'), 'utf8')) as {
      repos: { hooks: { entry: string }[] }[];
    };
    const hook = preCommit.repos[0]!.hooks[0]!;
    const commands = [
      ...zwgkCommands(steps),
      ...zwgkCommands(gitlab),
      [...zwgkCommands([hook.entry + ' '])[0]!.filter(Boolean), 'catalogs/yiwu-jiaoyu.yaml'],
    ];
    expect(commands.length).toBe(3);
    for (const args of commands) {
      const run = zwgk(args, t.dir);
      expect(run.status, `${args.join(' ')}\n${run.stdout}${run.stderr}`).toBe(0);
    }
    expect(readFileSync(join(t.dir, 'zwgk-summary.md'), 'utf8')).toContain('没有发现问题');
    expect(readSarif(join(t.dir, 'zwgk.sarif')).runs[0]!.results).toEqual([]);
  });

  it('leaves existing files as they are', () => {
    const t = tempDir({ 'package.json': '{"name":"mine"}\n' });
    cleanup = t.cleanup;
    const r = zwgk(['init'], t.dir);
    expect(r.stdout).toContain('已存在，未改动：\n  package.json');
    expect(r.stdout).toContain(`package.json 已存在：请在其 devDependencies 中加入 "zwgk": "${VERSION}"`);
    expect(readFileSync(join(t.dir, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
    writeFileSync(join(t.dir, 'catalogs/yiwu-jiaoyu.yaml'), 'domain: 我的\n');
    zwgk(['init'], t.dir);
    expect(readFileSync(join(t.dir, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8')).toBe('domain: 我的\n');
  });

  it('--zwgk-source: a tarball is named relative to the new repository, with forward slashes', () => {
    const t = tempDir({ 'downloads/zwgk-9.9.9.tgz': 'not really a tarball', 'work/repo/vendor/zwgk-9.9.9.tgz': '' });
    cleanup = t.cleanup;
    const r = zwgk(['init', 'work/repo', '--zwgk-source', 'downloads/zwgk-9.9.9.tgz'], t.dir);
    expect(r.status, r.stderr).toBe(0);
    expect(devDependency(join(t.dir, 'work/repo'))).toBe('file:../../downloads/zwgk-9.9.9.tgz');
    expect(r.stdout).toContain('  1. cd work/repo');
    expect(r.stdout).toContain('CI 上没有这个文件');

    const abs = tempDir();
    const cleanAll = cleanup;
    cleanup = () => {
      cleanAll();
      abs.cleanup();
    };
    const inside = zwgk(
      ['init', '--zwgk-source', join(t.dir, 'work/repo/vendor/zwgk-9.9.9.tgz'), '--lang', 'en'],
      join(t.dir, 'work/repo'),
    );
    expect(inside.status, inside.stderr).toBe(0);
    expect(devDependency(join(t.dir, 'work/repo'))).toBe('file:../../downloads/zwgk-9.9.9.tgz'); // kept, not rewritten
    expect(inside.stdout).toContain(
      'package.json exists: add "zwgk": "file:vendor/zwgk-9.9.9.tgz" to its devDependencies',
    );
    expect(inside.stdout).not.toContain('CI does not have');
    expect(inside.stdout).not.toContain('cd ');

    const fromUrl = zwgk(
      ['init', abs.dir, '--zwgk-source', 'https://mirror.example.gov.cn/zwgk/zwgk-0.1.0.tgz'],
      t.dir,
    );
    expect(fromUrl.status, fromUrl.stderr).toBe(0);
    expect(devDependency(abs.dir)).toBe('https://mirror.example.gov.cn/zwgk/zwgk-0.1.0.tgz');
  });

  it.each([
    [['--zwgk-source', 'zwgk@0.1.0'], 'zwgk: --zwgk-source “zwgk@0.1.0”：只写版本，不写包名'],
    [
      ['--zwgk-source', 'ftp://example.cn/zwgk.tgz', '--lang', 'en'],
      'zwgk: --zwgk-source "ftp://example.cn/zwgk.tgz": npm cannot install from a ftp:// URL',
    ],
    [['--zwgk-source', 'missing/zwgk-0.1.0.tgz'], '--zwgk-source：找不到文件 missing/zwgk-0.1.0.tgz ('],
    [['--zwgk-source', 'folder.tgz', '--lang', 'en'], '--zwgk-source: not a file: folder.tgz ('],
  ])('--zwgk-source %j is a usage error (exit 2) and writes nothing', (args, message) => {
    const t = tempDir({ 'folder.tgz/x': '' });
    cleanup = t.cleanup;
    const r = zwgk(['init', 'repo', ...args], t.dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(t.dir, 'repo'))).toBe(false);
  });
});
