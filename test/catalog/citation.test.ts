import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCitation } from '../../src/catalog/citation.js';
import { loadCatalogSamples, loadFormSamples } from '../_helpers/real-tables/samples.js';

describe('parseCitation: what a citation names', () => {
  it.each([
    ['《中华人民共和国政府信息公开条例》(国务院令第711号)', '中华人民共和国政府信息公开条例', '国务院令第711号'],
    ['《中华人民共和国政府信息公开条例》（国务院令第711号）', '中华人民共和国政府信息公开条例', '国务院令第711号'],
    ['《中华人民共和国政府信息公开条例》(国令第711号)', '中华人民共和国政府信息公开条例', '国令第711号'],
    [
      '《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》(国办发〔2017〕94号)',
      '国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见',
      '国办发〔2017〕94号',
    ],
    ['《关于推进基层政务公开的通知》朝人社发〔2022〕25号', '关于推进基层政务公开的通知', '朝人社发〔2022〕25号'],
  ])('%s', (raw, title, docNo) => {
    const c = parseCitation(raw);
    expect(c.raw).toBe(raw);
    expect(c.title).toBe(title);
    expect(c.docNo).toBe(docNo);
    expect(c.rankTag).toBeUndefined();
    expect(c.problems).toEqual([]);
  });

  it('a title without a document number has no docNo', () => {
    const c = parseCitation('《中华人民共和国义务教育法》');
    expect(c.title).toBe('中华人民共和国义务教育法');
    expect(c.docNo).toBeUndefined();
    expect(c.problems).toEqual([]);
  });

  it.each([
    ['【法律】《中华人民共和国安全生产法》', '法律', '中华人民共和国安全生产法'],
    [
      '【部门规章及规范性文件】《安全生产事故隐患排查治理暂行规定》',
      '部门规章及规范性文件',
      '安全生产事故隐患排查治理暂行规定',
    ],
    ['【条例】《中华人民共和国政府信息公开条例》', '条例', '中华人民共和国政府信息公开条例'],
  ])('rank tag in %s', (raw, rankTag, title) => {
    const c = parseCitation(raw);
    expect(c.rankTag).toBe(rankTag);
    expect(c.title).toBe(title);
    expect(c.problems).toEqual([]);
  });

  it('a 【】 not at the start is not a rank tag', () => {
    expect(parseCitation('《中华人民共和国安全生产法》【法律】').rankTag).toBeUndefined();
  });
});

describe('parseCitation: problems', () => {
  it.each(['相关政策文件', '信息公开规定', '●中华人民共和国政 府信息公开条例'])('no 《》: %s', (raw) => {
    const c = parseCitation(raw);
    expect(c.problems).toEqual([{ kind: 'no-title-marks' }]);
    expect(c.title).toBeUndefined();
  });

  it.each([
    '《中华人民共和国政府信息公开条例',
    '中华人民共和国政府信息公开条例》',
    '《政府信息公开条例》《信息公开条例',
  ])('unbalanced 《》: %s', (raw) => {
    expect(parseCitation(raw).problems).toEqual([{ kind: 'unbalanced-title-marks' }]);
  });

  it.each([
    ['《关于全面推进政务公开工作的意见》(中办发﹝2016﹞8号)', '中办发﹝2016﹞8号', '中办发〔2016〕8号'],
    ['国人口发(2007)78号', '国人口发(2007)78号', '国人口发〔2007〕78号'],
    ['《关于计划生育的通知》（国人口发(2007)78号）', '国人口发(2007)78号', '国人口发〔2007〕78号'],
    ['辽政办发(2014)74号', '辽政办发(2014)74号', '辽政办发〔2014〕74号'],
    ['《文化部财务管理办法》(文财务发[2011]5号)', '文财务发[2011]5号', '文财务发〔2011〕5号'],
    ['《关于印发……的通知》(鄂康政办发[2020]30号)', '鄂康政办发[2020]30号', '鄂康政办发〔2020〕30号'],
    ['《关于印发……的通知》(国办发（2017）94号)', '国办发（2017）94号', '国办发〔2017〕94号'],
  ])('year brackets in %s', (raw, found, fixed) => {
    const problems = parseCitation(raw).problems.filter((p) => p.kind !== 'no-title-marks');
    expect(problems).toEqual([{ kind: 'doc-no-brackets', found, fixed }]);
  });

  it.each([
    ['《关于全面推进政务公开工作的意见》(中办发〔201680号)', '中办发〔201680号', '中办发〔2016〕80号'],
    ['《关于印发……的通知》(国办发〔201744号)', '国办发〔201744号', '国办发〔2017〕44号'],
  ])('lost closing bracket in %s', (raw, found, fixed) => {
    expect(parseCitation(raw).problems).toEqual([{ kind: 'doc-no-unclosed', found, fixed }]);
  });

  it('a correct 〔〕 number has no problems', () => {
    expect(parseCitation('《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)').problems).toEqual([]);
    expect(parseCitation('《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)').docNo).toBe('中办发〔2016〕8号');
  });

  it('several problems in one citation are all reported', () => {
    const c = parseCitation('《关于……的通知(国人口发(2007)78号、文财务发[2011]5号');
    expect(c.problems.map((p) => p.kind)).toEqual(['unbalanced-title-marks', 'doc-no-brackets', 'doc-no-brackets']);
  });

  it('never throws on odd input', () => {
    for (const raw of ['', '   ', '《》', '〔〕号', '(建房〔2012 ) 8 4 号 )', '【】'])
      expect(() => parseCitation(raw)).not.toThrow();
  });
});

