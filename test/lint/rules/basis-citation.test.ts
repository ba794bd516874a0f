import { describe, expect, it } from 'vitest';
import { fixText } from '../../../src/fix/fix-text.js';
import { validateText } from '../../../src/validate/validate-text.js';
import { resolveValidateOptions } from '../../../src/validate/options.js';
import { catalog as checkCatalog, validItem } from '../../_helpers/check.js';

/** A valid catalog whose one row cites `basis`. */
const catalog = (basis: string) =>
  checkCatalog(validItem().replace('basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)', `basis: ${basis}`));

describe('basis-citation: every 文号 shape is reported and, where the parts are all there, fixed', () => {
  it.each([
    ['《关于推进预算绩效管理的指导意见》(财预[2016]87号)', '《关于推进预算绩效管理的指导意见》(财预〔2016〕87号)'],
    ['《义务教育学校管理标准》(教基【2017】9号)', '《义务教育学校管理标准》(教基〔2017〕9号)'],
    ['《关于推进预算绩效管理的指导意见》(财预2016〕87号)', '《关于推进预算绩效管理的指导意见》(财预〔2016〕87号)'],
    ['《中华人民共和国政府信息公开条例》(国务院第711号令)', '《中华人民共和国政府信息公开条例》(国务院令第711号)'],
    [
      '《关于纳税人权利与义务的公告》(国家税务总局公告2009第1号)',
      '《关于纳税人权利与义务的公告》(国家税务总局公告2009年第1号)',
    ],
  ])('%s', (before, after) => {
    const options = resolveValidateOptions();
    const found = validateText('a.yaml', catalog(before), options).diagnostics.filter(
      (d) => d.code === 'basis-citation',
    );
    expect(found).toHaveLength(1);
    const result = fixText('a.yaml', catalog(before), options);
    expect(result.text).toBe(catalog(after));
    expect(result.applied.map((a) => a.code)).toEqual(['basis-citation']);
  });

  it('a lost closing bracket is reported with the likely reading, and left to the reader', () => {
    const options = resolveValidateOptions({ lang: 'en' });
    const text = catalog('《关于推进预算绩效管理的指导意见》(财预〔201687号)');
    const [finding] = validateText('a.yaml', text, options).diagnostics.filter((d) => d.code === 'basis-citation');
    expect(finding?.message).toContain('财预〔201687号');
    expect(finding?.hint).toContain('财预〔2016〕87号');
    expect(fixText('a.yaml', text, options).text).toBe(text);
  });
});
