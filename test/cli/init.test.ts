import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { tempDir, zwgk } from '../_helpers/cli.js';

let cleanup = () => {};
afterEach(() => cleanup());

const ROOT = join(import.meta.dirname, '../..');

/** The zwgk commands a CI file runs (`npx zwgk …`), as argument lists. */
function zwgkCommands(lines: readonly string[]): string[][] {
  return lines.filter((l) => l.startsWith('npx zwgk ')).map((l) => l.slice('npx zwgk '.length).split(/\s+/));
}

describe('zwgk init (built CLI)', () => {
  it('sets up a repository whose own CI checks pass', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const r = zwgk(['init'], t.dir);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['zwgk.config.yaml', 'catalogs/yiwu-jiaoyu.yaml', '.github/workflows/zwgk.yml', '.gitlab-ci.yml', '.pre-commit-config.yaml', 'package.json', '.gitignore']) {
      expect(existsSync(join(t.dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(t.dir, 'package.json'), 'utf8'));
    expect(pkg.devDependencies.zwgk).toBe(`^${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);

    const workflow = YAML.parse(readFileSync(join(t.dir, '.github/workflows/zwgk.yml'), 'utf8'));
    const steps = workflow.jobs.zwgk.steps.map((s: { run?: string }) => s.run).filter(Boolean) as string[];
    const gitlab = YAML.parse(readFileSync(join(t.dir, '.gitlab-ci.yml'), 'utf8')).zwgk.script as string[];
    const hook = YAML.parse(readFileSync(join(t.dir, '.pre-commit-config.yaml'), 'utf8')).repos[0].hooks[0];
    const commands = [...zwgkCommands(steps), ...zwgkCommands(gitlab), [...hook.entry.split(' ').slice(2), 'catalogs/yiwu-jiaoyu.yaml']];
    expect(commands.length).toBe(3);
    for (const args of commands) {
      const run = zwgk(args, t.dir);
      expect(run.status, `${args.join(' ')}\n${run.stdout}${run.stderr}`).toBe(0);
    }
    expect(readFileSync(join(t.dir, 'zwgk-summary.md'), 'utf8')).toContain('没有发现问题');
    expect(JSON.parse(readFileSync(join(t.dir, 'zwgk.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it('leaves existing files as they are', () => {
    const t = tempDir({ 'package.json': '{"name":"mine"}\n' });
    cleanup = t.cleanup;
    const r = zwgk(['init'], t.dir);
    expect(r.stdout).toContain('已存在，未改动：\n  package.json');
    expect(readFileSync(join(t.dir, 'package.json'), 'utf8')).toBe('{"name":"mine"}\n');
    writeFileSync(join(t.dir, 'catalogs/yiwu-jiaoyu.yaml'), 'domain: 我的\n');
    zwgk(['init'], t.dir);
    expect(readFileSync(join(t.dir, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8')).toBe('domain: 我的\n');
  });
});
