import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout } from '../../src/forms/layout.js';
import { renderFormHtml } from '../../src/forms/render/html.js';
import type { FormSheetInput } from '../../src/forms/render/form-input.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { EXAMPLES, themeDayYaml } from './fixtures.js';

const options = resolveSubmissionOptions();

async function inputOf(file: string, text: string): Promise<FormSheetInput> {
  const r = validateSubmission(file, text, options);
  return {
    form: r.form!,
    layout: await loadLayout<FormLayout>(r.form!.layout),
    profile: r.profile!,
    submission: r.submission!,
  };
}

describe('the form as a web page', () => {
  it('lays the filled form out as on paper: title, header fields, the table, the seal and the date', async () => {
    const html = await renderFormHtml(await inputOf(EXAMPLES.themeDay, readFileSync(EXAMPLES.themeDay, 'utf8')));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>青禾区2024年“政务公开主题日”活动主题申报表</h1>');
    expect(html).toContain('<span class="label">填报单位(公章)：</span><span class="value">青禾区教育局</span></div>');
    expect(html).toContain('<th scope="col">活动时间(月份)</th>');
    expect(html).toContain('<td class="center" data-column="month" data-label="活动时间(月份)">6月</td>');
    expect(html).toContain('<p class="seal">（公章）</p>');
    expect(html).toContain('<span class="value">2024年3月25日</span>');
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(script|link rel="stylesheet"|img)/);
  });

  it('prints the open-day form landscape', async () => {
    const html = await renderFormHtml(await inputOf(EXAMPLES.openDay, readFileSync(EXAMPLES.openDay, 'utf8')));
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('<td class="center" data-column="participants" data-label="拟参与人数">8-10家企业代表</td>');
  });

  it('escapes every value, keeping line breaks as <br>', async () => {
    const text = themeDayYaml({
      unit: '"<script>alert(1)</script>"',
      rows: [
        { theme: '"</td><img src=x onerror=alert(2)>"', month: 5, form: '实地调研', brief: '"第一行\\n第二行 & <b>"' },
        { theme: '乙', month: 6, form: '座谈交流' },
      ],
    });
    const html = await renderFormHtml(await inputOf('h.yaml', text));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('第一行<br>第二行 &amp; &lt;b&gt;');
  });

  it('renders a blank form with the profile’s rules, and the same bytes every time', async () => {
    const form = FORMS['theme-day'];
    const input: FormSheetInput = {
      form,
      layout: await loadLayout<FormLayout>(form.layout),
      profile: options.profiles.profiles.get('hunan-2023')!,
      blank: { year: 2024 },
    };
    const html = await renderFormHtml(input);
    expect(html).toContain('<h1>＿＿＿＿2024年“政务公开主题日”活动主题申报表</h1>');
    expect(html).toContain('<li>请于2024年3月31日前报送。</li>');
    expect(html.match(/<tr>/g)).toHaveLength(3);
    expect(await renderFormHtml(input)).toBe(html);
  });

  it('takes a template from a templates directory in place of the shipped one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-form-templates-'));
    try {
      writeFileSync(join(dir, 'style.css'), 'body { color: red; }\n');
      const html = await renderFormHtml(await inputOf(EXAMPLES.themeDay, readFileSync(EXAMPLES.themeDay, 'utf8')), dir);
      expect(html).toContain('body { color: red; }');
      expect(html).not.toContain('.seal {');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile text in a form page and in a layout folder', () => {
  it('shows control characters of a submission as signs, never raw', async () => {
    const text = readFileSync(EXAMPLES.themeDay, 'utf8').replace(
      'unit: 青禾区教育局',
      'unit: "青禾区\\e[2J教育局\\u202e"',
    );
    const html = await renderFormHtml(await inputOf(EXAMPLES.themeDay, text));
    expect(html).not.toMatch(/[\u001b\u202e]/);
    expect(html).toContain('青禾区␛[2J教育局');
  });

  it('refuses a layout override that is a named pipe, unread and at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-layout-'));
    try {
      execFileSync('mkfifo', [join(dir, 'theme-day.layout.json')]);
      await expect(loadLayout<FormLayout>('theme-day.layout.json', dir)).rejects.toThrow(/theme-day\.layout\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
