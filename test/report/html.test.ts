import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { orderFindings } from '../../src/report/findings-view.js';
import { html, htmlText } from '../../src/report/html.js';
import { manyFindings } from '../_helpers/findings-report.js';

const ctx = { lang: 'zh' as const, color: false, sources: new Map<string, string>() };

describe('the findings page', () => {
  const report = manyFindings();
  const page = html(report, ctx);

  it('has a row per finding, in the report order, every text escaped', () => {
    const rows = page.match(/<tr class="finding[^]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(report.diagnostics.length);
    orderFindings(report).forEach((d, i) => {
      expect(rows[i]).toContain(`<td class="message">${htmlText(d.message)}</td>`);
      expect(rows[i]).toContain(`<td class="code">${d.code}</td>`);
    });
  });

  it('shows markup in a message as text, and runs no script', () => {
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 不是公开方式');
    expect(page).toContain('-1+1 &amp; &lt;b&gt;粗&lt;/b&gt;');
    expect(page).not.toMatch(/<script|<b>|<link rel="stylesheet"|https?:\/\/(?!example\.invalid)/);
    expect(page).not.toMatch(/\bsrc=|@import|url\(/);
  });

  it('is one page with its styles inline, the heading repeated in print on A4 landscape', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).toMatch(/@page \{ size: A4 landscape;/);
    expect(page).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('sums up, gives the same text twice and speaks English', () => {
    expect(page).toContain(`检查了 4 个文件：${report.errorCount} 个错误，${report.warningCount} 个警告。`);
    expect(html(manyFindings(), ctx)).toBe(page);
    const en = html(report, { ...ctx, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<th scope="col">How to fix</th>');
    expect(html(buildReport(['ok.yaml'], [], new Map()), ctx)).toContain('没有发现问题。');
  });

  it('shows control characters as signs', () => {
    expect(htmlText('a\u001b[2Jb\u202e')).toBe('a\u241b[2Jb\uFFFD');
  });
});
