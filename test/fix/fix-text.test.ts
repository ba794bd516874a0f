import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/fix-text.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { validateText } from '../../src/validate/validate-text.js';
import { resolveValidateOptions, type ValidateOptions } from '../../src/validate/options.js';

const HEAD = `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级]
defaults:
  subject: 青禾区教育局
  audience: 全社会
  method: 主动
  levels: [县级]
  basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)
  time_limit: 信息形成或者变更之日起20个工作日内
  channels: [政府网站]
items:
`;

/** A catalog whose items are `items` (YAML indented by two spaces). */
const cat = (items: string) => HEAD + items;

/** One 一级事项 with one 二级事项 whose extra lines are `fields` (indented by eight spaces). */
const row = (fields: string) =>
  cat(`  - name: 政策文件
    items:
      - name: 法律法规
        content: 与义务教育有关的法律、法规
${fields}`);

function fix(text: string, options: Partial<ValidateOptions> = {}) {
  return fixText('test.yaml', text, resolveValidateOptions(options));
}

/** Fix `before`; expect exactly `after`, and nothing left to fix in it. */
function expectFix(before: string, after: string, options: Partial<ValidateOptions> = {}) {
  const result = fix(before, options);
  expect(result.text).toBe(after);
  expect(fix(result.text, options).applied).toEqual([]);
  return result;
}

describe('channel-known: aliases become the standard name', () => {
  it.each([
    [
      'in a flow list, with a comment on the line',
      '        channels: [政府网站, 一微一端]  # 渠道\n',
      '        channels: [政府网站, 两微一端]  # 渠道\n',
    ],
    ['as a single value', '        channels: 行政服务中心\n', '        channels: 政务服务中心\n'],
    [
      'quoted in a block list',
      "        channels:\n          - 政府网站\n          - '纸质载体'\n",
      "        channels:\n          - 政府网站\n          - '纸质媒体'\n",
    ],
    ['with a slash added', '        channels: [发布会听证会]\n', '        channels: [发布会/听证会]\n'],
    [
      'full-width brackets',
      '        channels: [社区/企事业单位/村公示栏（电子屏）]\n',
      '        channels: [社区/企事业单位/村公示栏(电子屏)]\n',
    ],
    ['double-quoted', '        channels: ["人户/现场"]\n', '        channels: ["入户/现场"]\n'],
  ])('%s', (_, before, after) => {
    const result = expectFix(row(before), row(after));
    expect(result.applied.map((a) => a.code)).toEqual(['channel-known']);
    expect(result.remaining).toEqual([]);
  });

  it.each([
    ['when the standard name is already in the list', '        channels: [政府网站, 政府门户网站]\n'],
    ['when two entries stand for the same channel', '        channels: [政务微信, 政务微博]\n'],
    ['for a name that is not an alias', '        channels: [政腐网站]\n'],
    ['for several channels in one entry', '        channels: [政府网站、两微一端]\n'],
  ])('leaves the text alone %s', (_, fields) => {
    const result = fix(row(fields));
    expect(result.text).toBe(row(fields));
    expect(result.remaining.map((d) => d.code)).toContain('channel-known');
  });

  it('follows the configured aliases', () => {
    const options = { vocabulary: resolveValidateOptions().vocabulary };
    expect(fix(row('        channels: [行政服务大厅]\n'), options).text).toBe(
      row('        channels: [行政服务大厅]\n'),
    );
  });
});

describe('basis-citation: year brackets become 〔〕', () => {
  it.each([
    [
      '﹝﹞',
      '《关于全面推进政务公开工作的意见》(中办发﹝2016﹞8号)',
      '《关于全面推进政务公开工作的意见》(中办发〔2016〕8号)',
    ],
    ['[]', '《文化部财务管理办法》(文财务发[2011]5号)', '《文化部财务管理办法》(文财务发〔2011〕5号)'],
    [
      'half-width ()',
      '《关于做好计划生育工作的通知》(国人口发(2007)78号)',
      '《关于做好计划生育工作的通知》(国人口发〔2007〕78号)',
    ],
    ['full-width （）', '《指导意见》（国办发（2019）54号）', '《指导意见》（国办发〔2019〕54号）'],
  ])('%s', (_, before, after) => {
    const result = expectFix(
      row(`        basis:\n          - ${before}  # 依据\n`),
      row(`        basis:\n          - ${after}  # 依据\n`),
    );
    expect(result.applied.map((a) => a.code)).toEqual(['basis-citation']);
  });

  it('fixes two document numbers in one citation, one per pass', () => {
    const before = '《甲》(国发[2016]1号)、《乙》(国办发[2017]2号)';
    const result = expectFix(
      row(`        basis: ${before}\n`),
      row('        basis: 《甲》(国发〔2016〕1号)、《乙》(国办发〔2017〕2号)\n'),
    );
    expect(result.applied).toHaveLength(2);
  });

  it('leaves a lost closing bracket to the reader', () => {
    const text = row('        basis: 《关于全面推进政务公开工作的意见》(中办发〔201680号)\n');
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.remaining.map((d) => d.code)).toEqual(['basis-citation']);
  });
});

