import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../../src/catalog/resolve.js';
import { DIFF_FORMATTERS } from '../../../src/diff/format/registry.js';
import type { DiffFormatContext } from '../../../src/diff/format/types.js';
import { classPolicy, DEFAULT_POLICY } from '../../../src/diff/policy.js';
import { buildDiffReport, type DiffReport } from '../../../src/diff/report.js';
import { parseFast } from '../../../src/load/parse-fast.js';
import { cellText, loadWorkbook } from '../../_helpers/excel.js';

function side(file: string, yaml: string) {
  const parsed = parseFast(yaml);
  if (!parsed.ok) throw new Error('bad YAML');
  return { file, catalog: resolveCatalog(parsed.data) };
}

const HEAD = `domain: 义务教育
unit: 青禾区教育局
defaults: {subject: 青禾区教育局, channels: [政府网站], audience: 全社会, method: 主动, levels: [县级], time_limit: 20个工作日内, basis: [《条例》]}
items:
`;
const OLD =
  HEAD +
  `  - name: 招生入学
    items:
      - {name: "a|b <i>", content: x}
      - {name: 录取结果, content: y}
`;
const NEW =
  HEAD +
  `  - name: 招生入学
    items:
      - {name: "a|b <i>", content: "x <script>alert(1)</script>", method: 依申请}
      - {name: 录取名单, content: y}
`;

const ctx = (over: Partial<DiffFormatContext> = {}): DiffFormatContext => ({
  lang: 'zh',
  color: false,
  baseline: false,
  policy: DEFAULT_POLICY,
  ...over,
});
const report = (policy = DEFAULT_POLICY): DiffReport =>
  buildDiffReport([{ before: side('old.yaml', OLD), after: side('new.yaml', NEW) }], policy);

