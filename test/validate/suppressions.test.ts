import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { readSuppressions } from '../../src/validate/suppressions.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { fixText } from '../../src/fix/fix-text.js';
import { tempDir, zwgk } from '../_helpers/cli.js';

const options = resolveValidateOptions({ lang: 'zh' });
const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/anquan-shengchan.yaml'), 'utf8');
let cleanup = () => {};
afterEach(() => cleanup());

/** The catalog with an alias channel (channel-known) at the defaults, and `comment` placed on the line above it. */
function withAlias(comment = ''): string {
  return CATALOG.replace('  channels: [政府网站, 两微一端, 公开查阅点]\n', `${comment}  channels: [政府网站, 一微一端, 公开查阅点]\n`);
}

async function check(text: string) {
  const t = tempDir({ 'a.yaml': text });
  cleanup = t.cleanup;
  const report = await validateFiles(['a.yaml'], options, t.dir);
  return report.diagnostics.map((d) => `${d.range?.start.line}:${d.code}`);
}

const aliasLine = (text: string) => text.split('\n').findIndex((l) => l.includes('一微一端')) + 1;

describe('suppression comments', () => {
  it('reads next-line and range comments with their rules and reasons', () => {
    const text = ['a: 1', '# zwgk-disable-next-line channel-known, basis-citation -- 本地特有渠道', '', '# 注释', 'b: 2', '# zwgk-disable level-required', 'c: 3', '# zwgk-enable', 'd: 4'].join('\n');
    expect(readSuppressions(text).map((s) => ({ kind: s.kind, rules: s.rules, reason: s.reason, from: s.from, to: s.to }))).toEqual([
      { kind: 'next-line', rules: ['channel-known', 'basis-citation'], reason: '本地特有渠道', from: 5, to: 5 },
      { kind: 'range', rules: ['level-required'], reason: undefined, from: 7, to: 7 },
    ]);
  });

  it('hides the finding on the next line when a reason is given', async () => {
    const plain = await check(withAlias());
    expect(plain).toContain(`${aliasLine(withAlias())}:channel-known`);
    expect(await check(withAlias('  # zwgk-disable-next-line channel-known -- 本地把两微一端称为一微一端\n'))).toEqual([]);
  });

  it('reports a suppression without a reason, one naming no known rule, and one that hides nothing', async () => {
    const text = withAlias('  # zwgk-disable-next-line channel-known\n') + '# zwgk-disable-next-line no-such-rule -- x\n# zwgk-disable level-required -- 乡级暂不公开\n';
    const found = await check(text);
    const at = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(found).toEqual([`${at('channel-known')}:suppression/no-reason`, `${at('no-such-rule')}:suppression/unknown-rule`, `${at('level-required --')}:suppression/unused`]);
  });

  it('covers a range down to zwgk-enable, and no further', async () => {
    const inside = withAlias('  # zwgk-disable channel-known -- 待统一修改\n').replace('  audience: 全社会\n', '  audience: 全社会\n  # zwgk-enable\n');
    expect(await check(inside)).toEqual([]);
    const before = withAlias('  # zwgk-disable channel-known -- 待统一修改\n  # zwgk-enable\n');
    expect(await check(before)).toEqual([`${aliasLine(before) - 2}:suppression/unused`, `${aliasLine(before)}:channel-known`].sort());
  });

  it('never hides that a file cannot be read as YAML', async () => {
    expect((await check('# zwgk-disable yaml/syntax -- x\nitems: [a\n')).some((f) => f.endsWith(':yaml/syntax'))).toBe(true);
  });

  it('keeps zwgk fix away from what it suppresses', () => {
    const text = withAlias('  # zwgk-disable-next-line channel-known -- 本地把两微一端称为一微一端\n');
    expect(fixText('a.yaml', text, options).text).toBe(text);
    expect(fixText('a.yaml', withAlias(), options).text).toContain('两微一端');
  });

  it('works through the CLI, in every format', () => {
    const t = tempDir({ 'a.yaml': withAlias('  # zwgk-disable-next-line channel-known\n') });
    cleanup = t.cleanup;
    const r = zwgk(['validate', 'a.yaml', '-f', 'github'], t.dir);
    expect(r.stdout).toMatch(/^::warning file=a\.yaml,line=\d+,col=3,.*title=zwgk suppression\/no-reason::/m);
    expect(r.stdout).not.toContain('channel-known::');
    expect(r.status).toBe(0);
  });
});
