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

  it('says so when nothing changed', async () => {
    const same = buildDiffReport([{ before: side('a.yaml', OLD), after: side('b.yaml', OLD) }], DEFAULT_POLICY);
    expect(String(await DIFF_FORMATTERS.html(same, ctx()))).toContain('两个版本没有差别。');
    expect(String(await DIFF_FORMATTERS.text(same, ctx()))).toContain(
      '新增0个一级事项、0个二级事项，删除0个一级事项、0个二级事项，修改0个事项',
    );
  });
});
