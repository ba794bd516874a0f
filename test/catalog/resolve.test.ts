import { describe, expect, it } from 'vitest';
import { defaultTitle, leafItems, resolveCatalog, walkItems } from '../../src/catalog/resolve.js';
import type { ResolvedItem } from '../../src/catalog/types.js';

/** Find a resolved item by its names from the 一级事项 down. */
function find(items: readonly ResolvedItem[], ...names: string[]): ResolvedItem {
  const item = [...walkItems(items)].find((i) => i.names.join('>') === names.join('>'));
  if (!item) throw new Error(`no item ${names.join('>')}`);
  return item;
}

const TREE = {
  domain: '义务教育',
  unit: '青禾区教育局',
  defaults: {
    subject: '青禾区教育局',
    channels: ['政府网站'],
    time_limit: '信息形成或者变更之日起20个工作日内',
    extra: { 备注: '默认备注', 咨询电话: '0000' },
  },
  items: [
    {
      name: '政策文件',
      method: '主动',
      audience: '全社会',
      extra: { 咨询电话: '1111' },
      items: [
        {
          name: '法律法规',
          content: '法律、法规',
          items: [
            { name: '国家法律', channels: ['政府网站', '两微一端'] },
            { name: '地方法规', extra: { 备注: '三级备注' }, subject: '青禾区司法局' },
          ],
        },
        { name: '规范性文件', content: ['规范性文件'], method: '依申请', time_limit: '自收到申请之日起20个工作日内' },
      ],
    },
    { name: '招生入学', content: '招生计划' },
  ],
};

describe('resolveCatalog: inheritance', () => {
  const catalog = resolveCatalog(TREE);

  it('passes defaults down to every level', () => {
    for (const item of walkItems(catalog.items)) {
      expect(item.fields.channels.length, item.names.join('>')).toBeGreaterThan(0);
      expect(item.fields.time_limit, item.names.join('>')).toBeDefined();
    }
    const deep = find(catalog.items, '政策文件', '法律法规', '地方法规');
    expect(deep.fields.channels).toEqual(['政府网站']);
    expect(deep.origin.channels).toEqual(['defaults']);
    expect(find(catalog.items, '招生入学').fields.subject).toBe('青禾区教育局');
  });

  it('passes a 一级事项 value to its 二级 and 三级事项', () => {
    const deep = find(catalog.items, '政策文件', '法律法规', '国家法律');
    expect(deep.fields.method).toEqual(['主动']);
    expect(deep.fields.audience).toEqual(['全社会']);
    expect(deep.origin.method).toEqual(['items', 0]);
    expect(deep.fields.content).toEqual(['法律、法规']);
    expect(deep.origin.content).toEqual(['items', 0, 'items', 0]);
  });

  it('lets a child override, for itself and its own children only', () => {
    const own = find(catalog.items, '政策文件', '规范性文件');
    expect(own.fields.method).toEqual(['依申请']);
    expect(own.fields.time_limit).toBe('自收到申请之日起20个工作日内');
    expect(own.origin.time_limit).toEqual(['items', 0, 'items', 1]);
    const sibling = find(catalog.items, '政策文件', '法律法规');
    expect(sibling.fields.method).toEqual(['主动']);
    expect(sibling.fields.time_limit).toBe('信息形成或者变更之日起20个工作日内');
    expect(sibling.origin.time_limit).toEqual(['defaults']);

    const third = find(catalog.items, '政策文件', '法律法规', '国家法律');
    expect(third.fields.channels).toEqual(['政府网站', '两微一端']);
    expect(third.origin.channels).toEqual(['items', 0, 'items', 0, 'items', 0]);
    const otherThird = find(catalog.items, '政策文件', '法律法规', '地方法规');
    expect(otherThird.fields.subject).toBe('青禾区司法局');
    expect(find(catalog.items, '政策文件', '法律法规').fields.subject).toBe('青禾区教育局');
  });

  it('inherits extra key by key', () => {
    expect(find(catalog.items, '招生入学').fields.extra).toEqual({ 备注: '默认备注', 咨询电话: '0000' });
    expect(find(catalog.items, '政策文件', '规范性文件').fields.extra).toEqual({ 备注: '默认备注', 咨询电话: '1111' });
    expect(find(catalog.items, '政策文件', '法律法规', '地方法规').fields.extra).toEqual({
      备注: '三级备注',
      咨询电话: '1111',
    });
    expect(find(catalog.items, '政策文件', '法律法规', '国家法律').fields.extra).toEqual({
      备注: '默认备注',
      咨询电话: '1111',
    });
  });

  it('does not share objects between items (no aliasing of extra)', () => {
    const a = find(catalog.items, '政策文件', '法律法规', '国家法律');
    const b = find(catalog.items, '政策文件', '法律法规', '地方法规');
    a.fields.extra['新栏目'] = 'x';
    expect(b.fields.extra['新栏目']).toBeUndefined();
    expect(find(catalog.items, '招生入学').fields.extra['新栏目']).toBeUndefined();
  });

  it('records paths, depths, names and written keys', () => {
    const deep = find(catalog.items, '政策文件', '法律法规', '地方法规');
    expect(deep.path).toEqual(['items', 0, 'items', 0, 'items', 1]);
    expect(deep.depth).toBe(3);
    expect(deep.names).toEqual(['政策文件', '法律法规', '地方法规']);
    expect([...deep.written].sort()).toEqual(
      ['audience', 'channels', 'content', 'extra', 'method', 'subject', 'time_limit'].sort(),
    );
    expect(find(catalog.items, '招生入学').origin.method).toBeUndefined();
    expect(find(catalog.items, '招生入学').fields.method).toEqual([]);
    expect(find(catalog.items, '招生入学').written.has('method')).toBe(false);
  });

  it('turns single strings into lists', () => {
    const item = find(catalog.items, '招生入学');
    expect(item.fields.content).toEqual(['招生计划']);
    expect(find(catalog.items, '政策文件', '法律法规', '国家法律').fields.audience).toEqual(['全社会']);
  });
});

