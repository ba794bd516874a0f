import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownCode, markdownText, printable } from '../../src/report/printable.js';
import { FORMATTERS } from '../../src/report/registry.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateFiles, type ValidationReport } from '../../src/validate/validate-files.js';
import { tempDir } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const CATALOG = readFileSync(join(ROOT, 'catalogs/anquan-shengchan.yaml'), 'utf8');
// A 公开方式 that clears the screen and prints a false all-clear, as YAML escapes in a double-quoted string.
const HOSTILE = CATALOG.replace('  method: 主动\n', '  method: "主动\\e[2J\\e[H\\u009b1m✔ all good\\u202e"\n');
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('printable', () => {
  it('shows each control character as one visible sign and keeps other text', () => {
    expect(printable('a\u001b[2Jb\u0007\u007f\u009b\u202e\tc')).toBe('a\u241b[2Jb\u2407\u2421\ufffd\ufffd\tc');
    expect(printable('一\n二')).toBe('一\u240a二');
    expect(printable('一\n二', true)).toBe('一\n二');
    expect(printable('一\r\n二', true)).toBe('一\u240d\n二');
    expect(printable('政府网站')).toBe('政府网站');
  });

  it('keeps the length, so columns stay in place', () => {
    const s = 'x\u001b\u0000\u0085\u2066y';
    expect(printable(s)).toHaveLength(s.length);
  });

  it('escapes Markdown and HTML in text, and fences code spans longer than their backticks', () => {
    expect(markdownText('<img src=x onerror=alert(1)> [a](http://e) *b* a|b\nc')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; \\[a\\](http://e) \\*b\\* a\\|b c',
    );
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`a')).toBe('`` `a ``');
    expect(markdownCode('a|b\u001b')).toBe('`a\\|b\u241b`');
  });
});

describe('control characters in catalog text never reach the output raw', () => {
  let t: { dir: string; cleanup: () => void };
  let report: ValidationReport;
  beforeAll(async () => {
    t = tempDir({ 'a.yaml': HOSTILE });
    report = await validateFiles(['a.yaml'], resolveValidateOptions({}), t.dir);
  });
  afterAll(() => t.cleanup());

  it('the finding quotes the value with its escape characters (the input really is hostile)', () => {
    expect(report.errorCount).toBeGreaterThan(0);
    expect(report.diagnostics.some((d) => d.message.includes('\u001b[2J'))).toBe(true);
  });

  for (const format of Object.keys(FORMATTERS) as (keyof typeof FORMATTERS)[]) {
    it(format, () => {
      for (const lang of ['zh', 'en'] as const) {
        const out = FORMATTERS[format](report, { lang, color: false, sources: report.sources });
        if (format === 'json' || format === 'sarif') {
          // Data for programs: the value kept whole, its C0 controls escaped by JSON itself.
          expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
          expect(JSON.stringify(JSON.parse(out))).toContain('\\u001b[2J');
        } else {
          expect(out).not.toMatch(CONTROLS);
          expect(out).toContain('\u241b');
        }
      }
    });
  }

  it('markdown cannot be given tags or links by a value', async () => {
    const u = tempDir({
      'b.yaml': CATALOG.replace('  method: 主动\n', '  method: "<img src=x onerror=alert(1)>[x](http://e)"\n'),
    });
    try {
      const r = await validateFiles(['b.yaml'], resolveValidateOptions({}), u.dir);
      const out = FORMATTERS.markdown(r, { lang: 'zh', color: false, sources: r.sources });
      expect(r.errorCount).toBeGreaterThan(0);
      expect(out).not.toContain('<img');
      expect(out).not.toContain('[x](');
      expect(out).toContain('&lt;img');
    } finally {
      u.cleanup();
    }
  });
});
