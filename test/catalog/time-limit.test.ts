import { describe, expect, it } from 'vitest';
import {
  normalizeTimeText,
  parseTimeLimit,
  startsFromApplication,
  type TimeClause,
} from '../../src/catalog/time-limit.js';

/** What a test expects of one clause; fields left out are not checked. */
type Expected =
  | { kind: 'deadline'; anchor?: string | readonly string[] | undefined; amount: number; unit: string; scope?: string }
  | { kind: Exclude<TimeClause['kind'], 'deadline'>; scope?: string };

function expectClause(actual: TimeClause | undefined, expected: Expected): void {
  expect(actual, 'clause missing').toBeDefined();
  expect(actual!.kind).toBe(expected.kind);
  if (expected.kind === 'deadline' && actual!.kind === 'deadline') {
    expect({ amount: actual!.amount, unit: actual!.unit }).toEqual({ amount: expected.amount, unit: expected.unit });
    if (typeof expected.anchor === 'string') expect(actual!.anchor).toBe(expected.anchor);
    else if (expected.anchor) expect(expected.anchor).toContain(actual!.anchor);
  }
  if (expected.scope !== undefined) expect(actual!.scope).toBe(expected.scope);
}

const wd = (amount: number, anchor?: string | readonly string[]): Expected => ({
  kind: 'deadline',
  anchor,
  amount,
  unit: 'working_day',
});

// Verbatim strings from DOMAIN.md §4 (or the full form of a row the table abbreviates with “…”), each a
// single rule a reader understands without guessing.
const SINGLE: [string, Expected][] = [
  ['信息形成或者变更之日起20个工作日内', wd(20, 'formed_or_changed')],
  ['信息形成或变更之日起20个工作日内', wd(20, 'formed_or_changed')],
  ['信息形成或变更之日起3個工作日內', wd(3, 'formed_or_changed')],
  ['自该政府信息形成或者变更之日起20个工作日内及时公开', wd(20, 'formed_or_changed')],
  ['自该信息形成或者变更之日起20个工作日内', wd(20, 'formed_or_changed')],
  ['公开事项信息形成或变更之日起20个工作日内公开', wd(20, 'formed_or_changed')],
  ['形成或者变更之日起20个工作日内予以公开', wd(20, 'formed_or_changed')],
  ['信息形成或者变更之日起20个工作日内予以公开;', wd(20, 'formed_or_changed')],
  ['信息形成之日起20个工作日内', wd(20, 'formed')],
  ['信息形成之后20个工作日内', wd(20, 'formed')],
  ['信息形成(变更)20个工作日内', wd(20, 'formed_or_changed')],
  ['信息获取(形成变更)20个工作日内', wd(20, ['obtained', 'formed_or_changed'])],
  ['信息形成或变更之日起20工作日內', wd(20, 'formed_or_changed')],
  ['20工作日', wd(20, 'event')],
  ['20个工作日', wd(20, 'event')],
  ['自制作或获取该信息之日起20个工作日内公开', wd(20, 'obtained')],
  ['制定或获取信息之日起10个工作日内', wd(10, 'obtained')],
  ['制定或获取备案政策之日起10个工作日内', wd(10, 'obtained')],
  ['分配结果确定后20个工作日内', wd(20, 'allocation_confirmed')],
  ['本级人民代表大会或其常务委员会批准后20日内', { kind: 'deadline', anchor: 'approved', amount: 20, unit: 'day' }],
  ['本级政府财政部门批复后 20 日内', { kind: 'deadline', anchor: 'approved', amount: 20, unit: 'day' }],
  ['自收到申请之日起20个工作日内公开', wd(20, 'application_received')],
  ['关联规范性文件公开3个工作日内', wd(3, 'event')],
  ['实时公开', { kind: 'realtime' }],
  ['及时公开', { kind: 'prompt' }],
  ['按进展情况及时公开', { kind: 'prompt' }],
  ['重大决策作出后及时公开', { kind: 'prompt' }],
  ['同上', { kind: 'same_as_above' }],
  ['随采购公告、采购文件公开', { kind: 'relative' }],
  ['半年至少更新1次', { kind: 'periodic' }],
  ['每年1月31日前', { kind: 'periodic' }],
  ['提前一周发通知邀请', { kind: 'advance' }],
  ['长期', { kind: 'retention' }],
  ['永久公开', { kind: 'retention' }],
  // PDF wrap spaces inside words (tengchong 征收).
  ['信息形成或 者变更之日 起20个工作 日内予以公开', wd(20, 'formed_or_changed')],
];

describe('parseTimeLimit: one-rule strings from DOMAIN.md §4', () => {
  it.each(SINGLE)('%s', (raw, expected) => {
    const limit = parseTimeLimit(raw);
    expect(limit.raw).toBe(raw);
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(1);
    expectClause(limit.clauses[0], expected);
    expect(limit.unlessLawProvidesOtherwise).toBe(false);
    expect(limit.postingPeriod).toBeUndefined();
  });
});