describe('parseCitation: every 文号 shape, whatever the issuing code ends in', () => {
  const numbers = (raw: string) =>
    parseCitation(raw).problems.filter((p) => p.kind !== 'no-title-marks' && p.kind !== 'unbalanced-title-marks');

  it.each([
    ['《关于推进预算绩效管理的指导意见》(财预[2016]87号)', '财预[2016]87号', '财预〔2016〕87号'],
    [
      '《关于推进国有土地上房屋征收与补偿信息公开工作的实施意见》(建房[2012]84号)',
      '建房[2012]84号',
      '建房〔2012〕84号',
    ],
    ['《义务教育学校管理标准》(教基[2017]9号)', '教基[2017]9号', '教基〔2017〕9号'],
    ['《南山区政务公开工作方案》(深南府[2020]5号)', '深南府[2020]5号', '深南府〔2020〕5号'],
    ['财社（2014）113号', '财社（2014）113号', '财社〔2014〕113号'],
    ['财社(2014)113号', '财社(2014)113号', '财社〔2014〕113号'],
    ['财社【2014】113号', '财社【2014】113号', '财社〔2014〕113号'],
    ['财社［2014］113号', '财社［2014］113号', '财社〔2014〕113号'],
    ['财社｛2014｝113号', '财社｛2014｝113号', '财社〔2014〕113号'],
    ['财社{2014}113号', '财社{2014}113号', '财社〔2014〕113号'],
    ['财社﹙2014﹚113号', '财社﹙2014﹚113号', '财社〔2014〕113号'],
    ['财社〔2014]113号', '财社〔2014]113号', '财社〔2014〕113号'],
    ['中国人民银行公告[2018]第3号', '中国人民银行公告[2018]第3号', '中国人民银行公告〔2018〕第3号'],
    // A PDF copy: the closing bracket misread and the number spaced out (real table: 腾冲 房屋征收).
    [
      '《关于推进国有土地上房屋征收与补偿信息公开工作的实施意见》(建房〔2012 ) 8 4 号 )',
      '建房〔2012 ) 8 4 号',
      '建房〔2012〕84号',
    ],
  ])('year brackets in %s', (raw, found, fixed) => {
    expect(numbers(raw)).toEqual([{ kind: 'doc-no-brackets', found, fixed }]);
  });

  it.each([
    ['《关于推进预算绩效管理的指导意见》(财预〔201687号)', '财预〔201687号', '财预〔2016〕87号'],
    ['《关于推进预算绩效管理的指导意见》(财预[201687号)', '财预[201687号', '财预〔2016〕87号'],
    ['《义务教育学校管理标准》(教基（20179号)', '教基（20179号', '教基〔2017〕9号'],
    ['《关于推进预算绩效管理的指导意见》(财预〔2016 87号)', '财预〔2016 87号', '财预〔2016〕87号'],
  ])('lost closing bracket in %s', (raw, found, fixed) => {
    expect(numbers(raw)).toEqual([{ kind: 'doc-no-unclosed', found, fixed }]);
  });

  it.each([
    ['《关于推进预算绩效管理的指导意见》(财预2016〕87号)', '财预2016〕87号', '财预〔2016〕87号'],
    ['《南山区政务公开工作方案》(深南府2020]5号)', '深南府2020]5号', '深南府〔2020〕5号'],
  ])('lost opening bracket in %s', (raw, found, fixed) => {
    expect(numbers(raw)).toEqual([{ kind: 'doc-no-unopened', found, fixed }]);
  });

  it.each([
    ['《中华人民共和国政府信息公开条例》(国务院第711号令)', '国务院第711号令', '国务院令第711号'],
    ['《中华人民共和国政府信息公开条例》（国务院令711号）', '国务院令711号', '国务院令第711号'],
    ['《突发环境事件应急管理办法》(环境保护部令 34 号)', '环境保护部令 34 号', '环境保护部令第34号'],
  ])('令 number in %s', (raw, found, fixed) => {
    expect(numbers(raw)).toEqual([{ kind: 'order-no-shape', found, fixed }]);
  });

  it('a 公告 number without 年', () => {
    expect(numbers('《关于纳税人权利与义务的公告》(国家税务总局公告2009第1号)')).toEqual([
      { kind: 'notice-no-shape', found: '国家税务总局公告2009第1号', fixed: '国家税务总局公告2009年第1号' },
    ]);
  });

  it.each([
    '《关于推进预算绩效管理的指导意见》(财预〔2016〕87号)',
    '《中华人民共和国政府信息公开条例》(国务院令第711号)',
    '《中华人民共和国政府信息公开条例》(国令第711号)',
    '《中华人民共和国主席令第41号》',
    '《国家税务总局关于纳税人权利与义务的公告》(公告2009年第1号)',
    '《中国人民银行公告〔2018〕第3号》',
    '《中华人民共和国政府信息公开条例》(2019年修订)',
    '《中华人民共和国义务教育法》(2018年12月29日修正)',
  ])('a standard number or none: %s', (raw) => {
    expect(numbers(raw)).toEqual([]);
  });

  it('the docNo of any issuing code', () => {
    expect(parseCitation('《关于推进预算绩效管理的指导意见》(财预〔2016〕87号)').docNo).toBe('财预〔2016〕87号');
    expect(parseCitation('《关于纳税人权利与义务的公告》(国家税务总局公告2009年第1号)').docNo).toBe(
      '国家税务总局公告2009年第1号',
    );
  });
});

describe('parseCitation over the real tables and the example catalogs', () => {
  const texts = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') texts.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const sample of [...loadCatalogSamples(), ...loadFormSamples()]) collect(sample);
  const catalogs = join(import.meta.dirname, '../../catalogs');
  for (const f of readdirSync(catalogs).filter((f) => f.endsWith('.yaml')))
    collect(parse(readFileSync(join(catalogs, f), 'utf8')));

  it('finds exactly the miswritten numbers the pages hold, nothing else', () => {
    const found = new Set<string>();
    for (const text of texts)
      for (const p of parseCitation(text).problems) if ('found' in p) found.add(`${p.kind} ${p.found} → ${p.fixed}`);
    expect([...found].sort()).toEqual(
      [
        'doc-no-brackets 中办发﹝2016﹞8号 → 中办发〔2016〕8号',
        'doc-no-brackets 国人口发(2007)78号 → 国人口发〔2007〕78号',
        'doc-no-brackets 建房〔2012 ) 8 4 号 → 建房〔2012〕84号',
        'doc-no-unclosed 湘政务公开办发〔20231号 → 湘政务公开办发〔2023〕1号',
        'doc-no-unclosed 税总发〔201744号 → 税总发〔2017〕44号',
      ].sort(),
    );
  });
});