describe('resolveCatalog: values of the wrong type keep the inherited value', () => {
  const parent = {
    name: '一级',
    content: '内容',
    basis: ['《甲》'],
    time_limit: '实时公开',
    subject: '甲局',
    channels: ['政府网站'],
    audience: '全社会',
    specific_group: '项目单位',
    method: '主动',
    levels: ['县级'],
    extra: { 备注: '父' },
  };

  it.each([
    ['time_limit', 20, '实时公开'],
    ['time_limit', ['实时公开', '长期'], '实时公开'],
    ['subject', { name: '乙局' }, '甲局'],
    ['specific_group', true, '项目单位'],
    ['audience', '所有人', ['全社会']],
    ['audience', ['公众'], ['全社会']],
    ['method', '主动公开', ['主动']],
    ['channels', 5, ['政府网站']],
    ['channels', [], ['政府网站']],
    ['channels', [1, 2], ['政府网站']],
    ['levels', { 县级: true }, ['县级']],
    ['content', '', ['内容']],
    ['content', '   ', ['内容']],
    ['basis', null, ['《甲》']],
    ['extra', '备注', { 备注: '父' }],
    ['extra', ['备注'], { 备注: '父' }],
    ['extra', { 备注: 5 }, { 备注: '父' }],
  ])('%s: %j', (key, value, expected) => {
    const catalog = resolveCatalog({
      domain: 'd',
      unit: 'u',
      items: [{ ...parent, items: [{ name: '二级', [key]: value }] }],
    });
    const child = catalog.items[0]!.children[0]!;
    expect(child.fields[key as keyof typeof child.fields]).toEqual(expected);
    // extra merges key by key, so its single origin is not meaningful once an object is written.
    if (!(key === 'extra' && typeof value === 'object' && !Array.isArray(value))) {
      expect(child.origin[key as keyof typeof child.origin]).toEqual(['items', 0]);
    }
  });

  it('keeps the valid entries of a mixed list', () => {
    const catalog = resolveCatalog({
      domain: 'd',
      unit: 'u',
      items: [{ ...parent, items: [{ name: '二级', audience: ['公众', '特定群体'], channels: ['两微一端', 3] }] }],
    });
    const child = catalog.items[0]!.children[0]!;
    expect(child.fields.audience).toEqual(['特定群体']);
    expect(child.fields.channels).toEqual(['两微一端']);
    expect(child.origin.audience).toEqual(['items', 0, 'items', 0]);
  });

  it('counts a wrong-typed value as written', () => {
    const catalog = resolveCatalog({
      domain: 'd',
      unit: 'u',
      items: [{ name: '一级', items: [{ name: '二级', method: '主动公开' }] }],
    });
    const child = catalog.items[0]!.children[0]!;
    expect(child.written.has('method')).toBe(true);
    expect(child.fields.method).toEqual([]);
    expect(child.origin.method).toBeUndefined();
  });

  it('ignores wrong-typed defaults without blanking anything', () => {
    const catalog = resolveCatalog({
      domain: 'd',
      unit: 'u',
      defaults: { time_limit: 3, subject: '甲局' },
      items: [{ name: '一级' }],
    });
    expect(catalog.items[0]!.fields.time_limit).toBeUndefined();
    expect(catalog.items[0]!.fields.subject).toBe('甲局');
    expect(catalog.items[0]!.origin.time_limit).toBeUndefined();
  });
});