describe('text-whitespace: stray spaces', () => {
  it('joins a name wrapped in its table cell', () => {
    expectFix(
      cat('  - name: 地方 层面 法规 政策\n    content: 法规\n'),
      cat('  - name: 地方层面法规政策\n    content: 法规\n'),
    );
  });

  it('joins a name folded over two lines', () => {
    expectFix(
      cat('  - name: 政策\n      文件  # 一级事项\n    content: 政策文件\n'),
      cat('  - name: 政策文件  # 一级事项\n    content: 政策文件\n'),
    );
  });

  it('joins a name with the line breaks of its cell', () => {
    expectFix(
      cat('  - name: "纳税\\n服务"\n    content: 纳税服务\n'),
      cat('  - name: "纳税服务"\n    content: 纳税服务\n'),
    );
  });

  it('trims quoted values and keeps their quotes', () => {
    expectFix(
      row(`        time_limit: " 信息形成之日起20个工作日内  "\n        subject: '青禾区教育局 '\n`),
      row(`        time_limit: "信息形成之日起20个工作日内"\n        subject: '青禾区教育局'\n`),
    );
  });

  it('removes an ideographic space after a plain value', () => {
    expectFix(
      row('        time_limit: 信息形成之日起20个工作日内\u3000\u3000\n'),
      row('        time_limit: 信息形成之日起20个工作日内\n'),
    );
  });

  it('leaves spaces inside texts, and block scalars, alone', () => {
    const text = row('        time_limit: |\n          自收到申请之日起20个工作日内 自该信息形成之日起20个工作日内\n');
    expect(fix(text).text).toBe(text);
  });
});

describe('schema/code-unquoted: codes are quoted as written', () => {
  it.each([
    ['0505  # 编码', '"0505"  # 编码'],
    ['12', '"12"'],
    ['1.10', '"1.10"'],
  ])('code: %s', (before, after) => {
    const result = expectFix(
      cat(`  - name: 政策文件\n    code: ${before}\n    content: 政策文件\n`),
      cat(`  - name: 政策文件\n    code: ${after}\n    content: 政策文件\n`),
    );
    expect(result.applied.map((a) => a.code)).toEqual(['schema/code-unquoted']);
    expect(result.remaining).toEqual([]);
  });
});

