import { describe, expect, it } from 'vitest';
import { parseCitation } from '../../src/catalog/citation.js';

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
    ['【部门规章及规范性文件】《安全生产事故隐患排查治理暂行规定》', '部门规章及规范性文件', '安全生产事故隐患排查治理暂行规定'],
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

  it.each(['《中华人民共和国政府信息公开条例', '中华人民共和国政府信息公开条例》', '《政府信息公开条例》《信息公开条例'])(
    'unbalanced 《》: %s',
    (raw) => {
      expect(parseCitation(raw).problems).toEqual([{ kind: 'unbalanced-title-marks' }]);
    },
  );

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
    for (const raw of ['', '   ', '《》', '〔〕号', '(建房〔2012 ) 8 4 号 )', '【】']) expect(() => parseCitation(raw)).not.toThrow();
  });
});
