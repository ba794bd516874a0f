import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { buildReport } from '../../src/report/build-report.js';
import { buildFindingsView, columnLetters } from '../../src/report/findings-view.js';
import { itemNamesAt } from '../../src/report/item-names.js';
import { manyFindings } from '../_helpers/findings-report.js';

const ctx = { lang: 'zh' as const, color: false, sources: new Map<string, string>() };

describe('the view of a findings report', () => {
  const report = manyFindings();
  const view = buildFindingsView(report, ctx);

  it('has a row per finding, grouped by file in the order of the files, errors first, then by place', () => {
    expect(view.rows).toHaveLength(report.diagnostics.length);
    expect(view.groups.map((g) => g.file)).toEqual(['甲/义务教育.yaml', '台账.xlsx', '页面.html']);
    for (const group of view.groups) {
      const severities = group.rows.map((r) => r.severity);
      expect(severities).toEqual([...severities].sort((a, b) => Number(a !== 'error') - Number(b !== 'error')));
    }
    const yamlErrors = view.groups[0]!.rows.filter((r) => r.severity === 'error').map((r) => r.place);
    const lines = yamlErrors.map((p) => Number(/第 (\d+) 行/.exec(p)?.[1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(view.groups[1]!.rows.map((r) => [r.sheet, r.place])).toEqual([
      ['义务教育', 'AB5'],
      ['义务教育', 'C20'],
      ['义务教育', 'F14'],
      ['户籍', 'B3'],
    ]);
    expect(view.groups[2]!.rows.map((r) => [r.sheet, r.place])).toEqual([['', '表格 2 第 14 行 第 6 列']]);
    expect(view.rows.map((r) => r.number)).toEqual(view.rows.map((_, i) => i + 1));
  });

  it('counts the files, errors, warnings and the findings of each rule', () => {
    expect(view.files).toBe(4);
    expect([view.errors, view.warnings]).toEqual([report.errorCount, report.warningCount]);
    expect(view.summary).toBe(`检查了 4 个文件：${report.errorCount} 个错误，${report.warningCount} 个警告。`);
    const total = view.byRule.reduce((n, r) => n + r.total, 0);
    expect(total).toBe(report.diagnostics.length);
    for (const r of view.byRule) {
      const of = report.diagnostics.filter((d) => d.code === r.code);
      expect([r.errors, r.warnings]).toEqual([
        of.filter((d) => d.severity === 'error').length,
        of.filter((d) => d.severity === 'warning').length,
      ]);
    }
  });

  it('names the items of a YAML finding from the file, and none for a finding in a table', () => {
    const items = view.groups[0]!.rows.map((r) => r.item);
    expect(items).toContain('招生入学');
    expect(items.some((i) => /^.+ › .+$/.test(i))).toBe(true);
    expect(view.groups[1]!.rows.every((r) => r.item === '')).toBe(true);
    expect(
      itemNamesAt({ items: [{ name: '甲', items: [{ name: '乙' }] }] }, ['items', 0, 'items', 0, 'content']),
    ).toEqual(['甲', '乙']);
    expect(itemNamesAt({ items: [{ name: 5 }] }, ['items', 0, 'content'])).toEqual([]);
    expect(itemNamesAt(null, ['items', 0])).toEqual([]);
    expect(itemNamesAt({ items: [] }, ['items', 'x'])).toEqual([]);
  });

  it('names no item when the file has no text or its YAML cannot be read', () => {
    const finding: Diagnostic = {
      code: 'channel-known',
      severity: 'warning',
      message: '“官网”不是标准的公开渠道名称。',
      file: 'a.yaml',
      path: ['items', 0, 'channels'],
      pointer: '/items/0/channels',
      range: { start: { line: 2, column: 1 }, end: { line: 2, column: 3 } },
    };
    const broken = buildReport(['a.yaml'], [finding], new Map([['a.yaml', 'items: [\n']]));
    expect(buildFindingsView(broken, ctx).rows[0]!.item).toBe('');
    expect(buildFindingsView(buildReport(['a.yaml'], [finding], new Map()), ctx).rows[0]!.item).toBe('');
  });

  it('speaks English with --lang en', () => {
    const en = buildFindingsView(report, { ...ctx, lang: 'en' });
    expect(en.headers).toContain('Problem');
    expect(en.rows.find((r) => r.severity === 'error')!.severityLabel).toBe('Error');
    expect(en.rows[0]!.place).toMatch(/^line \d+, column \d+$/);
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 28, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'AAA']);
  });
});