describe('no-same-as-above: 同上 becomes inheritance or the value above', () => {
  it('deletes 同上 where the row above inherits the value, keeping a comment on its line', () => {
    const before = cat(`  - name: 政策文件
    time_limit: 与政策文件同步发布
    items:
      - name: 法律法规
        content: 法律法规
      - name: 规章
        content: 规章
        time_limit: 同上  # 与上行相同
        subject: 同上
`);
    const after = cat(`  - name: 政策文件
    time_limit: 与政策文件同步发布
    items:
      - name: 法律法规
        content: 法律法规
      - name: 规章
        content: 规章
        # 与上行相同
`);
    const result = expectFix(before, after);
    expect(result.applied.map((a) => a.description)).toEqual([
      '删除“同上”，由上级事项继承相同的值。',
      '删除“同上”，由上级事项继承相同的值。',
    ]);
  });

  it('copies a value the row above writes itself', () => {
    const before = row(`        time_limit: 与政策文件同步发布
      - name: 规章
        content: 规章
        time_limit: 同上
`);
    const after = row(`        time_limit: 与政策文件同步发布
      - name: 规章
        content: 规章
        time_limit: 与政策文件同步发布
`);
    expect(expectFix(before, after).applied.map((a) => a.description)).toEqual(['把“同上”换成上一行的值。']);
  });

  it('copies a block list re-indented, comments in it included, from a 二级事项 to the next 一级事项', () => {
    const before = cat(`  - name: 政策文件
    items:
      - name: 法律法规
        content: 法律法规
        basis:
          - 《中华人民共和国义务教育法》
          - 《中华人民共和国教师法》  # 2009年修正
  - name: 招生入学
    content: 招生入学政策
    basis: 同上
`);
    const after = cat(`  - name: 政策文件
    items:
      - name: 法律法规
        content: 法律法规
        basis:
          - 《中华人民共和国义务教育法》
          - 《中华人民共和国教师法》  # 2009年修正
  - name: 招生入学
    content: 招生入学政策
    basis:
      - 《中华人民共和国义务教育法》
      - 《中华人民共和国教师法》  # 2009年修正
`);
    expectFix(before, after);
  });

  it('copies into a list that holds only 同上, in either style', () => {
    const before = row(`        channels: [政府网站, 两微一端]
      - name: 规章
        content: 规章
        channels: [同上]
      - name: 规范性文件
        content: 规范性文件
        channels:
          - 同上  # 同上一行
`);
    const after = row(`        channels: [政府网站, 两微一端]
      - name: 规章
        content: 规章
        channels: [政府网站, 两微一端]
      - name: 规范性文件
        content: 规范性文件
        channels: [政府网站, 两微一端]  # 同上一行
`);
    expectFix(before, after);
  });

  it('copies a block scalar with its lines', () => {
    const before = row(`        time_limit: |
          每年1月31日前
      - name: 规章
        content: 规章
        time_limit: 同上  # 见上
`);
    const after = row(`        time_limit: |
          每年1月31日前
      - name: 规章
        content: 规章
        time_limit: | # 见上
          每年1月31日前
`);
    expectFix(before, after);
  });

  it('resolves a column of 同上 in one pass', () => {
    const before = row(`        time_limit: 长期
      - name: 规章
        content: 规章
        time_limit: 同上
      - name: 规范性文件
        content: 规范性文件
        time_limit: 同上
      - name: 政策解读
        content: 政策解读
        time_limit: 同上
`);
    const result = expectFix(before, before.replaceAll('time_limit: 同上', 'time_limit: 长期'));
    expect(result.applied).toHaveLength(3);
  });

  it('removes an extra column, and the extra left empty', () => {
    const before = cat(`  - name: 政策文件
    extra:
      备注: 每年更新
      咨询电话: "0000"
    items:
      - name: 法律法规
        content: 法律法规
      - name: 规章
        content: 规章
        extra:
          备注: 同上
      - name: 规范性文件
        content: 规范性文件
        extra:
          备注: 同上
          咨询电话: "1111"
`).replace('items:\n', 'extra_columns: [备注, 咨询电话]\nitems:\n');
    const after = cat(`  - name: 政策文件
    extra:
      备注: 每年更新
      咨询电话: "0000"
    items:
      - name: 法律法规
        content: 法律法规
      - name: 规章
        content: 规章
      - name: 规范性文件
        content: 规范性文件
        extra:
          咨询电话: "1111"
`).replace('items:\n', 'extra_columns: [备注, 咨询电话]\nitems:\n');
    expectFix(before, after);
  });

  it('copies the row above across 一级事项, as on paper', () => {
    const before = cat(`  - name: 政策文件
    channels: [政府网站, 两微一端]
    items:
      - name: 法律法规
        content: 法律法规
  - name: 招生入学
    items:
      - name: 招生计划
        content: 招生计划
        channels: 同上
`);
    expectFix(before, before.replace('channels: 同上', 'channels: [政府网站, 两微一端]'));
  });

  it('leaves a 同上 with nothing above, and one in a longer list', () => {
    const text = cat(`  - name: 政策文件
    content: 政策文件
    subject: 同上
    items:
      - name: 法律法规
        content: [法律法规, 同上]
`);
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.remaining.filter((d) => d.code === 'no-same-as-above')).toHaveLength(2);
  });

  it('does not make a copy that would read differently', () => {
    // Keep-chomping (|+) keeps the blank lines after the text, which a copy would not carry.
    const text = row(`        time_limit: |+
          长期

      - name: 规章
        content: 规章
        time_limit: 同上
`);
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.remaining.map((d) => d.code)).toEqual(['no-same-as-above']);
  });
});