describe('parseTimeLimit: strings with several parts', () => {
  it('the law rider after a full stop', () => {
    const limit = parseTimeLimit(
      '信息形成或者变更之日起 20 个工作日内。法律、法规对政府信息公开的期限另有规定的,从其规定。',
    );
    expect(limit.parsed).toBe(true);
    expect(limit.unlessLawProvidesOtherwise).toBe(true);
    expect(limit.clauses).toHaveLength(1);
    expectClause(limit.clauses[0], wd(20, 'formed_or_changed'));
  });

  it('a deadline, 长期 and a parenthesised rider', () => {
    const limit = parseTimeLimit('信息产生、变更之日起20个工作日内公开,保持长期公开(相关政策法规另有规定的应从其规定)');
    expect(limit.parsed).toBe(true);
    expect(limit.unlessLawProvidesOtherwise).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], wd(20, 'formed_or_changed'));
    expectClause(limit.clauses[1], { kind: 'retention' });
  });

  it('及时公开 with a posting period', () => {
    const limit = parseTimeLimit('及时公开,公告期限为5个工作日');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(1);
    expectClause(limit.clauses[0], { kind: 'prompt' });
    expect(limit.postingPeriod).toEqual({ amount: 5, unit: 'working_day' });
  });

  it('a deadline with 公示7个工作日 (the row DOMAIN.md abbreviates as “…10个工作日内,公示7个工作日”)', () => {
    const limit = parseTimeLimit('制定或获取信息之日起10个工作日内,公示7个工作日');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(1);
    expectClause(limit.clauses[0], wd(10, 'obtained'));
    expect(limit.postingPeriod).toEqual({ amount: 7, unit: 'working_day' });
  });

  it('numbered parts with scopes', () => {
    const limit = parseTimeLimit('1.除处罚决定外其他内容:长期公开(动态调整); 2.处罚决定:20个工作日内。');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], { kind: 'retention', scope: '除处罚决定外其他内容' });
    expectClause(limit.clauses[1], { kind: 'deadline', amount: 20, unit: 'working_day', scope: '处罚决定' });
  });

  it('a general deadline and a 其中 exception', () => {
    const limit = parseTimeLimit(
      '信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示',
    );
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], wd(20, 'formed'));
    expect(limit.clauses[0]!.scope).toBeUndefined();
    expectClause(limit.clauses[1], { ...wd(7, 'decision_made'), scope: '行政许可、行政处罚事项' });
    // “7个工作日内公示” is the deadline, not a posting period.
    expect(limit.postingPeriod).toBeUndefined();
  });

  it('a general deadline and a deadline for decisions', () => {
    const limit = parseTimeLimit('信息形成之日起20个工作日内;行政许可和行政处罚决定作出后7个工作日内');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], wd(20, 'formed'));
    expectClause(limit.clauses[1], wd(7, 'decision_made'));
  });

  it('two deadlines joined by a comma before 其他', () => {
    const limit = parseTimeLimit(
      '执法决定信息在决定作出之日起7个工作日内公开,其他相关信息形成或变更之日起20个工作日内公开',
    );
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], wd(7, 'decision_made'));
    expectClause(limit.clauses[1], wd(20, 'formed_or_changed'));
  });

  it('in sync with the policy document, within 5 working days', () => {
    const limit = parseTimeLimit('与政策文件同步发布,时间跨度不超过5个工作日');
    expect(limit.parsed).toBe(true);
    expectClause(limit.clauses[0], { kind: 'relative' });
    expect(limit.clauses.some((c) => c.kind === 'deadline' && c.amount === 5 && c.unit === 'working_day')).toBe(true);
  });

  it('two rules in one merged cell, separated only by white space', () => {
    const limit = parseTimeLimit('自收到申请之日起20个工作日内 自该信息形成或者变更之日起20个工作日内');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(2);
    expectClause(limit.clauses[0], wd(20, 'application_received'));
    expectClause(limit.clauses[1], wd(20, 'formed_or_changed'));
  });

  it('the PDF-wrapped row with its comment period (completed from DOMAIN.md’s “少于30…”)', () => {
    const limit = parseTimeLimit('信息形成或 者变更之日 起20个工作 日内予以公开;征求意 见期限不得 少于30日');
    expect(limit.parsed).toBe(true);
    expect(limit.clauses).toHaveLength(1);
    expectClause(limit.clauses[0], wd(20, 'formed_or_changed'));
    expect(limit.postingPeriod).toEqual({ amount: 30, unit: 'day' });
  });
});

describe('parseTimeLimit: what it cannot read', () => {
  it.each(['尽快', '按要求', '无'])('%s is unparsed', (raw) => {
    const limit = parseTimeLimit(raw);
    expect(limit.parsed).toBe(false);
    expect(limit.clauses).toEqual([{ kind: 'unparsed', text: raw }]);
  });

  it('one unreadable part makes the whole unparsed, but the readable part is kept', () => {
    const limit = parseTimeLimit('信息形成之日起20个工作日内;看情况');
    expect(limit.parsed).toBe(false);
    expect(limit.clauses.map((c) => c.kind)).toEqual(['deadline', 'unparsed']);
  });

  it('only filler words or nothing is not parsed', () => {
    expect(parseTimeLimit('').parsed).toBe(false);
    expect(parseTimeLimit('予以公开').parsed).toBe(false);
    expect(parseTimeLimit('予以公开').clauses).toEqual([]);
  });

  it('does not carry the rider over from one call to the next', () => {
    expect(parseTimeLimit('20个工作日内(法律法规另有规定的从其规定)').unlessLawProvidesOtherwise).toBe(true);
    expect(parseTimeLimit('20个工作日内').unlessLawProvidesOtherwise).toBe(false);
    expect(parseTimeLimit('20个工作日内(法律法规另有规定的从其规定)').unlessLawProvidesOtherwise).toBe(true);
  });
});

describe('normalizeTimeText', () => {
  it('removes wrap spaces and maps full-width digits and traditional forms', () => {
    expect(normalizeTimeText('信息形成或 者变更\n之日起２０個工作日內')).toBe('信息形成或者变更之日起20个工作日内');
  });
});

describe('startsFromApplication', () => {
  it.each([
    ['自收到申请之日起20个工作日内公开', true],
    ['自收到申请之日起15个工作日内', true],
    ['信息形成或者变更之日起20个工作日内', false],
    ['及时公开', false],
  ] as const)('%s → %s', (raw, expected) => {
    expect(startsFromApplication(parseTimeLimit(raw))).toBe(expected);
  });
});
