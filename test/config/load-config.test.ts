import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** A temporary folder with `files`, removed after the test. */
const setup = (files: Record<string, string | Uint8Array>): string => ({ cleanup } = tempDir(files)).dir;

const BOM = '\uFEFF';
const OFF = '{"rules": {"channel-known": "off"}}';
/** `# 中文` and a rule in GBK: 中文 is d6d0 cec4. */
const GBK_YAML = new Uint8Array([
  0x23,
  0x20,
  0xd6,
  0xd0,
  0xce,
  0xc4,
  0x0a,
  ...new TextEncoder().encode('rules:\n  channel-known: "off"\n'),
]);

describe('loadConfig', () => {
  it('passes over a broken package.json that does not configure zwgk, here or in a folder above', async () => {
    const dir = setup({ 'package.json': '{"name": "x",', 'sub/a.yaml': 'x: 1\n' });
    for (const cwd of [dir, join(dir, 'sub')])
      expect(await loadConfig({ cwd, lang: 'en' })).toEqual({ config: {}, diagnostics: [] });
  });

  it('says where a broken package.json that configures zwgk goes wrong', async () => {
    const dir = setup({ 'package.json': '{"name": "x",\n "zwgk": {"rules": {]}\n' });
    const loaded = await loadConfig({ cwd: dir, lang: 'en' });
    expect(loaded.diagnostics.map((d) => [d.file, d.code, d.range?.start])).toEqual([
      ['package.json', 'yaml/syntax', { line: 2, column: 21 }],
    ]);
  });

  it('reads JSON configurations with a byte-order mark, package.json too', async () => {
    for (const [name, text] of [
      ['.zwgkrc.json', OFF],
      ['zwgk.config.json', OFF],
      ['package.json', `{"zwgk": ${OFF}}`],
      ['.zwgkrc', OFF],
    ] as const) {
      const dir = setup({ [name]: BOM + text });
      const loaded = await loadConfig({ cwd: dir, lang: 'en' });
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.config).toEqual({ rules: { 'channel-known': 'off' } });
      cleanup();
    }
  });

  it('refuses a configuration in GBK with a finding that says so, instead of reading garbled text', async () => {
    const dir = setup({ '.zwgkrc.yaml': GBK_YAML });
    const loaded = await loadConfig({ cwd: dir, lang: 'en' });
    expect(loaded.config).toEqual({});
    expect(loaded.diagnostics.map((d) => [d.file, d.code, d.range?.start])).toEqual([
      ['.zwgkrc.yaml', 'file/encoding', { line: 1, column: 3 }],
    ]);
    expect(loaded.diagnostics[0]!.message).toContain('GBK');
  });

  it("through the command line: a broken package.json above is not the run's business, a GBK configuration stops it with exit 2", () => {
    const dir = setup({
      'package.json': '{"name": "x",',
      'work/a.yaml': catalog(validItem()),
      'gbk/a.yaml': catalog(validItem()),
      'gbk/.zwgkrc.yaml': GBK_YAML,
    });
    const ok = zwgk(['validate', 'a.yaml'], join(dir, 'work'));
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const gbk = zwgk(['validate', 'a.yaml', '--lang', 'en'], join(dir, 'gbk'));
    expect(gbk.status).toBe(2);
    expect(gbk.stdout).toMatch(/\.zwgkrc\.yaml\n\s+1:3\s+error\s+The file is not UTF-8; it looks GBK/);
  });
});
