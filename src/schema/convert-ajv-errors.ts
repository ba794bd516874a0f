import type { ErrorObject } from 'ajv';
import { fromPointer, type DataPath } from '../diagnostics.js';
import type { Finding, SourceLookup } from '../finding.js';
import { orList, quote, type Text } from '../i18n.js';
import { CATALOG_LABEL, ownerLabel, valueAt } from '../catalog/labels.js';
import { closest, normalizeForMatch } from '../util/text.js';
import { deref, schemaAt, type SchemaNode } from './schema-walk.js';
import { VALUE_ALIASES } from './value-aliases.js';
import { addTo } from '../util/append.js';

const KIND: Record<string, Text> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否值', en: 'true/false' },
  null: { zh: '空值', en: 'empty' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '一组字段', en: 'a mapping of fields' },
};

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const quoteZh = (v: unknown) => quote('zh', v);
const quoteEn = (v: unknown) => quote('en', v);
const orZh = (values: readonly unknown[]) => orList('zh', values.map(String));
const orEn = (values: readonly unknown[]) => orList('en', values.map(String));

/** Converts ajv's errors for one document into findings people can act on. */
/** What an unknown key in an object of some schema likely means: see `meaning`. */
interface KeyMeaning {
  known: string[];
  byTitle: string | undefined;
  guess: string | undefined;
}

/** The meanings worked out so far, by the object's schema and the unknown key. */
const MEANINGS = new WeakMap<SchemaNode, Map<string, KeyMeaning>>();

export class AjvErrorConverter {
  private readonly root: SchemaNode;
  private readonly data: unknown;

  private readonly rootLabel: Text;

  /** `rootLabel` names the document in messages: 目录 for a catalog, 配置 for a configuration. */
  constructor(root: SchemaNode, data: unknown, rootLabel: Text = CATALOG_LABEL) {
    this.root = root;
    this.data = data;
    this.rootLabel = rootLabel;
  }

  /** The data path of ajv's instancePath: a segment is a list index only where the data holds a list. */
  private pathOf(pointer: string): DataPath {
    const path: (string | number)[] = [];
    let node: unknown = this.data;
    for (const part of fromPointer(pointer)) {
      const seg = String(part);
      const key = Array.isArray(node) && /^\d+$/.test(seg) ? Number(seg) : seg;
      path.push(key);
      node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    }
    return path;
  }

  private owner(path: DataPath): Text {
    return ownerLabel(this.data, path, this.rootLabel);
  }

  /** Unknown keys mapped to the key they stand for, by path of the key meant: `领域` → `/domain`. */
  private readonly misspelt = new Set<string>();
  /** The same, as parent path → keys meant, for rules that must not report them missing too. */
  private readonly meant = new Map<string, string[]>();

  /** Keys that are written, misspelt, under each object (by its path joined with `/`). */
  misspeltKeys(): ReadonlyMap<string, readonly string[]> {
    return this.meant;
  }

