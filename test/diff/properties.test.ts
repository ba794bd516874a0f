import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCatalog, walkItems } from '../../src/catalog/resolve.js';
import type { Catalog } from '../../src/catalog/types.js';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import type { CatalogDiff, Change, ChangeClass, DiffCounts, ItemRef } from '../../src/diff/types.js';
import { parseFast } from '../../src/load/parse-fast.js';
import { arbitraryCatalog, arbitrarySortKeys, catalogToYaml, reorderSiblings } from '../_helpers/arbitrary-catalog.js';
import {
  applyEdits,
  arbitraryRevisionWithEdits,
  type EditKind,
  type ItemTrace,
  type Revision,
} from '../_helpers/arbitrary-revision.js';
import { pathKey } from '../_helpers/catalog-tree.js';
import {
  describeChange,
  effectiveByPath,
  expectedFieldChanges,
  groundTruth,
  mostElementsKept,
} from '../_helpers/diff-oracle.js';
import { runs } from '../_helpers/fc-options.js';

const diff = (a: Catalog, b: Catalog): CatalogDiff => diffCatalogs(resolveCatalog(a), resolveCatalog(b));

const ZERO: DiffCounts = {
  added: { level1: 0, level2: 0 },
  removed: { level1: 0, level2: 0 },
  changed: 0,
  byClass: { reduces: 0, extends: 0, editorial: 0 },
};

/** A catalog and a revision of it by a few random edits. */
const revisions = (kinds?: readonly EditKind[], maxLength?: number) =>
  arbitraryCatalog().chain((a) => arbitraryRevisionWithEdits(a, kinds, maxLength));

const ref = (r: ItemRef) => `${r.depth}:${r.names.join('/')}#${r.code ?? ''}@${r.path.join('.')}`;

/** A change in full, paths and codes included. */
function full(c: Change): string {
  switch (c.kind) {
    case 'added':
      return `added ${ref(c.after)} ${c.class}`;
    case 'removed':
      return `removed ${ref(c.before)} ${c.class}`;
    case 'renamed':
    case 'moved':
      return `${c.kind} ${ref(c.before)} → ${ref(c.after)} ${c.class}`;
    case 'changed':
      return `changed ${ref(c.before)} → ${ref(c.after)} ${c.field}: [${[...c.from].sort().join('|')}] → [${[...c.to].sort().join('|')}]${
        c.added ? ` +[${c.added.join('|')}]` : ''
      }${c.removed ? ` -[${c.removed.join('|')}]` : ''} ${c.class}`;
  }
}

/**
 * A change of levels that both drops and adds entries (a level swapped for another): it reduces either way.
 * Channels swapped are two changes, the channels added and the channels removed, each mirrored by the other.
 */
const isSwap = (c: Change): boolean =>
  c.kind === 'changed' &&
  c.field === 'levels' &&
  c.from.some((v) => !c.to.includes(v)) &&
  c.to.some((v) => !c.from.includes(v));

const MIRROR_CLASS: Record<ChangeClass, ChangeClass> = {
  reduces: 'extends',
  extends: 'reduces',
  editorial: 'editorial',
};

