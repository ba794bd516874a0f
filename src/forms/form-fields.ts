import { ZwgkError } from '../errors.js';
import type { Text } from '../i18n.js';
import { compileSchema } from '../schema/catalog-schema.js';
import { deref, schemaAt, type SchemaNode } from '../schema/schema-walk.js';
import { shippedLayout, type FormLayout } from './layout.js';
import { monthsBetween } from './months.js';
import { resolveProfiles } from './profiles/resolve-profiles.js';
import { FORMS, type FormDefinition } from './registry.js';
import type { FormId, FormProfile, FormsConfig } from './types.js';
import { HEADER_KEYS } from './write-submission.js';

/** One field of a submission, as a page that fills the form in shows it. */
export interface FormField {
  /** The key in the submission's data: `unit`, `theme`, `month`… */
  key: string;
  /** The field's name: the schema's title in Chinese; in English its key, as English messages name fields. */
  label: Text;
  /** Its heading or label on the printed form, when the form prints it: 活动时间(月份), 填报单位(公章). */
  printed?: string;
  /** What the schema says of it (Chinese). */
  description: string;
  /** The schema requires it. */
  required: boolean;
  /**
   * How it is filled in: `text`; `number` (a whole number); `month` (a month, 1 to 12, of `choices`);
   * `choice` (one of `choices`: the profile's 活动形式, or the profiles of the form).
   */
  input: 'text' | 'number' | 'month' | 'choice';
  /** What `month` and `choice` fields offer, in the order of the printed form's drop-down lists. */
  choices?: readonly (string | number)[];
  /** The pattern the schema asks the text to match, besides not being blank (填报日期: YYYY-MM-DD). */
  pattern?: string;
  /** A text that may be a whole number instead (拟参与人数: 20, or 8-10人): digits alone are the number. */
  orNumber?: boolean;
  /** Characters the printed form leaves room for, for a long text (活动简介: 120): a page gives it a text area. */
  room?: number;
}

/** What a page needs to build a form: its fields, the rows' fields, and the profile's rules. */
export interface FormFields {
  form: FormId;
  /** The `kind` its data declares. */
  kind: string;
  name: Text;
  /** The key of the list of rows in the data (`themes`, `activities`), and what a row is called. */
  rowsKey: string;
  rowName: Text;
  /** The profile the fields are offered for, and its rules (活动形式, rows, months, deadline). */
  profileId: string;
  profile: FormProfile;
  /** The months activities may be held in: the profile's window, else the whole year. */
  months: { from: number; to: number };
  /** The fields above and below the table, in the order a submission file writes them. */
  header: FormField[];
  /** The fields of one row, in the order a submission file writes them. */
  row: FormField[];
}

/** The properties a schema node lists, and those it requires. */
function propertiesOf(
  root: SchemaNode,
  node: SchemaNode | undefined,
): { props: Record<string, SchemaNode>; required: string[] } {
  const resolved = deref(root, node);
  return {
    props: resolved?.properties ?? {},
    required: Array.isArray(resolved?.required) ? (resolved.required as string[]) : [],
  };
}

function field(
  key: string,
  root: SchemaNode,
  within: { props: Record<string, SchemaNode>; required: string[] },
  extra: Pick<FormField, 'input' | 'choices' | 'printed' | 'room'>,
): FormField {
  const node = deref(root, within.props[key]);
  const title = node?.title ?? key;
  const pattern = typeof node?.pattern === 'string' && node.pattern !== '\\S' ? node.pattern : undefined;
  const input = extra.input === 'text' && node?.type === 'integer' ? 'number' : extra.input;
  const orNumber = input === 'text' && (node?.anyOf ?? []).some((n) => deref(root, n)?.type === 'integer');
  return {
    key,
    label: { zh: title, en: key },
    ...(extra.printed !== undefined ? { printed: extra.printed } : {}),
    description: node?.description ?? '',
    required: within.required.includes(key),
    input,
    ...(extra.choices ? { choices: extra.choices } : {}),
    ...(pattern ? { pattern } : {}),
    ...(extra.room !== undefined ? { room: extra.room } : {}),
    ...(orNumber ? { orNumber } : {}),
  };
}

/** How a row's column is filled in on the printed form: its drop-down list, if it has one. */
function rowInput(
  key: string,
  layout: FormLayout,
  profile: FormProfile,
  months: { from: number; to: number },
): Pick<FormField, 'input' | 'choices' | 'printed' | 'room'> {
  const column = layout.columns.find((c) => c.key === key);
  const printed = { ...(column ? { printed: column.label } : {}), ...(column?.room ? { room: column.room } : {}) };
  if (column?.input === 'form') return { input: 'choice', choices: profile.activityForms, ...printed };
  if (column?.input === 'month') return { input: 'month', choices: monthsBetween(months.from, months.to), ...printed };
  return { input: 'text', ...printed };
}

/**
 * The fields of a form as a page builds it, from the form's schema, its printed layout and a profile:
 * labels, what each field holds, the 活动形式 and months offered. `profile` names one of the built-in
 * profiles or of `forms` (the configuration's section); default: the form's default. Throws a
 * `ZwgkError` for a profile that is not one of the form's, or a broken `forms` section.
 */
export function formFields(form: FormId, options: { profile?: string; forms?: FormsConfig } = {}): FormFields {
  const definition: FormDefinition = FORMS[form];
  const profiles = resolveProfiles(options.forms);
  const id = options.profile ?? profiles.defaults[form];
  const profile = profiles.profiles.get(id);
  if (!profile || profile.form !== form) {
    throw new ZwgkError(`没有用于${definition.name.zh}的规则方案“${id}”。 / No profile "${id}" for the form ${form}.`);
  }
  const layout = shippedLayout<FormLayout>(definition.layout);
  const { schema } = compileSchema(definition.schema);
  const root = schema;
  const top = propertiesOf(root, root);
  const rows = propertiesOf(root, schemaAt(root, [definition.rowsKey, 0]));
  const months = profile.months ?? { from: 1, to: 12 };
  const printedField = (key: string) => [...layout.header, ...layout.footer].flat().find((f) => f.key === key)?.label;
  const ofForm = [...profiles.profiles].filter(([, p]) => p.form === form).map(([k]) => k);
  const header = HEADER_KEYS.map((key) => {
    const printed = printedField(key);
    return field(key, root, top, {
      ...(key === 'profile' ? { input: 'choice', choices: ofForm } : { input: 'text' }),
      ...(printed !== undefined ? { printed } : {}),
    });
  });
  const row = definition.rowKeys.map((key) => field(key, root, rows, rowInput(key, layout, profile, months)));
  return {
    form,
    kind: definition.kind,
    name: definition.name,
    rowsKey: definition.rowsKey,
    rowName: definition.rowName,
    profileId: id,
    profile,
    months,
    header,
    row,
  };
}
