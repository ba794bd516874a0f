import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import type { Change } from '../../src/diff/types.js';

function cat(yaml: string) {
  const parsed = parseFast(yaml);
  if (!parsed.ok) throw new Error('bad YAML');
  return resolveCatalog(parsed.data);
}

const BASE = `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级, 乡级]
defaults: {subject: 青禾区教育局, channels: [政府网站, 两微一端], audience: 全社会, method: 主动, levels: [县级], time_limit: 信息形成或者变更之日起20个工作日内, basis: [《条例》]}
items:
  - name: 政策文件
    items:
      - {name: 法律法规, content: a}
      - {name: 规章, content: b}
      - {name: 解读, content: c}
  - name: 招生入学
    items:
      - {name: 招生政策, content: d}
      - {name: 录取结果, content: e}
`;

const summary = (changes: Change[]) =>
  changes.map((c) => {
    const names = 'after' in c ? c.after.names : c.before.names;
    return `${c.kind}${c.kind === 'changed' ? `:${c.field}` : ''} ${names.join('/')} ${c.class}`;
  });

describe('diffCatalogs', () => {
  it('finds nothing between a catalog and itself', () => {
    const d = diffCatalogs(cat(BASE), cat(BASE));
    expect(d.changes).toEqual([]);
    expect(d.counts.added).toEqual({ level1: 0, level2: 0 });
  });

  it('treats a value moved up to the 一级事项 as no change', () => {
    const moved = BASE.replace('  - name: 政策文件\n', '  - name: 政策文件\n    subject: 青禾区教育局\n');
    expect(diffCatalogs(cat(BASE), cat(moved)).changes).toEqual([]);
  });

  it('reports exactly a removal, a rename, a move, 主动 → 依申请 and a new 一级事项, classified', () => {
    const next =
      BASE.replace('      - {name: 规章, content: b}\n', '')
        .replace('{name: 解读, content: c}', '{name: 政策解读, content: c}')
        .replace('      - {name: 录取结果, content: e}\n', '')
        .replace('{name: 法律法规, content: a}', '{name: 法律法规, content: a}\n      - {name: 录取结果, content: e}')
        .replace('{name: 招生政策, content: d}', '{name: 招生政策, content: d, method: 依申请}') +
      '  - name: 学生资助\n    items:\n      - {name: 资助政策, content: f}\n';
    const d = diffCatalogs(cat(BASE), cat(next));
    expect(summary(d.changes).sort()).toEqual([
      'added 学生资助 extends',
      'added 学生资助/资助政策 extends',
      'changed:method 招生入学/招生政策 reduces',
      'moved 政策文件/录取结果 editorial',
      'removed 政策文件/规章 reduces',
      'renamed 政策文件/政策解读 editorial',
    ]);
    expect(d.counts.added).toEqual({ level1: 1, level2: 1 });
    expect(d.counts.removed).toEqual({ level1: 0, level2: 1 });
    expect(d.counts.byClass.reduces).toBe(2);
  });

  it.each([
    ['a channel removed', 'channels: [政府网站, 两微一端]', 'channels: [政府网站]', 'reduces'],
    ['a channel added', 'channels: [政府网站, 两微一端]', 'channels: [政府网站, 两微一端, 公开查阅点]', 'extends'],
    ['a longer deadline', '20个工作日内', '30个工作日内', 'reduces'],
    ['a shorter deadline', '20个工作日内', '10个工作日内', 'extends'],
    ['全社会 → 特定群体', 'audience: 全社会', 'audience: 特定群体', 'reduces'],
    ['a level dropped', 'levels: [县级]', 'levels: [乡级]', 'reduces'],
    ['new wording', '{name: 法律法规, content: a}', '{name: 法律法规, content: a2}', 'editorial'],
  ])('classifies %s', (_, from, to, klass) => {
    const d = diffCatalogs(cat(BASE), cat(BASE.replace(from, to)));
    expect(d.changes.length).toBeGreaterThan(0);
    expect(new Set(d.changes.map((c) => c.class))).toEqual(new Set([klass]));
  });

  it('splits channels added and taken away into two changes, each listing its channels in the standard order', () => {
    const swapped = BASE.replace(
      '{name: 招生政策, content: d}',
      '{name: 招生政策, content: d, channels: [政务新媒体, 政府网站, 公开查阅点, 政府公报]}',
    );
    const d = diffCatalogs(cat(BASE), cat(swapped));
    expect(d.changes).toHaveLength(2);
    const [added, removed] = d.changes as Extract<Change, { kind: 'changed' }>[];
    expect(added).toMatchObject({
      field: 'channels',
      class: 'extends',
      added: ['政府公报', '公开查阅点', '政务新媒体'],
    });
    expect(added!.removed).toBeUndefined();
    expect(removed).toMatchObject({ field: 'channels', class: 'reduces', removed: ['两微一端'] });
    expect(removed!.added).toBeUndefined();
    // Both show the whole lists, in the template's order, regional boxes after the standard ones.
    for (const c of [added!, removed!]) {
      expect(c.from).toEqual(['政府网站', '两微一端']);
      expect(c.to).toEqual(['政府网站', '政府公报', '公开查阅点', '政务新媒体']);
    }
    // One item changed; one change of each class.
    expect(d.counts.changed).toBe(1);
    expect(d.counts.byClass).toEqual({ reduces: 1, extends: 1, editorial: 0 });
    // Backwards, the halves change places.
    const back = diffCatalogs(cat(swapped), cat(BASE)).changes as Extract<Change, { kind: 'changed' }>[];
    expect(back.map((c) => [c.class, c.added ?? c.removed])).toEqual([
      ['extends', ['两微一端']],
      ['reduces', ['政府公报', '公开查阅点', '政务新媒体']],
    ]);
  });

  it('lists a named other channel after the boxes, in place of 其他', () => {
    const named = BASE.replace(
      '{name: 招生政策, content: d}',
      '{name: 招生政策, content: d, channels: [其他, 政府网站, 两微一端], other_channels: [招生咨询热线]}',
    );
    const d = diffCatalogs(cat(BASE), cat(named)).changes as Extract<Change, { kind: 'changed' }>[];
    expect(d.map((c) => [c.class, c.added ?? c.removed])).toEqual([['extends', ['招生咨询热线']]]);
    expect(d[0]!.to).toEqual(['政府网站', '两微一端', '招生咨询热线']);
    // Naming a ticked 其他 adds the name and takes nothing away; dropping the name takes it away and adds nothing.
    const bare = BASE.replace(
      '{name: 招生政策, content: d}',
      '{name: 招生政策, content: d, channels: [政府网站, 其他]}',
    );
    const both = (a: string, b: string) =>
      (diffCatalogs(cat(a), cat(b)).changes as Extract<Change, { kind: 'changed' }>[]).map((c) => [
        c.class,
        c.added ?? c.removed,
      ]);
    expect(both(bare, named)).toEqual([['extends', ['两微一端', '招生咨询热线']]]);
    expect(both(named, bare)).toEqual([['reduces', ['两微一端', '招生咨询热线']]]);
  });

  it('shows the version and the date where both sides give them and they differ', () => {
    const dated = (version: string, date: string) =>
      BASE.replace('unit: 青禾区教育局\n', `unit: 青禾区教育局\n${version}${date}`);
    expect(
      diffCatalogs(
        cat(dated('version: 2024版\n', 'date: 2024-05-01\n')),
        cat(dated('version: 2025版\n', 'date: 2025-03-01\n')),
      ).metadata,
    ).toEqual([
      { field: 'version', from: '2024版', to: '2025版' },
      { field: 'date', from: '2024-05-01', to: '2025-03-01' },
    ]);
    expect(
      diffCatalogs(
        cat(dated('version: "2024"\n', 'date: 2024-05-01\n')),
        cat(dated('version: "2025"\n', 'date: 2024-05-01\n')),
      ).metadata,
    ).toEqual([{ field: 'version', from: '2024', to: '2025' }]);
    // Unchanged, or given on one side only (a table may not say): nothing.
    const same = dated('version: 2024版\n', 'date: 2024-05-01\n');
    expect(diffCatalogs(cat(same), cat(same)).metadata).toEqual([]);
    expect(diffCatalogs(cat(BASE), cat(same)).metadata).toEqual([]);
    expect(diffCatalogs(cat(same), cat(BASE)).metadata).toEqual([]);
  });

  it('matches by code even when the name changed, and mirrors counts when reversed', () => {
    const a = cat(BASE.replace('{name: 规章, content: b}', '{name: 规章, code: "0102", content: b}'));
    const b = cat(BASE.replace('{name: 规章, content: b}', '{name: 部门规章, code: "0102", content: b2}'));
    expect(summary(diffCatalogs(a, b).changes)).toEqual([
      'renamed 政策文件/部门规章 editorial',
      'changed:content 政策文件/部门规章 editorial',
    ]);
    const next = cat(BASE + '  - name: 学生资助\n    items:\n      - {name: 资助政策, content: f}\n');
    const forward = diffCatalogs(cat(BASE), next).counts;
    const backward = diffCatalogs(next, cat(BASE)).counts;
    expect(forward.added).toEqual(backward.removed);
    expect(forward.removed).toEqual(backward.added);
  });

  describe('regressions found by the properties (test/diff/properties.test.ts)', () => {
    const both = (a: string, b: string) => ({
      forward: summary(diffCatalogs(cat(a), cat(b)).changes).sort(),
      backward: summary(diffCatalogs(cat(b), cat(a)).changes).sort(),
    });

    it('compares elements on rows only: a row that gets 三级事项 is a heading, in either direction', () => {
      const split = BASE.replace(
        '{name: 法律法规, content: a}',
        '{name: 法律法规, content: a, channels: [政府网站], items: [{name: 法律法规汇编, content: a1, channels: [政府网站, 两微一端]}]}',
      );
      expect(both(BASE, split)).toEqual({
        forward: ['added 政策文件/法律法规/法律法规汇编 extends'],
        backward: ['removed 政策文件/法律法规/法律法规汇编 reduces'],
      });
    });

    it('never matches items with different codes, not even as a move', () => {
      const coded = BASE.replace('{name: 规章, content: b}', '{name: 规章, code: "0102", content: b}');
      const recoded = BASE.replace('{name: 规章, content: b}', '{name: 规章, code: "0104", content: b}');
      expect(both(coded, recoded).forward).toEqual(['added 政策文件/规章 extends', 'removed 政策文件/规章 reduces']);
      const elsewhere = coded
        .replace('      - {name: 规章, code: "0102", content: b}\n', '')
        .replace(
          '{name: 录取结果, content: e}',
          '{name: 录取结果, content: e}\n      - {name: 规章, code: "0204", content: b}',
        );
      expect(both(coded, elsewhere).forward).toEqual(['added 招生入学/规章 extends', 'removed 政策文件/规章 reduces']);
    });

    // 政策文件 renamed, and a new 法律法规 under 招生入学: the one old 法律法规 has two namesakes.
    const renamedAndNamesake = (firstParent: '政策法规' | '招生入学') => {
      const renamed = BASE.replace('- name: 政策文件', '- name: 政策法规').replace(
        '{name: 录取结果, content: e}',
        '{name: 录取结果, content: e}\n      - {name: 法律法规, content: g}',
      );
      if (firstParent === '政策法规') return renamed;
      const [head, rest] = renamed.split('items:\n  - name: 政策法规');
      const [policy, admission] = rest!.split('  - name: 招生入学');
      return `${head}items:\n  - name: 招生入学${admission}  - name: 政策法规${policy}`;
    };

    it('takes a name for a move only if it is found once on each side, whatever the order of 一级事项', () => {
      for (const order of ['政策法规', '招生入学'] as const) {
        expect(both(BASE, renamedAndNamesake(order))).toEqual({
          forward: ['added 招生入学/法律法规 extends', 'renamed 政策法规 editorial'],
          backward: ['removed 招生入学/法律法规 reduces', 'renamed 政策文件 editorial'],
        });
      }
    });

    it('takes no rename when two new rows look alike (a row copied, then the original renamed)', () => {
      for (const [first, second] of [
        ['法律法规汇编', '法律法规和规章'],
        ['法律法规和规章', '法律法规汇编'],
      ]) {
        const copied = BASE.replace(
          '{name: 法律法规, content: a}',
          `{name: ${first}, content: a}\n      - {name: ${second}, content: a}`,
        );
        expect(both(BASE, copied)).toEqual({
          forward: [
            'added 政策文件/法律法规和规章 extends',
            'added 政策文件/法律法规汇编 extends',
            'removed 政策文件/法律法规 reduces',
          ],
          backward: [
            'added 政策文件/法律法规 extends',
            'removed 政策文件/法律法规和规章 reduces',
            'removed 政策文件/法律法规汇编 reduces',
          ],
        });
      }
    });

    it('renaming a 一级事项 is one rename, even where its 三级事项 repeat names and look alike', () => {
      const subsidies = `domain: 义务教育
unit: 青禾区教育局
defaults: {subject: 青禾区教育局, channels: [政府网站], audience: 全社会, method: 主动, time_limit: 实时公开, basis: [《条例》]}
items:
  - name: 学生资助
    items:
      - name: 助学金
        content: 见办事指南
        items: [{name: 申请材料}, {name: 办理流程}]
      - name: 免费教科书
        content: 见办事指南
        items: [{name: 申请材料}, {name: 办理流程}]
`;
      expect(both(subsidies, subsidies.replace('学生资助', '学生资助政策'))).toEqual({
        forward: ['renamed 学生资助政策 editorial'],
        backward: ['renamed 学生资助 editorial'],
      });
    });
  });
});