/** The change diff(b, a) should report for a change of diff(a, b). */
function mirrored(c: Change): Change {
  switch (c.kind) {
    case 'added':
      return { kind: 'removed', class: MIRROR_CLASS[c.class], before: c.after };
    case 'removed':
      return { kind: 'added', class: MIRROR_CLASS[c.class], after: c.before };
    case 'renamed':
    case 'moved':
      return { ...c, before: c.after, after: c.before };
    case 'changed': {
      const { added, removed, ...rest } = c;
      return {
        ...rest,
        class: isSwap(c) ? c.class : MIRROR_CLASS[c.class],
        before: c.after,
        after: c.before,
        from: c.to,
        to: c.from,
        ...(added ? { removed: added } : {}),
        ...(removed ? { added: removed } : {}),
      };
    }
  }
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const isPrefix = (prefix: readonly string[], names: readonly string[]) =>
  prefix.length <= names.length && prefix.every((n, i) => names[i] === n);

type Entry = Pick<ItemRef, 'depth' | 'names'> & { code?: string | undefined };

/** An entry of a catalog's item set: depth, names from the 一级事项 down, code. */
const entry = (r: Entry) => `${r.depth}:${r.names.join('/')}#${r.code ?? ''}`;
const itemSet = (c: Catalog) => sorted([...walkItems(resolveCatalog(c).items)].map(entry));

/**
 * Where the reported changes take each item of a, by names path: removed items nowhere (null);
 * renamed and moved items where the change says; other items under wherever their parent went.
 * An item that no change accounts for but whose parent was removed is `lost`.
 */
function whereItemsGo(a: Catalog, changes: readonly Change[]): Map<string, Entry | null | 'lost'> {
  const removed = new Set(changes.flatMap((c) => (c.kind === 'removed' ? [pathKey(c.before.names)] : [])));
  const relocated = new Map(
    changes.flatMap((c) =>
      c.kind === 'renamed' || c.kind === 'moved' ? [[pathKey(c.before.names), c.after] as const] : [],
    ),
  );
  const out = new Map<string, Entry | null | 'lost'>();
  const walk = (items: ReturnType<typeof resolveCatalog>['items'], parent: Entry | null | 'lost' | undefined) => {
    for (const item of items) {
      const key = pathKey(item.names);
      const goes: Entry | null | 'lost' = removed.has(key)
        ? null
        : (relocated.get(key) ??
          (parent === undefined
            ? item
            : parent && parent !== 'lost'
              ? { depth: item.depth, names: [...parent.names, item.name], code: item.code }
              : 'lost'));
      out.set(key, goes);
      walk(item.children, goes);
    }
  };
  walk(resolveCatalog(a).items, undefined);
  return out;
}

/** a's item set with the reported changes applied: removed items dropped, the others where they went, added items added. */
function applyChanges(a: Catalog, changes: readonly Change[]): string[] {
  const kept = [...whereItemsGo(a, changes)].flatMap(([key, goes]) =>
    goes === null ? [] : goes === 'lost' ? [`lost:${key}`] : [entry(goes)],
  );
  return sorted([...kept, ...changes.flatMap((c) => (c.kind === 'added' ? [entry(c.after)] : []))]);
}

describe('diffCatalogs properties', () => {
  it('diff(a, a) is empty, whatever the order of siblings and through YAML text', () => {
    fc.assert(
      fc.property(arbitraryCatalog(), arbitrarySortKeys, (a, keys) => {
        for (const b of [
          a,
          structuredClone(a),
          reorderSiblings(a, keys),
          (parseFast(catalogToYaml(a)) as { data: Catalog }).data,
        ]) {
          const d = diff(a, b);
          expect(d.changes).toEqual([]);
          expect(d.counts).toEqual(ZERO);
        }
      }),
      runs(150),
    );
  });

  it('diff(b, a) mirrors diff(a, b): change for change, and so do the counts', () => {
    fc.assert(
      fc.property(revisions(), ({ before: a, after: b }) => {
        const forward = diff(a, b);
        const backward = diff(b, a);
        expect(sorted(backward.changes.map(full))).toEqual(sorted(forward.changes.map((c) => full(mirrored(c)))));
        expect(backward.counts.added).toEqual(forward.counts.removed);
        expect(backward.counts.removed).toEqual(forward.counts.added);
        expect(backward.counts.changed).toBe(forward.counts.changed);
        // reduces ↔ extends, except swaps, which reduce both ways.
        const swaps = forward.changes.filter(isSwap).length;
        expect(backward.counts.byClass.editorial).toBe(forward.counts.byClass.editorial);
        expect(backward.counts.byClass.extends).toBe(forward.counts.byClass.reduces - swaps);
        expect(backward.counts.byClass.reduces).toBe(forward.counts.byClass.extends + swaps);
      }),
      runs(200),
    );
  });

  it("applying the reported changes to a's item set gives b's item set", () => {
    fc.assert(
      fc.property(revisions(), ({ before: a, after: b }) => {
        const { changes } = diff(a, b);
        expect(applyChanges(a, changes)).toEqual(itemSet(b));
        // Field changes are reported on items where the other changes say they went.
        const goes = whereItemsGo(a, changes);
        for (const c of changes)
          if (c.kind === 'changed') expect(goes.get(pathKey(c.before.names))).toMatchObject({ names: c.after.names });
      }),
      runs(200),
    );
  });

  it('reports a single edit exactly as it was made', () => {
    fc.assert(
      fc.property(revisions(undefined, 1), (rev) => {
        expect(sorted(diff(rev.before, rev.after).changes.map(describeChange))).toEqual(groundTruth(rev));
      }),
      runs(300),
    );
  });

  it('reports every edit of a series, where the names allow telling which item became which', () => {
    fc.assert(
      fc.property(revisions(), (rev) => checkAgainstLineage(rev, diff(rev.before, rev.after))),
      runs(200),
    );
  });

  it('renaming a 一级事项 is one rename, whatever lies under it', () => {
    const renamed = arbitraryCatalog({ withLevel3: 4 }).chain((a) =>
      fc
        .record({ pick: fc.nat(1000), variant: fc.nat(20) })
        .map(({ pick, variant }) => applyEdits(a, [{ kind: 'rename', depth: 1, pick, variant }])),
    );
    fc.assert(
      fc.property(renamed, (rev) => {
        const [edit] = rev.edits;
        if (edit?.kind !== 'rename') throw new Error('a 一级事项 can always be renamed');
        expect(diff(rev.before, rev.after).changes.map(describeChange)).toEqual([
          `renamed ${edit.names[0]} → ${edit.to} editorial`,
        ]);
      }),
      runs(200),
    );
  });

  it('renaming a row and rewording some of its elements is one rename with those changes, not a removal and an addition', () => {
    const edited = arbitraryCatalog().chain((a) =>
      fc
        .record({
          pick: fc.nat(1000),
          variant: fc.nat(20),
          depth: fc.constantFrom(2 as const, 3 as const),
          fields: fc.subarray(['content', 'basis', 'subject'] as const, { minLength: 1, maxLength: 2 }),
        })
        .map(({ pick, variant, depth, fields }) => {
          const rev = applyEdits(a, [{ kind: 'rename', depth, pick, variant }]);
          const [edit] = rev.edits;
          if (edit?.kind !== 'rename') return undefined;
          let node: { name?: unknown; items?: readonly unknown[] } & Record<string, unknown> = {
            items: rev.after.items,
          };
          for (const name of [...edit.names.slice(0, -1), edit.to])
            node = (node.items as (typeof node)[]).find((i) => i.name === name)!;
          if (node.items?.length) return undefined;
          for (const f of fields) node[f] = `${edit.to}的${f}（修订）`;
          return rev;
        }),
    );
    fc.assert(
      fc.property(edited, (rev) => {
        fc.pre(rev !== undefined);
        const changes = sorted(diff(rev.before, rev.after).changes.map(describeChange));
        expect(changes).toEqual(groundTruth(rev));
        expect(changes.filter((c) => c.startsWith('renamed '))).toHaveLength(1);
      }),
      runs(200),
    );
  });

  it('renaming a 一级事项 and adding an item under it is one rename and one addition', () => {
    const edited = arbitraryCatalog().chain((a) =>
      fc.record({ pick: fc.nat(1000), variant: fc.nat(20) }).map(({ pick, variant }) => {
        const rev = applyEdits(a, [{ kind: 'rename', depth: 1, pick, variant }]);
        const [edit] = rev.edits;
        if (edit?.kind !== 'rename') return undefined;
        const heading = rev.after.items.find((i) => i.name === edit.to)!;
        const children = heading.items ?? [];
        // Its items are told by their names alone: each name once among the 二级事项 of either side.
        const names = [...walkItems(resolveCatalog(rev.after).items)].filter((i) => i.depth === 2).map((i) => i.name);
        if (children.length < 2 || children.some((c) => names.filter((n) => n === c.name).length !== 1))
          return undefined;
        const added = `${edit.to}新增事项`;
        (heading as { items?: readonly unknown[] }).items = [...children, { name: added, content: ['新增内容'] }];
        return { rev, added: `added ${edit.to}/${added} extends` };
      }),
    );
    fc.assert(
      fc.property(edited, (x) => {
        fc.pre(x !== undefined);
        const { rev, added } = x;
        expect(sorted(diff(rev.before, rev.after).changes.map(describeChange))).toEqual(
          sorted([...groundTruth(rev), added]),
        );
      }),
      runs(200),
    );
  });

  it('turning 主动 into 依申请 reduces, and back extends', () => {
    fc.assert(
      fc.property(revisions(['method'], 1), (rev) => {
        const edit = rev.edits[0]!;
        if (edit.kind !== 'set') throw new Error('a method edit always applies');
        const [change] = diff(rev.before, rev.after).changes.filter(
          (c) => c.kind === 'changed' && c.field === 'method',
        );
        expect(change).toMatchObject({
          kind: 'changed',
          field: 'method',
          class: edit.to === '依申请' ? 'reduces' : 'extends',
          before: { names: edit.names },
        });
      }),
      runs(100),
    );
  });

  it('moving values up to the parent (or to defaults) is no change', () => {
    fc.assert(
      fc.property(revisions(['hoist'], 4), (rev) => {
        expect(diff(rev.before, rev.after).changes).toEqual([]);
      }),
      runs(150),
    );
  });

  it('is deterministic, reads the same from YAML text, and does not depend on the order of siblings', () => {
    fc.assert(
      fc.property(revisions(), arbitrarySortKeys, arbitrarySortKeys, ({ before: a, after: b }, keysA, keysB) => {
        const d = diff(a, b);
        expect(diff(a, b)).toEqual(d);
        const viaText = (c: Catalog) => (parseFast(catalogToYaml(c)) as { data: Catalog }).data;
        expect(diff(viaText(a), viaText(b))).toEqual(d);
        // Reordering moves items to other paths (and reorders the report) but changes nothing else.
        const reordered = diff(reorderSiblings(a, keysA), reorderSiblings(b, keysB));
        expect(sorted(reordered.changes.map(describeChange))).toEqual(sorted(d.changes.map(describeChange)));
        expect(reordered.counts).toEqual(d.counts);
      }),
      runs(150),
    );
  });
});

/**
 * Check a diff against what the edits did. Items whose names path stayed the same must be matched
 * to themselves, with their field changes exactly as expected. Removed, added, moved and renamed
 * items must at least be covered by a change (on themselves or an ancestor), and reported as such
 * where nothing else could pass for them: a name that is not found on the other side, no unmatched
 * siblings to take for a rename, a moved name that is unique on both sides.
 */
function checkAgainstLineage(rev: Revision, d: CatalogDiff): void {
  const effA = effectiveByPath(rev.before);
  const effB = effectiveByPath(rev.after);
  const reported = new Set(d.changes.map(describeChange));
  const anchored = new Set(
    rev.lineage
      .filter((l) => l.before && l.after && pathKey(l.before.names) === pathKey(l.after.names))
      .map((l) => l.id),
  );
  const side = (s: 'before' | 'after') => rev.lineage.flatMap((l) => (l[s] ? [{ id: l.id, trace: l[s] }] : []));
  const namesAt = (s: 'before' | 'after', depth: number) =>
    side(s)
      .filter((t) => t.trace.depth === depth)
      .map((t) => t.trace.names.at(-1)!);
  const parentPath = (t: ItemTrace) => pathKey(t.names.slice(0, -1));
  /** Every item beside `t` (same parent path) on a side is anchored: no unmatched sibling to pass for it. */
  const noStrangers = (s: 'before' | 'after', t: ItemTrace) =>
    (t.parent === undefined || anchored.has(t.parent)) &&
    side(s).every((o) => o.trace.depth !== t.depth || parentPath(o.trace) !== parentPath(t) || anchored.has(o.id));
  const covered = (s: 'before' | 'after', names: readonly string[]) =>
    d.changes.some((c) => c.kind !== 'changed' && s in c && isPrefix((c as Record<typeof s, ItemRef>)[s].names, names));
  const changesOf = (names: readonly string[]) =>
    d.changes.filter(
      (c) =>
        ('after' in c && pathKey(c.after.names) === pathKey(names)) ||
        ('before' in c && pathKey(c.before.names) === pathKey(names)),
    );
  const coded = rev.lineage.every((l) => (l.before ?? l.after)!.code !== undefined);

  for (const { id, before: x, after: y } of rev.lineage) {
    if (x && y && anchored.has(id)) {
      const expected =
        x.leaf && y.leaf ? expectedFieldChanges(x, y, effA.get(pathKey(x.names))!, effB.get(pathKey(y.names))!) : [];
      expect(sorted(changesOf(x.names).map(describeChange)), `${x.names.join('/')} kept its place`).toEqual(
        sorted(expected),
      );
    } else if (x && !y) {
      if (effB.has(pathKey(x.names))) continue;
      expect(covered('before', x.names), `removed ${x.names.join('/')} is reported`).toBe(true);
      if (!namesAt('after', x.depth).includes(x.names.at(-1)!) && noStrangers('after', x))
        expect(reported).toContain(`removed ${x.names.join('/')} reduces`);
    } else if (!x && y) {
      if (effA.has(pathKey(y.names))) continue;
      expect(covered('after', y.names), `added ${y.names.join('/')} is reported`).toBe(true);
      if (!namesAt('before', y.depth).includes(y.names.at(-1)!) && noStrangers('before', y))
        expect(reported).toContain(`added ${y.names.join('/')} extends`);
    } else if (x && y) {
      // Unless another item took its old (or new) place: then the diff cannot but take one for the other.
      if (!effB.has(pathKey(x.names)))
        expect(covered('before', x.names), `${x.names.join('/')} → ${y.names.join('/')} is reported`).toBe(true);
      if (!effA.has(pathKey(y.names)))
        expect(covered('after', y.names), `${x.names.join('/')} → ${y.names.join('/')} is reported`).toBe(true);
      const name = x.names.at(-1)!;
      const sameName = name === y.names.at(-1);
      const parentsAnchored =
        x.parent !== undefined && y.parent !== undefined && anchored.has(x.parent) && anchored.has(y.parent);
      if (sameName && x.parent !== y.parent && parentsAnchored) {
        const unique =
          namesAt('before', x.depth).filter((n) => n === name).length === 1 &&
          namesAt('after', y.depth).filter((n) => n === name).length === 1;
        if (coded || unique) expect(reported).toContain(`moved ${x.names.join('/')} → ${y.names.join('/')} editorial`);
      }
      if (!sameName && x.parent === y.parent && (x.parent === undefined || anchored.has(x.parent))) {
        const unchanged =
          expectedFieldChanges(x, y, effA.get(pathKey(x.names))!, effB.get(pathKey(y.names))!).length === 0;
        // A row renamed and reworded: most of its elements kept.
        const kept = x.leaf && y.leaf && mostElementsKept(effA.get(pathKey(x.names))!, effB.get(pathKey(y.names))!);
        const alone = (s: 'before' | 'after') =>
          side(s).filter(
            (o) => o.trace.depth === x.depth && parentPath(o.trace) === parentPath(x) && !anchored.has(o.id),
          ).length === 1;
        // Uncoded, the old name must not be found elsewhere on the new side: that would be taken for a move.
        const nameGone = !namesAt('after', x.depth).includes(name);
        if (
          coded ||
          ((unchanged || kept) && nameGone && x.children === y.children && alone('before') && alone('after'))
        ) {
          expect(reported).toContain(`renamed ${x.names.join('/')} → ${y.names.join('/')} editorial`);
        }
      }
    }
  }
}
