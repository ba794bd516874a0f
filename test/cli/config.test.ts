import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { readJsonReport } from '../_helpers/json.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup(files: Record<string, string>): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

const WITH_LOCAL_CHANNEL = catalog(validItem().replace('[政府网站]', '[政府网站, 街道大喇叭]'));

describe('configuration', () => {
  it('rule severities from .zwgkrc.yaml apply; flags override the language', () => {
    const dir = setup({ 'a.yaml': WITH_LOCAL_CHANNEL, '.zwgkrc.yaml': 'lang: en\nrules:\n  channel-known: error\n' });
    const r = zwgk(['validate', 'a.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error\s+"街道大喇叭" is not a standard channel name/);
    expect(zwgk(['validate', 'a.yaml', '--lang', 'zh'], dir).stdout).toContain('不是标准的公开渠道名称');
  });

  it('local vocabulary in zwgk.config.yaml silences the finding', () => {
    const dir = setup({ 'a.yaml': WITH_LOCAL_CHANNEL, 'zwgk.config.yaml': 'vocabulary:\n  channels: [街道大喇叭]\n' });
    expect(zwgk(['validate', 'a.yaml'], dir).status).toBe(0);
  });

  it('package.json#zwgk is read', () => {
    const dir = setup({
      'a.yaml': WITH_LOCAL_CHANNEL,
      'package.json': '{"name":"x","zwgk":{"rules":{"channel-known":"off"}}}',
    });
    expect(zwgk(['validate', 'a.yaml', '--max-warnings', '0'], dir).status).toBe(0);
  });

  it('--no-config ignores the file', () => {
    const dir = setup({ 'a.yaml': WITH_LOCAL_CHANNEL, '.zwgkrc.yaml': 'rules:\n  channel-known: error\n' });
    expect(zwgk(['validate', 'a.yaml', '--no-config'], dir).status).toBe(0);
  });

  it('a mistake in the configuration is reported with its position and exit 2', () => {
    const dir = setup({
      'a.yaml': catalog(validItem()),
      '.zwgkrc.yaml': 'rules:\n  channel-know: error\n  method-required: fatal\n',
    });
    const r = zwgk(['validate', 'a.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/\.zwgkrc\.yaml/);
    expect(r.stdout).toMatch(/2:3\s+错误\s+没有名为“channel-know”的规则/);
    expect(r.stdout).toContain('channel-known');
    expect(r.stdout).toMatch(/3:20\s+错误/);
  });

  it('ignore globs skip files when a directory is checked', () => {
    const dir = setup({
      'a.yaml': catalog(validItem()),
      'drafts/b.yaml': 'x: 1\n',
      'zwgk.config.yaml': 'ignore: ["drafts/**"]\n',
    });
    expect(zwgk(['validate', '.'], dir).status).toBe(0);
  });

  it('an explicit --config that does not exist is an error', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    const r = zwgk(['validate', 'a.yaml', '--config', 'nope.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('找不到配置文件');
  });

  it('an invalid language in the configuration is reported, not a crash', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()), 'zwgk.config.yaml': 'lang: fr\n' });
    const r = zwgk(['validate', 'a.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/1:7\s+错误\s+配置的消息语言只能是“zh”或“en”/);
    expect(r.stdout + r.stderr).not.toContain('内部错误');
  });

  it('a YAML syntax error in the configuration has its position', () => {
    const dir = setup({
      'a.yaml': catalog(validItem()),
      'zwgk.config.yaml': 'rules:\n  level-required: off\n   channel-known: error\n',
    });
    const r = zwgk(['validate', 'a.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/zwgk\.config\.yaml\n\s+[23]:\d+\s+错误\s+值里出现了“: ”：可能是下一行缩进多了/);
  });

  it('configuration errors follow --format and -o', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()), '.zwgkrc.yaml': 'rules:\n  nope: error\n' });
    const r = zwgk(['validate', 'a.yaml', '-f', 'json', '-o', 'out.json'], dir);
    expect(r.status).toBe(2);
    const report = readJsonReport(join(dir, 'out.json'));
    expect(report.summary.fatal).toBe(true);
    expect(report.diagnostics[0]).toMatchObject({
      code: 'config/unknown-rule',
      file: '.zwgkrc.yaml',
      pointer: '/rules/nope',
    });
  });
});