describe('the fix loop', () => {
  it('fixes the value above first, then copies the fixed value', () => {
    const before = row(`        channels: [政府网站, 一微一端]
      - name: 规章
        content: 规章
        channels: 同上
`);
    const result = expectFix(
      before,
      before.replaceAll('一微一端', '两微一端').replace('channels: 同上', 'channels: [政府网站, 两微一端]'),
    );
    expect(result.applied.map((a) => a.code)).toEqual(['channel-known', 'no-same-as-above']);
  });

  it('keeps CRLF line ends, also in the lines it writes', () => {
    const before = cat(`  - name: 政策 文件
    code: 0505
    basis:
      - 《甲》(国发[2016]1号)
    channels: [政府网站, 一微一端]
    items:
      - name: 法律法规
        content: 法律法规
  - name: 招生入学
    content: 招生入学
    basis: 同上
    channels: 同上  # 渠道同上
`).replaceAll('\n', '\r\n');
    const after = cat(`  - name: 政策文件
    code: "0505"
    basis:
      - 《甲》(国发〔2016〕1号)
    channels: [政府网站, 两微一端]
    items:
      - name: 法律法规
        content: 法律法规
  - name: 招生入学
    content: 招生入学
    basis:
      - 《甲》(国发〔2016〕1号)
    channels: [政府网站, 两微一端]  # 渠道同上
`).replaceAll('\n', '\r\n');
    const result = expectFix(before, after);
    expect(result.applied).toHaveLength(6);
    expect(result.remaining).toEqual([]);
  });

  it('reports the findings of the fixed text', () => {
    const result = fix(row('        channels: [一微一端]\n        method: 主劫\n'));
    expect(result.text).toBe(row('        channels: [两微一端]\n        method: 主劫\n'));
    expect(result.remaining.map((d) => [d.code, d.range?.start.line])).toEqual([['schema/enum', 18]]);
    expect(result.remaining[0]!.fix).toBeUndefined();
  });

  it('does not touch text that is not valid YAML', () => {
    const text = row('        channels: [一微一端\n');
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.applied).toEqual([]);
    expect(result.remaining.map((d) => d.code)).toEqual(['yaml/syntax']);
  });

  it('applies no fix of a rule that is turned off', () => {
    const text = row('        channels: [一微一端]\n        code: 0101\n');
    const result = fix(text, { rules: { 'channel-known': 'off' } });
    expect(result.text).toBe(row('        channels: [一微一端]\n        code: "0101"\n'));
  });

  it('describes its fixes in English when asked', () => {
    const result = fix(row('        channels: [一微一端]\n'), { lang: 'en' });
    expect(result.applied).toEqual([
      {
        code: 'channel-known',
        message: '"一微一端" is not a standard channel name.',
        description: 'Write the standard name "两微一端".',
        path: ['items', 0, 'items', 0, 'channels', 0],
        line: 17,
      },
    ]);
  });
});

describe('fixText on a large catalog', () => {
  it('checks the fixed text a few times in all, not once per fix', () => {
    // 600 rows: every code unquoted, every other time limit “同上” (1,500 fixes over two kinds of pass).
    const rows = Array.from({ length: 600 }, (_, i) => {
      const n = String(i + 1).padStart(3, '0');
      const limit = i % 2 === 1 ? '同上' : `信息形成之日起${(i % 7) + 5}个工作日内`;
      return `      - name: 事项${n}\n        code: 0101${n}\n        content: 第${n}项的内容\n        time_limit: ${limit}\n`;
    });
    const text = cat(`  - name: 政策文件\n    code: "0101"\n    items:\n${rows.join('')}`);
    const result = fix(text);
    expect(result.applied.length).toBe(900);
    expect(result.remaining).toEqual([]);
    expect(result.text).toContain('code: "0101600"');
    expect(result.text).not.toContain('同上');
    expect(result.passes).toBe(2);
    expect(result.checks).toBe(2);
  });
});

/** The data a text holds, as the catalog reader reads it. */
const dataOf = (text: string) => {
  const parsed = parseFast(text);
  return parsed.ok ? parsed.data : undefined;
};

/** The hint a finding gives at `code`, in Chinese. */
const hintOf = (text: string, code: string) =>
  validateText('test.yaml', text, resolveValidateOptions()).diagnostics.find((d) => d.code === code)?.hint;

