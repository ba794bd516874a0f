import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fix-text.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { tempDir } from '../_helpers/cli.js';

const SHIPPED = readFileSync(join(import.meta.dirname, '../../catalogs/huji-guanli.yaml'), 'utf8');
/** The catalog with old Mac line ends: a CR alone ends each line. */
const withCr = (text: string) => text.replaceAll('\n', '\r');
const options = resolveValidateOptions({ lang: 'en' });

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('files whose lines end with a lone CR', () => {
  it('are read line by line, not as one comment line (empty)', async () => {
    const made = tempDir({
      'a.yaml': withCr(SHIPPED),
      'b.yaml': withCr(SHIPPED.replace('  method: 主动\n', '  method: 主动的\n')),
    });
    cleanup = made.cleanup;
    const report = await validateFiles(['a.yaml', 'b.yaml'], options, made.dir);
    const line = SHIPPED.slice(0, SHIPPED.indexOf('  method: 主动\n')).split('\n').length;
    expect(report.diagnostics.map((d) => [d.file, d.code, d.range?.start])).toEqual([
      ['b.yaml', 'schema/enum', { line, column: 11 }],
    ]);
    // The text kept for code frames has the same lines as the positions.
    expect(report.sources.get('b.yaml')!.split('\n')[line - 1]).toBe('  method: 主动的');
  });

  it('are fixed in place, keeping their line ends', () => {
    // A variant of a standard channel name, which fix writes as the standard one.
    const text = withCr(
      SHIPPED.replace(
        '  channels: [政府网站, 两微一端, 政务服务中心]\n',
        '  channels: [政府网站, 一微一端, 政务服务中心]\n',
      ),
    );
    const fixed = fixText('a.yaml', text, options);
    expect(fixed.remaining).toEqual([]);
    expect(fixed.text).toBe(withCr(SHIPPED));
  });

  it('place the findings that look across files on the same lines as their code frames', async () => {
    const shipped = readFileSync(join(import.meta.dirname, '../../catalogs/anquan-shengchan.yaml'), 'utf8');
    // The same catalog twice, under another unit: every code is used twice.
    const made = tempDir({
      'a.yaml': withCr(shipped),
      'b.yaml': withCr(shipped.replace(/^unit: .*$/m, 'unit: 另一个单位')),
    });
    cleanup = made.cleanup;
    const report = await validateFiles(['a.yaml', 'b.yaml'], options, made.dir);
    const unique = report.diagnostics.filter((d) => d.code === 'code-unique');
    expect(unique.length).toBeGreaterThan(0);
    for (const d of unique)
      expect(report.sources.get(d.file)!.split('\n')[d.range!.start.line - 1]).toMatch(/^\s+code: "\d+"$/);
  });
});
