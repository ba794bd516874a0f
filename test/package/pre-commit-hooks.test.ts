import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';

// .pre-commit-hooks.yaml: what catalog repositories run. pre-commit itself runs them in the client suite
// (test/clients/pre-commit-hook.test.ts); this checks how they are declared.
const ROOT = join(import.meta.dirname, '../..');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude: string;
}

describe('the pre-commit hooks this repository offers', () => {
  const hooks = YAML.parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('run commands of the committed portable file, which pre-commit runs as it is (no install, no build)', () => {
    expect(hooks.map((h) => h.id)).toEqual(['zwgk-validate', 'zwgk-fix']);
    const tracked = execFileSync('git', ['ls-files', '-s', '--', 'bin/zwgk.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(tracked, 'bin/zwgk.mjs is committed, executable').toMatch(/^100755 /);
    for (const hook of hooks) {
      const [file, command] = hook.entry.split(' ');
      expect(hook.language).toBe('script');
      expect(file).toBe('bin/zwgk.mjs');
      expect(command).toBe(hook.id.replace(/^zwgk-/, ''));
    }
  });

  it('take catalogs and leave configuration files alone', () => {
    for (const hook of hooks) {
      const files = new RegExp(hook.files);
      const exclude = new RegExp(hook.exclude);
      const taken = (path: string) => files.test(path) && !exclude.test(path);
      expect(['catalogs/yiwu-jiaoyu.yaml', 'a/b.yml'].every(taken)).toBe(true);
      expect(['zwgk.config.yaml', 'sub/.zwgkrc.yml', 'README.md', 'table.xlsx'].some(taken)).toBe(false);
    }
  });
});
