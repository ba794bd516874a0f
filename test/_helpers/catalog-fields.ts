import fc from 'fast-check';
import { toList } from '../../src/util/text.js';
import {
  APPLICANT,
  APPLICATION_TIME_LIMITS,
  BASES,
  CHANNELS,
  CONTENT_ENTRIES,
  CONTENT_TAILS,
  EXTRA_VALUES,
  OTHER_CHANNELS,
  PROACTIVE_TIME_LIMITS,
  SPECIFIC_GROUPS,
  SUBJECTS,
} from './catalog-pools.js';
import { effectiveRaw, type CatalogTree, type Raw, type TreeNode } from './catalog-tree.js';

/**
 * The elements a generated node writes, as choices to be turned into values once the node's place
 * (and what it inherits) is known. Written values keep every leaf valid:
 * - 公开方式, 公开对象 and 公开时限 are written together (a “profile”), or the time limit alone in
 *   the mode of the inherited method, so 依申请 items always count from the application and
 *   publish to 特定群体;
 * - specific_group and other_channels are written on leaves only;
 * - `extra` is set for every declared column in `defaults`, so every row has every column.
 */
export interface FieldDraft {
  basis?: string[] | undefined;
  /** Write one-entry lists as a plain value. */
  singleAsText: boolean;
  subject?: string | undefined;
  channels?: string[] | undefined;
  /** Which level columns are ticked, by position; none ticked writes nothing. */
  levels?: boolean[] | undefined;
  profile?: ProfileDraft | undefined;
  /** A time limit alone, in the mode of the inherited method: an index into its pool. */
  timeLimit?: number | undefined;
  extra?: { keys: boolean[]; values: number[] } | undefined;
  content?: { tail: number; entries?: string[] | undefined } | undefined;
  /** A channel outside the standard boxes (leaves only). */
  other?: string | undefined;
}

export type ProfileKind = 'public' | 'apply' | 'group' | 'both';

export interface ProfileDraft {
  kind: ProfileKind;
  limit: number;
  group: number;
  withGroup: boolean;
  methodAsList: boolean;
}

/** What a node's values depend on besides the draft. */
export interface FieldContext {
  columns: readonly string[];
  extraColumns: readonly string[];
}

export const contextOf = (tree: CatalogTree): FieldContext => ({
  columns: (tree.header.level_columns as string[] | undefined) ?? [],
  extraColumns: (tree.header.extra_columns as string[] | undefined) ?? [],
});

/** Absent (weight `absent`) or drawn from `arb` (weight `present`); shrinks towards absent. */
export const maybe = <T>(arb: fc.Arbitrary<T>, present: number, absent = 10 - present): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: arb });

export const profileDraft: fc.Arbitrary<ProfileDraft> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant<ProfileKind>('public') },
    { weight: 2, arbitrary: fc.constant<ProfileKind>('apply') },
    { weight: 1, arbitrary: fc.constant<ProfileKind>('group') },
    { weight: 1, arbitrary: fc.constant<ProfileKind>('both') },
  ),
  limit: fc.nat(20),
  group: fc.nat(10),
  withGroup: fc.boolean(),
  methodAsList: fc.boolean(),
});

/** A draft whose keys are each present with weight `present` out of 10; `content` with `content`. */
export function fieldDraft(present: number, content: number, other = 0): fc.Arbitrary<FieldDraft> {
  return fc.record({
    basis: maybe(fc.uniqueArray(fc.constantFrom(...BASES), { minLength: 1, maxLength: 3 }), present),
    singleAsText: fc.boolean(),
    subject: maybe(fc.constantFrom(...SUBJECTS), present),
    channels: maybe(fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 4 }), present),
    levels: maybe(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), present),
    profile: maybe(profileDraft, present),
    timeLimit: maybe(fc.nat(20), Math.ceil(present / 2)),
    extra: maybe(
      fc.record({
        keys: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
        values: fc.array(fc.nat(3), { minLength: 2, maxLength: 2 }),
      }),
      Math.ceil(present / 2),
    ),
    content: maybe(
      fc.record({
        tail: fc.nat(10),
        entries: maybe(fc.uniqueArray(fc.constantFrom(...CONTENT_ENTRIES), { minLength: 2, maxLength: 4 }), 3),
      }),
      content,
    ),
    other: maybe(fc.constantFrom(...OTHER_CHANNELS), other),
  });
}

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