  /**
   * Convert, pick the meaningful branch of each anyOf, and drop repeats. A required key that is only
   * misspelt (`领域:` for `domain:`) is reported once, as the misspelling.
   */
  convert(errors: readonly ErrorObject[]): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const error of selectBranches(errors)) {
      const finding = this.convertOne(error);
      if (!finding) continue;
      const key = `${finding.code}\u0000${finding.path.join('\u0000')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
    const enumAt = new Set(findings.filter((f) => f.code === 'schema/enum').map((f) => f.path.join('\u0000')));
    return (
      findings
        .filter((f) => f.code !== 'schema/required' || !this.misspelt.has(f.path.join('\u0000')))
        // A value outside a list of allowed words is also of the wrong type; the list says it better.
        .filter(
          (f) => (f.code !== 'schema/type' && f.code !== 'schema/code-unquoted') || !enumAt.has(f.path.join('\u0000')),
        )
    );
  }

  /** The field's name in a message: 公开方式 / method (公开方式); list entries add their position. */
  private field(path: DataPath): Text {
    const last = path[path.length - 1];
    if (typeof last === 'number') {
      const parent = this.field(path.slice(0, -1));
      return { zh: `${parent.zh}第${last + 1}项`, en: `${parent.en} entry ${last + 1}` };
    }
    const node = schemaAt(this.root, path);
    const title = node?.title;
    if (last === undefined) return { zh: '文件内容', en: 'the file' };
    return { zh: title ?? `“${last}”`, en: title ? `${last} (${title})` : `"${last}"` };
  }

  /** “二级事项“法律法规”的公开方式” — owner and field, for the start of a sentence. */
  private subject(path: DataPath): Text {
    const owner = this.owner(path);
    const field = this.field(path);
    if (path.length === 0) return field;
    return { zh: `${owner.zh}的${field.zh}`, en: `the ${field.en} of ${owner.en}` };
  }

  private convertOne(error: ErrorObject): Finding | undefined {
    const path = this.pathOf(error.instancePath);
    switch (error.keyword) {
      case 'required':
        return this.required(path, (error.params as { missingProperty: string }).missingProperty);
      case 'additionalProperties':
        return this.unknownProperty(path, (error.params as { additionalProperty: string }).additionalProperty);
      case 'type':
        return this.type(path, error);
      case 'enum':
      case 'const':
        return this.enumeration(path, error);
      case 'minItems':
      case 'minLength':
        return this.empty(path, error);
      case 'uniqueItems':
        return this.unique(path, error);
      case 'pattern':
        return this.pattern(path, error);
      case 'anyOf':
        return this.anyOf(path, error);
      case 'minimum':
        return {
          code: 'schema/invalid',
          severity: 'error',
          path,
          message: {
            zh: `${this.subject(path).zh}不能小于 ${(error.params as { limit: number }).limit}。`,
            en: `${this.subject(path).en} must be at least ${(error.params as { limit: number }).limit}.`,
          },
        };
      case 'propertyNames':
        return {
          code: 'schema/empty',
          severity: 'error',
          path,
          message: { zh: `${this.subject(path).zh}中有空的字段名。`, en: `${this.subject(path).en} has an empty key.` },
        };
      default:
        return {
          code: 'schema/invalid',
          severity: 'error',
          path,
          message: {
            zh: `${this.subject(path).zh}不符合要求（${error.message ?? error.keyword}）。`,
            en: `${this.subject(path).en}: ${error.message ?? error.keyword}.`,
          },
        };
    }
  }

  private required(path: DataPath, missing: string): Finding {
    const owner = this.owner([...path, missing]);
    const node = schemaAt(this.root, [...path, missing]);
    const title = node?.title ?? missing;
    return {
      code: 'schema/required',
      severity: 'error',
      path: [...path, missing],
      message: {
        zh: `${owner.zh}缺少必填字段“${title}”（${missing}）。`,
        en: `${owner.en} lacks the required field ${missing} (${title}).`,
      },
      hint: { zh: `添加一行 \`${missing}: …\`。`, en: `Add a line \`${missing}: …\`.` },
    };
  }

  private unknownProperty(path: DataPath, key: string): Finding {
    const parent = schemaAt(this.root, path);
    const { known, byTitle, guess } = this.meaning(key, parent);
    if (guess) {
      this.misspelt.add([...path, guess].join('\u0000'));
      const parent = path.join('/');
      addTo(this.meant, parent, guess);
    }
    const owner = this.owner([...path, key]);
    let hint: Text;
    if (guess) {
      const title = deref(this.root, parent?.properties?.[guess])?.title;
      const t = title ? `（${title}）` : '';
      hint = byTitle
        ? {
            zh: `字段名用英文：把“${key}”改写为 \`${guess}\`。`,
            en: `Field names are in English: write \`${guess}\` instead of "${key}".`,
          }
        : { zh: `是否想写 \`${guess}\`${t}？`, en: `Did you mean \`${guess}\`${title ? ` (${title})` : ''}?` };
    } else if (/[\u4e00-\u9fff]/.test(key) && parent?.properties?.extra) {
      hint = {
        zh: `附加栏目写在 extra 下（如 \`extra: {${key}: …}\`），并在目录的 extra_columns 中列出。`,
        en: `Put extra columns under extra (as \`extra: {${key}: …}\`) and list them in the catalog's extra_columns.`,
      };
    } else {
      hint = { zh: `可用的字段：${known.join('、')}。`, en: `Known fields: ${known.join(', ')}.` };
    }
    return {
      code: 'schema/unknown-property',
      severity: 'error',
      path: [...path, key],
      target: 'key',
      message: { zh: `${owner.zh}中有未知字段“${key}”。`, en: `Unknown field "${key}" in ${owner.en}.` },
      hint,
    };
  }

  /**
   * The fields `parent` knows, and the one an unknown `key` most likely means: by its title (`公开依据` for
   * basis) or by spelling. Worked out once per parent and key: a file may repeat one unknown key in every item.
   */
  private meaning(key: string, parent: SchemaNode | undefined): KeyMeaning {
    let byKey = parent ? MEANINGS.get(parent) : undefined;
    if (parent && !byKey) MEANINGS.set(parent, (byKey = new Map<string, KeyMeaning>()));
    const seen = byKey?.get(key);
    if (seen) return seen;
    const known = Object.keys(parent?.properties ?? {}).filter((k) => k !== '$schema');
    const byTitle = this.keyForTitle(key, parent);
    const meaning = { known, byTitle, guess: byTitle ?? closest(key, known) };
    byKey?.set(key, meaning);
    return meaning;
  }

  private keyForTitle(title: string, parent: SchemaNode | undefined): string | undefined {
    if (!parent?.properties) return undefined;
    const wanted = title.replace(/[（(].*$/, '').trim();
    for (const [key, sub] of Object.entries(parent.properties)) {
      const t = deref(this.root, sub)?.title;
      if (t && (t === title || t.replace(/[（(].*$/, '') === wanted)) return key;
    }
    return undefined;
  }

  private type(path: DataPath, error: ErrorObject): Finding {
    const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
    return this.typeFinding(path, expected, error.data);
  }

  private typeFinding(path: DataPath, expected: readonly string[], value: unknown): Finding {
    const actual = kindOf(value);
    const subject = this.subject(path);
    if (actual === 'null') {
      return {
        code: 'schema/empty',
        severity: 'error',
        path,
        message: { zh: `${subject.zh}没有填写。`, en: `${subject.en} is empty.` },
        hint: { zh: '填写内容，或删除这一行。', en: 'Fill it in or remove the line.' },
      };
    }
    const last = path[path.length - 1];
    if (typeof last === 'number' && path[path.length - 2] === 'items' && expected.includes('object')) {
      const owner = this.owner(path);
      const written = typeof value === 'string' ? value : '名称';
      return {
        code: 'schema/type',
        severity: 'error',
        path,
        message: {
          zh: `${owner.zh}要写成一组字段，这里只写了${KIND[actual]?.zh ?? actual}。`,
          en: `${owner.en} must be a mapping of fields, not ${KIND[actual]?.en ?? actual}.`,
        },
        hint: {
          zh: `写成 \`- name: ${written}\`，再在下面写它的要素。`,
          en: `Write \`- name: ${written}\` and its elements below it.`,
        },
      };
    }
    if ((actual === 'number' || actual === 'boolean') && expected.includes('string')) {
      const isCode = last === 'code';
      return {
        code: isCode ? 'schema/code-unquoted' : 'schema/type',
        severity: 'error',
        path,
        message: (source: SourceLookup) => {
          const written = source(path) ?? String(value);
          if (isCode || /^[+-]?0\d/.test(written)) {
            return {
              zh: `${subject.zh} ${written} 没有加引号，会被读成数字 ${String(value)}${written !== String(value) ? '，前导零丢失' : ''}。`,
              en: `${subject.en} ${written} is not quoted, so it reads as the number ${String(value)}${written !== String(value) ? ', losing its leading zeros' : ''}.`,
            };
          }
          return {
            zh: `${subject.zh}应为文字，这里是${KIND[actual]!.zh} ${written}。`,
            en: `${subject.en} must be text, not ${KIND[actual]!.en} ${written}.`,
          };
        },
        hint: (source: SourceLookup) => {
          const written = source(path) ?? String(value);
          return { zh: `加上引号：\`"${written}"\`。`, en: `Quote it: \`"${written}"\`.` };
        },
        // `zwgk fix` quotes it as written, as the hint says.
        fix: { kind: 'quote' },
      };
    }
    const want = {
      zh: expected.map((t) => KIND[t]?.zh ?? t).join('或'),
      en: expected.map((t) => KIND[t]?.en ?? t).join(' or '),
    };
    return {
      code: 'schema/type',
      severity: 'error',
      path,
      message: {
        zh: `${subject.zh}应为${want.zh}，这里是${KIND[actual]?.zh ?? actual}。`,
        en: `${subject.en} must be ${want.en}, not ${KIND[actual]?.en ?? actual}.`,
      },
      ...(actual === 'object' && expected.includes('string')
        ? { hint: { zh: '值中含有“: ”时整段要加引号。', en: 'Quote the whole value when it contains ": ".' } }
        : actual === 'string' && expected.includes('object') && /[：:]/.test(String(value))
          ? {
              hint: {
                zh: '字段名后要用半角冒号加空格“: ”，不能用全角冒号“：”。',
                en: 'Write a half-width colon and a space ": " after a key, not a full-width "：".',
              },
            }
          : {}),
    };
  }

  private enumeration(path: DataPath, error: ErrorObject): Finding {
    const allowed =
      error.keyword === 'const'
        ? [(error.params as { allowedValue: unknown }).allowedValue]
        : (error.params as { allowedValues: unknown[] }).allowedValues;
    const value = error.data;
    const subject = this.subject(path);
    const aliased = typeof value === 'string' ? VALUE_ALIASES[normalizeForMatch(value)] : undefined;
    // A word people write for an allowed value (主动公开 for 主动) is fixed; a near spelling is only a guess.
    const alias = aliased && allowed.includes(aliased) ? aliased : undefined;
    const guess = !alias && typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
    // In a list that already holds the value meant, the entry is a repeat: remove it rather than change it.
    const list = typeof path[path.length - 1] === 'number' ? valueAt(this.data, path.slice(0, -1)) : undefined;
    const repeat = alias !== undefined && Array.isArray(list) && list.includes(alias);
    const change: Text | undefined =
      alias && !repeat ? { zh: `改为${quoteZh(alias)}。`, en: `Change it to ${quoteEn(alias)}.` } : undefined;
    const remove: Text | undefined = repeat
      ? {
          zh: `删除这一项：列表中已有${quoteZh(alias)}。`,
          en: `Remove this entry: the list already holds ${quoteEn(alias)}.`,
        }
      : undefined;
    return {
      code: 'schema/enum',
      severity: 'error',
      path,
      message: {
        zh: `${subject.zh}只能是${orZh(allowed)}，这里是${quoteZh(value)}。`,
        en: `${subject.en} must be ${orEn(allowed)}, not ${quoteEn(value)}.`,
      },
      ...(change ? { hint: change, fix: { kind: 'replace' as const, value: alias!, description: change } } : {}),
      ...(remove ? { hint: remove } : {}),
      ...(guess ? { hint: { zh: `是不是${quoteZh(guess)}？`, en: `Did you mean ${quoteEn(guess)}?` } } : {}),
    };
  }

  private empty(path: DataPath, error: ErrorObject): Finding {
    const subject = this.subject(path);
    const list = error.keyword === 'minItems';
    return {
      code: path.length === 1 && path[0] === 'items' ? 'schema/min-items' : 'schema/empty',
      severity: 'error',
      path,
      message: list
        ? { zh: `${subject.zh}是空列表。`, en: `${subject.en} is an empty list.` }
        : { zh: `${subject.zh}是空的。`, en: `${subject.en} is empty.` },
      hint: { zh: '填写内容，或删除这一行。', en: 'Fill it in or remove the line.' },
    };
  }

  private unique(path: DataPath, error: ErrorObject): Finding {
    const { i, j } = error.params as { i: number; j: number };
    const list = error.data as unknown[];
    return {
      code: 'schema/unique-items',
      severity: 'error',
      path: [...path, i],
      message: {
        zh: `${this.subject(path).zh}中${quoteZh(list[i])}出现了两次（第${j + 1}项和第${i + 1}项）。`,
        en: `${this.subject(path).en} lists ${quoteEn(list[i])} twice (entries ${j + 1} and ${i + 1}).`,
      },
      hint: { zh: '删除重复的一项。', en: 'Remove the repeated entry.' },
    };
  }

  private pattern(path: DataPath, error: ErrorObject): Finding {
    if ((error.params as { pattern: string }).pattern === '\\S') return this.empty(path, error);
    const subject = this.subject(path);
    const isDate = path[path.length - 1] === 'date';
    return {
      code: 'schema/pattern',
      severity: 'error',
      path,
      message: isDate
        ? {
            zh: `${subject.zh}${quoteZh(error.data)}不是 YYYY-MM-DD 格式的日期。`,
            en: `${subject.en} ${quoteEn(error.data)} is not a YYYY-MM-DD date.`,
          }
        : {
            zh: `${subject.zh}${quoteZh(error.data)}格式不对。`,
            en: `${subject.en} ${quoteEn(error.data)} is not in the expected form.`,
          },
      ...(isDate ? { hint: { zh: '例如 `date: 2024-06-30`。', en: 'For example `date: 2024-06-30`.' } } : {}),
    };
  }

  /** No branch of an anyOf took the value's type: say which types are wanted. */
  private anyOf(path: DataPath, error: ErrorObject): Finding {
    const branches = ((error.schema as SchemaNode[] | undefined) ?? []).map((b) => deref(this.root, b));
    const types = [...new Set(branches.flatMap((b) => ([] as string[]).concat(b?.type ?? [])))];
    return this.typeFinding(path, types, error.data);
  }
}

/**
 * For each failed anyOf, keep only the errors of the branch the value was meant for (the one whose
 * type it has); where none has its type, keep the anyOf error alone. This removes ajv's
 * "must match a schema in anyOf" noise. An anyOf owns the errors under its schema path at its value or
 * inside it (not those of another item failing the same anyOf). Linear in the errors: each is matched
 * with the anyOfs at its value's path and above.
 */
export function selectBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  if (anyOfs.length === 0) return [...errors];
  const atPath = new Map<string, ErrorObject[]>();
  for (const anyOf of anyOfs) {
    const list = atPath.get(anyOf.instancePath);
    if (list) list.push(anyOf);
    else atPath.set(anyOf.instancePath, [anyOf]);
  }
  // The errors of each anyOf, by branch (the schema path segment after `anyOf/`).
  const branches = new Map<ErrorObject, Map<string, ErrorObject[]>>(anyOfs.map((a) => [a, new Map()]));
  for (const e of errors) {
    for (let path = e.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      for (const anyOf of atPath.get(path) ?? []) {
        const prefix = anyOf.schemaPath + '/';
        if (!e.schemaPath.startsWith(prefix)) continue;
        const byBranch = branches.get(anyOf)!;
        const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
        const list = byBranch.get(branch);
        if (list) list.push(e);
        else byBranch.set(branch, [e]);
      }
      if (path === '') break;
    }
  }
  const drop = new Set<ErrorObject>();
  for (const anyOf of anyOfs) {
    const byBranch = branches.get(anyOf)!;
    const typed = [...byBranch.values()].find(
      (list) => !list.some((e) => e.keyword === 'type' && e.instancePath === anyOf.instancePath),
    );
    const keep = new Set(typed);
    for (const list of byBranch.values()) for (const e of list) if (!keep.has(e)) drop.add(e);
    if (typed) drop.add(anyOf);
  }
  return errors.filter((e) => !drop.has(e));
}