describe('hints that say what to write are what fix writes', () => {
  it.each([
    ['        method: 主动公开\n', '        method: 主动\n', '改为“主动”。'],
    ['        method: [主动公开]\n', '        method: [主动]\n', '改为“主动”。'],
    [
      '        method: 依申请公开\n        audience: 特定群体\n        specific_group: 申请人\n        time_limit: 自收到申请之日起20个工作日内\n',
      '        method: 依申请\n        audience: 特定群体\n        specific_group: 申请人\n        time_limit: 自收到申请之日起20个工作日内\n',
      '改为“依申请”。',
    ],
    ['        audience: 社会公众\n', '        audience: 全社会\n', '改为“全社会”。'],
  ])('a word people write for an allowed value: %s', (before, after, hint) => {
    expect(hintOf(row(before), 'schema/enum')).toBe(hint);
    const result = expectFix(row(before), row(after));
    expect(result.applied.map((a) => [a.code, a.description])).toEqual([['schema/enum', hint]]);
    expect(result.remaining).toEqual([]);
  });

  it('an alias in a list that already holds the value meant is not changed into a repeat', () => {
    const text = row('        method: [主动, 主动公开]\n');
    expect(hintOf(text, 'schema/enum')).toBe('删除这一项：列表中已有“主动”。');
    expect(fix(text).text).toBe(text);
  });

  it('a near spelling is only a question, and is left as written', () => {
    const text = row('        method: 主劫\n');
    expect(hintOf(text, 'schema/enum')).toBe('是不是“主动”？');
    expect(fix(text).text).toBe(text);
  });

  it('a lost 〕 in a document number is only a question, and is left as written', () => {
    const text = row('        basis: 《关于全面推进政务公开工作的意见》(中办发〔201680号)\n');
    expect(hintOf(text, 'basis-citation')).toBe('核对年份后补上〕，可能是“中办发〔2016〕80号”。');
    expect(fix(text).text).toBe(text);
  });

  it.each([
    ['version: 2021\n', 'version: "2021"\n', '2021'],
    ['version: 2021.10\n', 'version: "2021.10"\n', '2021.10'],
  ])('a number where text belongs is quoted as written: %s', (before, after, value) => {
    const text = cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n        content: 与义务教育有关的法律、法规\n`,
    );
    const withVersion = (line: string) => text.replace('items:\n', `${line}items:\n`);
    expect(hintOf(withVersion(before), 'schema/type')).toBe(`加上引号：\`"${value}"\`。`);
    const result = expectFix(withVersion(before), withVersion(after));
    expect((dataOf(result.text) as { version: unknown }).version).toBe(value);
    expect(result.applied.map((a) => a.code)).toEqual(['schema/type']);
  });
});

/** The same text with each two leading spaces of a line written as a tab. */
const tabbed = (text: string) => text.replace(/^(?: {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));

describe('yaml/tab-indent: tabs become spaces where their width does not matter', () => {
  it('turns a catalog indented with tabs into the same catalog indented with spaces', () => {
    const spaced = row('        levels: [县级]\n');
    expect(tabbed(spaced)).not.toBe(spaced);
    expect(validateText('test.yaml', tabbed(spaced), resolveValidateOptions()).diagnostics[0]!.code).toBe(
      'yaml/tab-indent',
    );
    const result = expectFix(tabbed(spaced), spaced);
    expect(result.applied.map((a) => [a.code, a.description])).toEqual([
      ['yaml/tab-indent', '把缩进中的 Tab 换成空格。'],
    ]);
    expect(result.remaining).toEqual([]);
  });

  it('leaves a text alone where a line mixes tabs and spaces', () => {
    const text = tabbed(row('')).replace('\t\t\t\tcontent', '\t\t\t  content');
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.remaining[0]!.code).toBe('yaml/tab-indent');
  });

  it('leaves a text alone where the width of a tab changes the data', () => {
    // Inside a block, the second line is indented past the first by one tab: 1 space, or 2, or 8.
    const text = `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级]
defaults:
\tbasis: |
\t\t第一行
\t\t\t第二行
items: [{name: 政策文件, items: [{name: 法律法规, content: 与义务教育有关的法律、法规}]}]
`;
    const result = fix(text);
    expect(result.text).toBe(text);
    expect(result.remaining[0]!.code).toBe('yaml/tab-indent');
    // Without the second line, every width reads the same.
    const plain = text.replace('\t\t\t第二行\n', '');
    expect(fix(plain).applied.map((a) => a.code)).toContain('yaml/tab-indent');
  });
});

describe('fixText: lines of the applied fixes', () => {
  it('names each fix by its line in the text as read, also in later passes', () => {
    // The first pass quotes the code and joins the name's two lines; the “同上” is replaced in the second.
    const text = cat(
      `  - name: 政策\n      文件\n    code: 01\n    items:\n      - name: 甲\n        content: 内容\n      - name: 乙\n        content: 内容\n        time_limit: 同上\n`,
    );
    const result = fix(text);
    const lines = text.split('\n');
    expect(result.passes).toBe(2);
    expect(result.applied.map((a) => [a.code, lines[a.line - 1]!.trim()])).toEqual([
      ['text-whitespace', '- name: 政策'],
      ['schema/code-unquoted', 'code: 01'],
      ['no-same-as-above', 'time_limit: 同上'],
    ]);
  });
});