/** The method, audience, time limit (and maybe group) of a profile; groups are for leaves only. */
export function profileRaw(p: ProfileDraft, leaf: boolean): Raw {
  const method = (m: string) => (p.methodAsList ? [m] : m);
  const proactive = at(PROACTIVE_TIME_LIMITS, p.limit);
  switch (p.kind) {
    case 'public':
      return { method: method('主动'), audience: '全社会', time_limit: proactive };
    case 'apply':
      return {
        method: method('依申请'),
        audience: '特定群体',
        time_limit: at(APPLICATION_TIME_LIMITS, p.limit),
        ...(leaf && p.withGroup ? { specific_group: APPLICANT } : {}),
      };
    case 'group':
      if (leaf)
        return {
          method: method('主动'),
          audience: '特定群体',
          specific_group: at(SPECIFIC_GROUPS, p.group),
          time_limit: proactive,
        };
      return { method: method('主动'), audience: ['全社会', '特定群体'], time_limit: proactive };
    case 'both':
      return {
        method: method('主动'),
        audience: ['全社会', '特定群体'],
        time_limit: proactive,
        ...(leaf && p.withGroup ? { specific_group: at(SPECIFIC_GROUPS, p.group) } : {}),
      };
  }
}

/** Write a profile on a node, replacing the one it had (and any group the new one does not name). */
export function writeProfile(raw: Raw, profile: Raw): void {
  delete raw.specific_group;
  Object.assign(raw, profile);
}

/** Whether the inherited 公开方式 asks for time limits that run from the application. */
export const appliesOnRequest = (method: unknown): boolean => toList(method).includes('依申请');

/** The content of a leaf: a text naming the item, or a list of entries. */
export const contentText = (name: string, tail: number): string => `${name}${at(CONTENT_TAILS, tail)}`;

/**
 * Write a draft on the node at the end of `chain` (on `defaults` when the chain is empty). Leaves
 * get every element they lack from the fallbacks, so each row is complete.
 */
export function writeFields(
  tree: CatalogTree,
  chain: readonly TreeNode[],
  draft: FieldDraft,
  ctx: FieldContext,
  leaf: boolean,
): void {
  const node = chain[chain.length - 1];
  const raw = node ? node.raw : (tree.header.defaults as Raw);
  const inherited = () => effectiveRaw(tree, chain.slice(0, -1));
  if (draft.profile) {
    writeProfile(raw, profileRaw(draft.profile, leaf && node !== undefined));
  } else if (draft.timeLimit !== undefined) {
    const pool = appliesOnRequest(inherited().method) ? APPLICATION_TIME_LIMITS : PROACTIVE_TIME_LIMITS;
    raw.time_limit = at(pool, draft.timeLimit);
  }
  if (draft.basis) raw.basis = draft.singleAsText && draft.basis.length === 1 ? draft.basis[0] : draft.basis;
  if (draft.subject) raw.subject = draft.subject;
  if (draft.channels)
    raw.channels = draft.channels.length === 1 && draft.singleAsText ? draft.channels[0] : draft.channels;
  if (draft.levels) {
    const ticked = ctx.columns.filter((_, i) => draft.levels![i]);
    if (ticked.length > 0) raw.levels = ticked;
  }
  if (draft.extra && ctx.extraColumns.length > 0) {
    const extra: Record<string, string> = {};
    ctx.extraColumns.forEach((col, i) => {
      if (draft.extra!.keys[i])
        extra[col] = at(EXTRA_VALUES[col as keyof typeof EXTRA_VALUES], draft.extra!.values[i]!);
    });
    if (Object.keys(extra).length > 0) raw.extra = extra;
  }
  if (draft.content && node) raw.content = draft.content.entries ?? contentText(raw.name as string, draft.content.tail);
  if (leaf && node) {
    completeLeaf(tree, chain, ctx);
    if (draft.other) writeOtherChannel(tree, chain, draft.other);
  }
}

/** Give a leaf every element it lacks, so it validates without findings. */
export function completeLeaf(tree: CatalogTree, chain: readonly TreeNode[], ctx: FieldContext): void {
  const raw = chain[chain.length - 1]!.raw;
  const eff = effectiveRaw(tree, chain);
  if (eff.content === undefined) raw.content = contentText(raw.name as string, 0);
  if (eff.method === undefined)
    writeProfile(raw, profileRaw({ kind: 'public', limit: 0, group: 0, withGroup: false, methodAsList: false }, true));
  if (eff.basis === undefined) raw.basis = [BASES[0]];
  if (eff.subject === undefined) raw.subject = SUBJECTS[0];
  if (eff.channels === undefined) raw.channels = [CHANNELS[0]!];
  if (eff.levels === undefined && ctx.columns.length > 0) raw.levels = [ctx.columns[0]!];
}

/** Name a channel outside the standard boxes on a leaf, ticking 其他 there. */
export function writeOtherChannel(tree: CatalogTree, chain: readonly TreeNode[], other: string): void {
  const raw = chain[chain.length - 1]!.raw;
  const channels = toList(effectiveRaw(tree, chain).channels);
  raw.channels = channels.includes('其他') ? channels : [...channels, '其他'];
  raw.other_channels = [other];
}