describe('diffCatalogs: names with characters that show as nothing', () => {
  it.each(['\u200b', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e'])('%j inside a name is no rename', (char) => {
    const after = BASE.replace('{name: 法律法规, content: a}', `{name: "法律${char}法规", content: a}`);
    expect(diffCatalogs(cat(BASE), cat(after)).changes).toEqual([]);
  });

  it('an item whose name gained one and whose elements all changed is the same item, changed', () => {
    const after = BASE.replace(
      '{name: 法律法规, content: a}',
      '{name: "法律\u200b法规", content: z, subject: 青禾区人民政府, method: 依申请, audience: 特定群体, levels: [乡级], channels: [政府公报], time_limit: 实时公开, basis: [《办法》]}',
    );
    const changes = summary(diffCatalogs(cat(BASE), cat(after)).changes);
    expect(changes.filter((c) => !c.startsWith('changed:'))).toEqual([]);
    expect(changes).toContain('changed:content 政策文件/法律\u200b法规 editorial');
  });

  it('a 一级事项 whose name gained one keeps its items matched', () => {
    const after = BASE.replace('  - name: 政策文件', '  - name: "政策\u200b文件"').replace(
      '{name: 规章, content: b}',
      '{name: 规章, content: x}',
    );
    expect(summary(diffCatalogs(cat(BASE), cat(after)).changes)).toEqual([
      'changed:content 政策\u200b文件/规章 editorial',
    ]);
  });
});

