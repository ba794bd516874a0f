import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

describe('the parser’s own errors, in the language asked for (built CLI)', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const run = (...args: string[]) => zwgk(args, t.dir);

  it('an unknown option, with the suggestion, exit 2', () => {
    const zh = run('validate', '--quiett');
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('zwgk: 没有选项 --quiett（是不是想写 --quiet？）。用 --help 查看用法。\n');
    const en = run('render', 'a.yaml', '-o', 'x.html', '-q', '--lang', 'en');
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('zwgk: Unknown option -q. See --help for usage.\n');
  });

  it('a required option, a missing value, a value not among the choices, an unknown command', () => {
    expect(run('render', 'a.yaml').stderr).toContain('缺少必需的选项 -o, --output <path>');
    expect(run('render', 'a.yaml', '--lang', 'en').stderr).toContain('The option -o, --output <path> is required');
    expect(run('validate', '-f').stderr).toContain('选项 -f, --format <format> 后面缺少值');
    const choice = run('validate', '-f', 'xml');
    expect(choice.status).toBe(2);
    expect(choice.stderr).toContain('选项 -f, --format <format> 的值“xml”无效：可选：stylish、json');
    expect(run('validate', '--max-warnings', 'x', '--lang', 'en').stderr).toContain(
      'The value "x" of option --max-warnings <n> is invalid: Expected a whole number ≥ 0.',
    );
    const cmd = run('valdate');
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain('没有命令 valdate（是不是想写 validate？）');
    for (const r of [run('validate', '-f'), run('render', 'a.yaml', '--lang', 'en'), cmd])
      expect(r.stderr).not.toMatch(/^error:|\berror: /m);
  });
});
