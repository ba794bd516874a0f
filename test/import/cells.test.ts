import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { readChannels } from '../../src/import/channels.js';
import { groupRole, hasMandatoryLegend, labelKey, singleRole } from '../../src/import/labels.js';
import { readMark } from '../../src/import/marks.js';
import { matchKey, toSimplified } from '../../src/import/simplify.js';
import { readTitle } from '../../src/import/title.js';

const vocabulary = buildVocabulary();

describe('tick cells', () => {
  it.each(['√', '✓', '■', '▄', '◆', '☑', 't', 'R', ' √ '])('reads %j as chosen', (glyph) => {
    expect(readMark(glyph, '主动').kind).toBe('on');
  });
  it.each(['□', '口', '£', '☐', '?', ''])('reads %j as not chosen or blank', (glyph) => {
    expect(readMark(glyph, '主动').kind).not.toBe('on');
  });
  it('takes the column’s own label as a tick and keeps other text as text', () => {
    expect(readMark('县级', '县级').kind).toBe('on');
    expect(readMark('縣級', '县级').kind).toBe('on');
    expect(readMark('申请人', '特定群体')).toEqual({ kind: 'text', text: '申请人' });
    expect(readMark('√（申请人）', '特定群体')).toEqual({ kind: 'on', glyph: '√', text: '申请人' });
  });
});

describe('channel cells', () => {
  it('reads a checklist: ticked names only, aliases mapped, unknown names kept as other channels', () => {
    const cell = readChannels(
      '■政府网站 □政府公报\n■一微一端 □发布会/听证会\n■行政服务中心□便民服务站\n■其他:办税服务厅',
      vocabulary,
    );
    expect(cell.style).toBe('boxes');
    expect(cell.channels).toEqual(['政府网站', '两微一端', '政务服务中心']);
    expect(cell.other).toEqual(['办税服务厅']);
    expect(cell.mapped).toEqual([
      { from: '一微一端', to: '两微一端' },
      { from: '行政服务中心', to: '政务服务中心' },
    ]);
  });
  it('reads lost symbol fonts (R/£, t) and 口 typed for □, but not the 口 of 窗口', () => {
    expect(readChannels('R政府網(wǎng)站 £政府公報\nR公共資源交易平臺', vocabulary)).toMatchObject({
      channels: ['政府网站'],
      other: ['公共資源交易平臺'],
      unknown: ['公共資源交易平臺'],
    });
    expect(readChannels('t政府网站 □政府公报', vocabulary).channels).toEqual(['政府网站']);
    expect(readChannels('■政府网站 口政府公报 ■公安派出所户籍窗口', vocabulary)).toMatchObject({
      channels: ['政府网站'],
      other: ['公安派出所户籍窗口'],
    });
  });
  it('reads a plain list and keeps a note that names no channel', () => {
    const cell = readChannels('1.政府网站 2.两微一端\n注:有关信息可推送至本省法律服务网。', vocabulary);
    expect(cell.style).toBe('list');
    expect(cell.channels).toEqual(['政府网站', '两微一端']);
    expect(cell.rest).toBe('注:有关信息可推送至本省法律服务网。');
  });
  it('keeps a bare ticked 其他 as 其他, for the rules to ask what it is', () => {
    expect(readChannels('■政府网站 ■其他_', vocabulary)).toMatchObject({ channels: ['政府网站', '其他'], other: [] });
  });
});

describe('header labels', () => {
  it('recognises labels through line-wrap spaces, pinyin glosses, traditional script and legends', () => {
    expect(singleRole('一级事 项')).toEqual({ role: 'item', depth: 1 });
    expect(singleRole('公開內(nèi)容(要素)')).toEqual({ role: 'field', field: 'content' });
    expect(singleRole('公开渠道和载体 (“■”表示必选项,“□”表示可选项)')).toEqual({ role: 'field', field: 'channels' });
    expect(groupRole('公開對象', '特定群眾')).toEqual({ role: 'audience', value: '特定群体' });
    expect(groupRole('公开方式', '依申请公开')).toEqual({ role: 'method', value: '依申请' });
    expect(groupRole('公开层级', '乡、村级')).toEqual({ role: 'level', name: '乡、村级' });
    expect(labelKey('序 号')).toBe('序号');
    expect(hasMandatoryLegend('公开渠道和载体(“■”表示必选 项,“口”表示可选项)')).toBe(true);
    expect(hasMandatoryLegend('公开渠道和载体')).toBe(false);
  });
  it('maps only what it knows, for matching: the text itself is never rewritten', () => {
    expect(toSimplified('公開層級')).toBe('公开层级');
    expect(matchKey('鎮(zhèn)級 ')).toBe('镇级');
  });
});

describe('titles', () => {
  it('takes the domain, unit and version from the title, and the unit from a 填报单位 line', () => {
    expect(readTitle(['重庆市巴南区人民政府惠民街道公共文化服务领域政务公开标准目录(2025版)'], vocabulary)).toEqual({
      title: '重庆市巴南区人民政府惠民街道公共文化服务领域政务公开标准目录(2025版)',
      domain: '公共文化服务',
      unit: '重庆市巴南区人民政府惠民街道',
      version: '2025版',
    });
    expect(readTitle(['(三)扶貧領域基層政務公開標準目錄'], vocabulary)).toMatchObject({
      domain: '乡村振兴',
      title: '扶貧領域基層政務公開標準目錄',
    });
    expect(
      readTitle(
        ['政务公开事项标准目录模板', '填报单位:武昌区建设局 填报时间:2020年', '重大建设项目领域基层政务公开标准目录'],
        vocabulary,
      ),
    ).toMatchObject({
      domain: '重大建设项目',
      unit: '武昌区建设局',
    });
    expect(readTitle(['安全生产领域基层政务公开标准目录'], vocabulary).unit).toBeUndefined();
  });
});
