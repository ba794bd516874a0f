import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { submissionYaml } from '../../src/forms/write-submission.js';

const RAW_UNSAFE =
  /[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('submissionYaml with characters YAML forbids (form import of a hostile table)', () => {
  it('writes them as escapes that strict readers accept and read back as the same text, comments included', () => {
    const unsafe = [
      'a\ufffeb',
      'x\uffff',
      '前\ufeff后',
      'a\x01b',
      'a\x85b',
      'a\x9fb',
      '甲\u2028乙',
      'a\ud800',
      '\udc00b',
      '😀',
      '第一行\n第二\ufffe行',
    ];
    for (const value of unsafe) {
      const text = submissionYaml(
        {
          form: 'theme-day',
          fields: { unit: value, year: 2024 },
          rows: [{ theme: value, month: 5, form: '实地调研', brief: value }],
          notes: new Map([['unit', `注\r${value}`]]),
        },
        { heading: [`由 zwgk form import 从 ${value}\r.xlsx 导入。`] },
      );
      expect(text, JSON.stringify(value)).not.toMatch(RAW_UNSAFE);
      // Half a surrogate pair is no character: it is written, and read back, as U+FFFD.
      const readBack = value.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '\ufffd',
      );
      for (const data of [jsyaml.load(text), parse(text, { schema: 'core' })] as {
        unit: string;
        themes: { theme: string; brief: string }[];
      }[]) {
        expect(data.unit, JSON.stringify(value)).toBe(readBack);
        expect(data.themes[0]!.theme).toBe(readBack);
        expect(data.themes[0]!.brief).toBe(readBack);
      }
    }
  });
});