describe('resolveCatalog: the catalog itself', () => {
  it('gives a default title and reads the column lists', () => {
    const c = resolveCatalog({
      domain: '义务教育',
      unit: '青禾区教育局',
      level_columns: ['县级', '乡级'],
      extra_columns: ['备注'],
      items: [],
    });
    expect(c.title).toBe('青禾区教育局义务教育领域基层政务公开标准目录');
    expect(c.title).toBe(defaultTitle('青禾区教育局', '义务教育'));
    expect(c.levelColumns).toEqual(['县级', '乡级']);
    expect(c.extraColumns).toEqual(['备注']);
    expect(c.items).toEqual([]);
  });

  it('keeps a written title', () => {
    expect(resolveCatalog({ domain: 'd', unit: 'u', title: '某目录', items: [] }).title).toBe('某目录');
  });

  it('uses the configured level columns only when the catalog declares none', () => {
    expect(resolveCatalog({ domain: 'd', unit: 'u', items: [] }, ['区级']).levelColumns).toEqual(['区级']);
    expect(resolveCatalog({ domain: 'd', unit: 'u', level_columns: [], items: [] }, ['区级']).levelColumns).toEqual([]);
    expect(
      resolveCatalog({ domain: 'd', unit: 'u', level_columns: ['镇级'], items: [] }, ['区级']).levelColumns,
    ).toEqual(['镇级']);
  });

  it.each([null, undefined, 42, 'text', ['a'], { items: 'x' }, { items: [null, 5, 'x'] }])(
    'does not throw on %j',
    (data) => {
      expect(() => resolveCatalog(data)).not.toThrow();
    },
  );

  it('keeps code only when it is a string', () => {
    const c = resolveCatalog({
      domain: 'd',
      unit: 'u',
      items: [
        { name: 'a', code: '0101' },
        { name: 'b', code: 101 },
      ],
    });
    expect(c.items[0]!.code).toBe('0101');
    expect(c.items[1]!.code).toBeUndefined();
    expect('code' in c.items[1]!).toBe(false);
  });

  it('stops at the 三级事项', () => {
    const c = resolveCatalog({
      domain: 'd',
      unit: 'u',
      items: [{ name: '1', items: [{ name: '2', items: [{ name: '3', items: [{ name: '4' }] }] }] }],
    });
    const third = c.items[0]!.children[0]!.children[0]!;
    expect(third.depth).toBe(3);
    expect(third.children).toEqual([]);
  });
});

describe('walkItems and leafItems', () => {
  const catalog = resolveCatalog(TREE);

  it('walkItems visits parents before children, in document order', () => {
    expect([...walkItems(catalog.items)].map((i) => i.names.join('>'))).toEqual([
      '政策文件',
      '政策文件>法律法规',
      '政策文件>法律法规>国家法律',
      '政策文件>法律法规>地方法规',
      '政策文件>规范性文件',
      '招生入学',
    ]);
  });

  it('leafItems yields only the rows, in document order', () => {
    expect([...leafItems(catalog.items)].map((i) => i.name)).toEqual([
      '国家法律',
      '地方法规',
      '规范性文件',
      '招生入学',
    ]);
  });

  it('both work on an empty list', () => {
    expect([...walkItems([])]).toEqual([]);
    expect([...leafItems([])]).toEqual([]);
  });
});
