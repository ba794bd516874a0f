import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveValidateOptions } from '../../src/validate/options.js';
import fc from 'fast-check';
import type { Diagnostic } from '../../src/diagnostics.js';
import { coverFinder, readSuppressions, type Suppression } from '../../src/validate/suppressions.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { fixText } from '../../src/fix/fix-text.js';
import { tempDir, zwgk } from '../_helpers/cli.js';

const options = resolveValidateOptions({ lang: 'zh' });
const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/anquan-shengchan.yaml'), 'utf8');
let cleanup = () => {};
afterEach(() => cleanup());

/** The catalog with an alias channel (channel-known) at the defaults, and `comment` placed on the line above it. */
function withAlias(comment = ''): string {
  return CATALOG.replace(
    '  channels: [政府网站, 两微一端, 公开查阅点]\n',
    `${comment}  channels: [政府网站, 一微一端, 公开查阅点]\n`,
  );
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
    const text = [
      'a: 1',
      '# zwgk-disable-next-line channel-known, basis-citation -- 本地特有渠道',
      '',
      '# 注释',
      'b: 2',
      '# zwgk-disable level-required',
      'c: 3',
      '# zwgk-enable',
      'd: 4',
    ].join('\n');
    expect(
      readSuppressions(text).map((s) => ({ kind: s.kind, rules: s.rules, reason: s.reason, from: s.from, to: s.to })),
    ).toEqual([
      { kind: 'next-line', rules: ['channel-known', 'basis-citation'], reason: '本地特有渠道', from: 5, to: 5 },
      { kind: 'range', rules: ['level-required'], reason: undefined, from: 7, to: 7 },
    ]);
  });

  it('hides the finding on the next line when a reason is given', async () => {
    const plain = await check(withAlias());
    expect(plain).toContain(`${aliasLine(withAlias())}:channel-known`);
    expect(await check(withAlias('  # zwgk-disable-next-line channel-known -- 本地把两微一端称为一微一端\n'))).toEqual(
      [],
    );
  });

  it('reports a suppression without a reason, one naming no known rule, and one that hides nothing', async () => {
    const text =
      withAlias('  # zwgk-disable-next-line channel-known\n') +
      '# zwgk-disable-next-line no-such-rule -- x\n# zwgk-disable level-required -- 乡级暂不公开\n';
    const found = await check(text);
    const at = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(found).toEqual([
      `${at('channel-known')}:suppression/no-reason`,
      `${at('no-such-rule')}:suppression/unknown-rule`,
      `${at('level-required --')}:suppression/unused`,
    ]);
  });

  it('covers a range down to zwgk-enable, and no further', async () => {
    const inside = withAlias('  # zwgk-disable channel-known -- 待统一修改\n').replace(
      '  audience: 全社会\n',
      '  audience: 全社会\n  # zwgk-enable\n',
    );
    expect(await check(inside)).toEqual([]);
    const before = withAlias('  # zwgk-disable channel-known -- 待统一修改\n  # zwgk-enable\n');
    expect(await check(before)).toEqual(
      [`${aliasLine(before) - 2}:suppression/unused`, `${aliasLine(before)}:channel-known`].sort(),
    );
  });

  it('never hides that a file cannot be read as YAML', async () => {
    expect((await check('# zwgk-disable yaml/syntax -- x\nitems: [a\n')).some((f) => f.endsWith(':yaml/syntax'))).toBe(
      true,
    );
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

describe('suppression comments in large numbers', () => {
  /** `n` 二级事项 sharing one code, each under a comment that suppresses code-unique with a reason. */
  const suppressedRepeats = (n: number, code: string, comment: (i: number) => string) => {
    const head =
      `domain: 义务教育\nunit: 青禾区教育局\nlevel_columns: [县级, 乡级]\nitems:\n  - name: 政策\n    code: ${code}\n` +
      '    content: 政策文件\n' +
      '    basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)\n    time_limit: 信息形成或者变更之日起20个工作日内\n    subject: 青禾区教育局\n' +
      '    channels: [政府网站]\n    audience: 全社会\n    method: 主动\n    levels: [县级]\n    items:\n';
    return head + Array.from({ length: n }, (_, i) => `${comment(i)}      - {name: 子${i}, code: ${code}1}\n`).join('');
  };

  it('each finding is matched against the comments of its own line and rule: 30,000 comments and findings are checked at once', async () => {
    const t = tempDir({
      // Every comment hides the repeat on the line below it; the first item's code is not a repeat, so its comment hides nothing.
      'a.yaml': suppressedRepeats(30_000, 'A', () => '      # zwgk-disable-next-line code-unique -- 历史编码\n'),
      // Ranges, each closed before the next opens; the last one is left open (no zwgk-enable follows it), so the later one
      // open to the end hides nothing: the first comment that covers a finding is the one that hides it.
      'b.yaml': suppressedRepeats(30_000, 'B', (i) =>
        i === 29_990
          ? '      # zwgk-disable code-unique -- 到文件末尾\n'
          : `      # zwgk-enable\n      # zwgk-disable code-unique -- 逐项\n`,
      ),
    });
    cleanup = t.cleanup;
    const report = await validateFiles(['a.yaml', 'b.yaml'], resolveValidateOptions({}), t.dir);
    expect(report.diagnostics.map((d) => `${d.file} ${d.code} ${d.range?.start.line}`)).toEqual([
      'a.yaml suppression/unused 16',
      'b.yaml suppression/unused 17',
      'b.yaml suppression/unused 89986',
    ]);
  }, 60_000);
});

describe('coverFinder', () => {
  it('finds the comment that scanning every comment in order finds', () => {
    const rule = fc.constantFrom('code-unique', 'channel-known', 'schema/required');
    const comment = fc.record({
      kind: fc.constantFrom('next-line' as const, 'range' as const),
      rules: fc.uniqueArray(rule, { maxLength: 2 }),
      from: fc.integer({ min: 1, max: 30 }),
      span: fc.integer({ min: 0, max: 15 }),
    });
    fc.assert(
      fc.property(
        fc.array(comment, { maxLength: 12 }),
        fc.array(fc.tuple(rule, fc.integer({ min: 1, max: 45 })), { maxLength: 20 }),
        (comments, findings) => {
          // In a file's order, as readSuppressions gives them: a range starts on the line after its comment.
          const list: Suppression[] = [...comments]
            .sort((a, b) => a.from - b.from)
            .map((c) => ({
              kind: c.kind,
              rules: c.rules,
              range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
              from: c.from,
              to: c.kind === 'range' ? c.from + c.span : c.from,
            }));
          const find = coverFinder(list);
          for (const [code, line] of findings) {
            const d = {
              code,
              severity: 'error',
              message: '',
              file: 'a.yaml',
              path: [],
              pointer: '',
              range: { start: { line, column: 1 }, end: { line, column: 2 } },
            } as Diagnostic;
            expect(find(d)).toBe(list.find((s) => s.rules.includes(code) && line >= s.from && line <= s.to));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('readSuppressions', () => {
  it('points a run of 60,000 next-line comments, blank lines among them, at the one line of content after them', () => {
    const text = `a: 1\n${'# zwgk-disable-next-line code-unique -- 历史编码\n\n'.repeat(60_000)}b: 2\n# zwgk-disable-next-line code-unique -- 末尾\n`;
    const found = readSuppressions(text);
    expect(found).toHaveLength(60_001);
    expect(found.slice(0, -1).every((s) => s.from === 120_002 && s.to === 120_002)).toBe(true);
    expect(found[0]!.range.start.line).toBe(2);
    // The last comment has no content after it: it covers no line of the file.
    expect(found.at(-1)!.from).toBe(120_005);
  });
});