describe('diff report formats', () => {
  it('escapes catalog text in HTML and Markdown', async () => {
    const html = String(await DIFF_FORMATTERS.html(report(), ctx()));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a|b &lt;i&gt;');
    const md = String(await DIFF_FORMATTERS.markdown(report(), ctx()));
    expect(md).toContain('a\\|b &lt;i&gt;');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('修改'))) {
      expect(line.replaceAll('\\|', '').split('|')).toHaveLength(9); // 7 cells between 8 bars
    }
  });

  it('shows control characters in catalog text as signs in text and Markdown', async () => {
    const hostile = NEW.replace('content: y}', 'content: "y\\e[2J\\e[H✔ all good\\u009b"}').replace(
      'unit: 青禾区教育局',
      'unit: "青禾区\\e]0;x\\a教育局"',
    );
    const oldSide = OLD.replace('unit: 青禾区教育局', 'unit: "青禾区\\e]0;x\\a教育局"');
    const r = buildDiffReport(
      [{ before: side('old.yaml', oldSide), after: side('new\u001b[31m.yaml', hostile) }],
      DEFAULT_POLICY,
    );
    for (const format of ['text', 'markdown'] as const) {
      const out = String(await DIFF_FORMATTERS[format](r, ctx()));
      expect(out, format).toContain('\u241b');
      expect(out, format).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    }
  });

  it('shows control characters and bidirectional overrides in catalog text as signs in the HTML page and the workbook too', async () => {
    const hostile = NEW.replace('content: y}', 'content: "y\\e[2J\\x07\\u202e<b>z</b>"}').replace(
      'unit: 青禾区教育局',
      'unit: "青禾区\\e]0;x\\a教育局"',
    );
    const oldSide = OLD.replace('unit: 青禾区教育局', 'unit: "青禾区\\e]0;x\\a教育局"');
    const r = buildDiffReport(
      [{ before: side('old\u0007.yaml', oldSide), after: side('new\u001b[31m.yaml', hostile) }],
      DEFAULT_POLICY,
    );
    const html = String(await DIFF_FORMATTERS.html(r, ctx()));
    expect(html).toContain('y␛[2J␇�&lt;b&gt;z&lt;/b&gt;');
    expect(html).toContain('青禾区␛]0;x␇教育局');
    expect(html).toContain('new␛[31m.yaml');
    expect(html).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    const book = await loadWorkbook((await DIFF_FORMATTERS.xlsx(r, ctx())) as Uint8Array);
    const texts: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell.value)))));
    expect(texts).toContain('y␛[2J␇�<b>z</b>');
    expect(texts.join('\n')).toContain('青禾区␛]0;x␇教育局');
    expect(texts.join('\n')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it('lists hidden classes nowhere but keeps them in the counts', async () => {
    const hidden = report(classPolicy({ editorial: { severity: 'off' } }));
    expect(hidden.pairs[0]!.changes.map((c) => c.class)).not.toContain('editorial');
    expect(hidden.totals).toEqual(report().totals);
    const text = String(await DIFF_FORMATTERS.text(hidden, ctx()));
    expect(text).not.toContain('[文字修改]');
    expect(text).toContain('[减少公开]');
  });

  it('shows configured class names in every format, and English when asked', async () => {
    const policy = classPolicy({ reduces: { label: '公开范围缩小' } });
    const r = report(policy);
    for (const format of ['text', 'markdown', 'html'] as const) {
      expect(String(await DIFF_FORMATTERS[format](r, ctx({ policy })))).toContain('公开范围缩小');
    }
    const en = String(await DIFF_FORMATTERS.html(report(), ctx({ lang: 'en' })));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('reduces disclosure');
    const body = en.slice(en.indexOf('</style>'));
    for (const word of ['变更报告', '序号', '减少公开', '合计']) expect(body).not.toContain(word);
  });

  it('gives each change a severity from its class', () => {
    const r = report(classPolicy({ extends: { severity: 'warning' } }));
    const bySeverity = Object.fromEntries(r.pairs[0]!.changes.map((c) => [c.class, c.severity]));
    expect(bySeverity.reduces).toBe('error');
    expect(bySeverity.editorial).toBe('info');
  });

  describe('a new version and date, and channels added and taken away', () => {
    const dated = (version: string, date: string, channels: string) =>
      HEAD.replace('unit: 青禾区教育局\n', `unit: 青禾区教育局\nversion: ${version}\ndate: ${date}\n`) +
      `  - name: 招生入学\n    items:\n      - {name: 招生政策, content: x, channels: ${channels}}\n`;
    const before = dated('2024版', '2024-05-01', '[政府网站, 精准推送]');
    const after = dated('2025版', '2025-03-01', '[政务新媒体, 政府网站, 两微一端]');
    const r = buildDiffReport([{ before: side('old.yaml', before), after: side('new.yaml', after) }], DEFAULT_POLICY);

    it('are a line for the catalog and two changes with ids of their own', () => {
      expect(r.pairs[0]!.metadata).toEqual([
        { field: 'version', from: '2024版', to: '2025版' },
        { field: 'date', from: '2024-05-01', to: '2025-03-01' },
      ]);
      expect(r.pairs[0]!.changes.map((c) => [c.id, c.class])).toEqual([
        ['义务教育:changed:招生入学/招生政策:channels:added', 'extends'],
        ['义务教育:changed:招生入学/招生政策:channels:removed', 'reduces'],
      ]);
      expect(r.totals.changed).toBe(1);
    });

    it('show in text, Markdown, the page and the workbook', async () => {
      const text = String(await DIFF_FORMATTERS.text(r, ctx()));
      expect(text).toContain('  版本：2024版 → 2025版；日期：2024-05-01 → 2025-03-01\n');
      expect(text).toContain('[扩大公开] 修改 二级事项 招生入学 › 招生政策  公开渠道和载体 增加：两微一端、政务新媒体');
      expect(text).toContain('[减少公开] 修改 二级事项 招生入学 › 招生政策  公开渠道和载体 减少：精准推送');
      expect(String(await DIFF_FORMATTERS.text(r, ctx({ lang: 'en' })))).toContain(
        '  Version: 2024版 → 2025版; Date: 2024-05-01 → 2025-03-01\n',
      );
      const md = String(await DIFF_FORMATTERS.markdown(r, ctx()));
      expect(md).toContain('版本：2024版 → 2025版；日期：2024-05-01 → 2025-03-01\n');
      expect(md).toContain(
        '| 扩大公开 | 修改 | 招生入学 › 招生政策 | 公开渠道和载体 |  | 增加：两微一端、政务新媒体 |',
      );
      expect(md).toContain('| 减少公开 | 修改 | 招生入学 › 招生政策 | 公开渠道和载体 | 减少：精准推送 |  |');
      const html = String(await DIFF_FORMATTERS.html(r, ctx()));
      expect(html).toContain(
        '<p class="metadata"><span>版本：2024版 → 2025版</span>；<span>日期：2024-05-01 → 2025-03-01</span></p>',
      );
      expect(html).toContain('data-id="义务教育:changed:招生入学/招生政策:channels:added"');
      expect(html).toContain('<td data-label="修改后" class="after">增加：两微一端、政务新媒体</td>');
      expect(html).toContain('<td data-label="修改前" class="before">减少：精准推送</td>');
      const book = await loadWorkbook((await DIFF_FORMATTERS.xlsx(r, ctx())) as Uint8Array);
      const summary: string[] = [];
      book.getWorksheet('汇总')!.eachRow((row) => row.eachCell((cell) => summary.push(cellText(cell.value))));
      expect(summary).toContain('青禾区教育局 义务教育\u3000版本：2024版 → 2025版；日期：2024-05-01 → 2025-03-01');
      const changes: string[][] = [];
      book.getWorksheet('变更明细')!.eachRow((row, n) => {
        if (n > 2) changes.push(Array.from({ length: 7 }, (_, i) => cellText(row.getCell(3 + i).value)));
      });
      expect(changes).toEqual([
        ['扩大公开', '修改', '二级事项', '招生入学 › 招生政策', '公开渠道和载体', '', '增加：两微一端、政务新媒体'],
        ['减少公开', '修改', '二级事项', '招生入学 › 招生政策', '公开渠道和载体', '减少：精准推送', ''],
      ]);
    });

    it('are written in JSON as the published schema says', async () => {
      const schema = JSON.parse(
        readFileSync(join(import.meta.dirname, '../../../schemas/diff-report.schema.json'), 'utf8'),
      ) as object;
      const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
      const json = JSON.parse(String(await DIFF_FORMATTERS.json(r, ctx()))) as DiffReport;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(json.pairs[0]!.changes.map((c) => (c.kind === 'changed' ? [c.added, c.removed] : []))).toEqual([
        [['两微一端', '政务新媒体'], undefined],
        [undefined, ['精准推送']],
      ]);
      // A change cannot both add and take away channels; a catalog with no changed version or date has no metadata.
      const both = structuredClone(json);
      Object.assign(both.pairs[0]!.changes[0]!, { removed: ['精准推送'] });
      expect(validate(both)).toBe(false);
      const empty = structuredClone(json);
      empty.pairs[0]!.metadata = [];
      expect(validate(empty)).toBe(false);
      const unchanged = buildDiffReport(
        [{ before: side('a.yaml', before), after: side('b.yaml', before) }],
        DEFAULT_POLICY,
      );
      expect(unchanged.pairs[0]).not.toHaveProperty('metadata');
    });

    it('shows a catalog whose version alone changed, with no table of changes', async () => {
      const only = buildDiffReport(
        [
          {
            before: side('old.yaml', before),
            after: side('new.yaml', dated('2025版', '2024-05-01', '[政府网站, 精准推送]')),
          },
        ],
        DEFAULT_POLICY,
      );
      expect(String(await DIFF_FORMATTERS.text(only, ctx()))).toContain('  版本：2024版 → 2025版\n');
      const html = String(await DIFF_FORMATTERS.html(only, ctx()));
      expect(html).toContain('<p class="metadata"><span>版本：2024版 → 2025版</span></p>');
      expect(html).not.toContain('<table class="changes">');
      expect(html).not.toContain('两个版本没有差别');
      const md = String(await DIFF_FORMATTERS.markdown(only, ctx()));
      expect(md).toContain('#### 青禾区教育局 义务教育\n\n版本：2024版 → 2025版\n');
      expect(md).not.toContain('| 类别 |');
    });
  });

  it('says so when nothing changed', async () => {
    const same = buildDiffReport([{ before: side('a.yaml', OLD), after: side('b.yaml', OLD) }], DEFAULT_POLICY);
    expect(String(await DIFF_FORMATTERS.html(same, ctx()))).toContain('两个版本没有差别。');
    expect(String(await DIFF_FORMATTERS.text(same, ctx()))).toContain(
      '新增0个一级事项、0个二级事项，删除0个一级事项、0个二级事项，修改0个事项',
    );
  });
});