describe('diffCatalogs: codes with characters that show as nothing', () => {
  it('match the same code written cleanly', () => {
    const coded = BASE.replace('{name: 法律法规, content: a}', '{name: 法律法规, code: "0101", content: a}');
    const after = coded.replace(
      '{name: 法律法规, code: "0101", content: a}',
      '{name: 法律与法规, code: "0101\u200b", content: z, subject: 某局, method: 依申请, audience: 特定群体, levels: [乡级], channels: [政府公报], time_limit: 实时公开, basis: [《办法》]}',
    );
    const changes = summary(diffCatalogs(cat(coded), cat(after)).changes);
    expect(changes).toContain('renamed 政策文件/法律与法规 editorial');
    expect(changes.filter((c) => c.startsWith('added') || c.startsWith('removed'))).toEqual([]);
  });
});

describe('diffCatalogs: a 一级事项 renamed while its items change', () => {
  it('is one rename, with the item added under it', () => {
    const after = BASE.replace('  - name: 政策文件', '  - name: 政策文件及解读').replace(
      '      - {name: 解读, content: c}\n',
      '      - {name: 解读, content: c}\n      - {name: 规范性文件, content: f}\n',
    );
    expect(summary(diffCatalogs(cat(BASE), cat(after)).changes).sort()).toEqual(
      ['added 政策文件及解读/规范性文件 extends', 'renamed 政策文件及解读 editorial'].sort(),
    );
  });

  it('is one rename, with the item removed from under it and one reworded', () => {
    const after = BASE.replace('  - name: 政策文件', '  - name: 政策法规')
      .replace('      - {name: 解读, content: c}\n', '')
      .replace('{name: 规章, content: b}', '{name: 规章, content: x}');
    expect(summary(diffCatalogs(cat(BASE), cat(after)).changes).sort()).toEqual(
      ['changed:content 政策法规/规章 editorial', 'removed 政策文件/解读 reduces', 'renamed 政策法规 editorial'].sort(),
    );
  });
});
