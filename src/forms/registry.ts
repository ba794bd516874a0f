import type { Text } from '../i18n.js';
import type { SchemaFile } from '../schema/catalog-schema.js';
import { FORM_IDS, type FormId, type FormKind } from './types.js';

/** What makes a form: its schema, the key of its rows, its layouts and the words for its rows. */
export interface FormDefinition {
  id: FormId;
  kind: FormKind;
  /** The form's name: 政务公开主题日活动主题申报表. */
  name: Text;
  /** Other names accepted on the command line (`zwgk form new 主题日`). */
  aliases: readonly string[];
  /** The JSON Schema of a submission. */
  schema: SchemaFile;
  /** The key of the list of rows in a submission. */
  rowsKey: 'themes' | 'activities';
  /** What one row is called: 活动主题, 开放活动. */
  rowName: Text;
  /** The layout of the form in templates/forms/. */
  layout: string;
  /** The layout of the merged plan in templates/forms/. */
  planLayout: string;
  /** The keys of a row, in the order a submission file writes them. */
  rowKeys: readonly string[];
}

/** The built-in forms. */
export const FORMS = {
  'theme-day': {
    id: 'theme-day',
    kind: 'form/theme-day',
    name: { zh: '政务公开主题日活动主题申报表', en: '政务公开主题日 theme application form' },
    aliases: ['主题日', '政务公开主题日', '主题日申报表', '活动主题申报表'],
    schema: 'schemas/forms/theme-day.schema.json',
    rowsKey: 'themes',
    rowName: { zh: '活动主题', en: 'theme' },
    layout: 'theme-day.layout.json',
    planLayout: 'theme-day-plan.layout.json',
    rowKeys: ['theme', 'month', 'form', 'brief'],
  },
  'open-day': {
    id: 'open-day',
    kind: 'form/open-day',
    name: { zh: '政府开放月（开放日）活动申报表', en: '政府开放月 (open day) application form' },
    aliases: ['开放日', '开放月', '政府开放日', '政府开放月', '开放月申报表', '开放日申报表'],
    schema: 'schemas/forms/open-day.schema.json',
    rowsKey: 'activities',
    rowName: { zh: '开放活动', en: 'activity' },
    layout: 'open-day.layout.json',
    planLayout: 'open-day-plan.layout.json',
    rowKeys: ['time', 'theme', 'form', 'place', 'participants'],
  },
} as const satisfies Record<FormId, FormDefinition>;

/** The form a `kind` names, if it names one. */
export function formOfKind(kind: unknown): FormDefinition | undefined {
  return FORM_IDS.map((id) => FORMS[id] as FormDefinition).find((f) => f.kind === kind);
}

/** Whether parsed data declares itself a form submission (`kind: form/…`), known or not. */
export function isFormDocument(data: unknown): boolean {
  const kind =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' && kind.startsWith('form/');
}

/** The form a name on the command line means: `theme-day`, `form/theme-day` or a Chinese name. */
export function findForm(name: string): FormDefinition | undefined {
  const wanted = name.trim().replace(/^form\//, '');
  return FORM_IDS.map((id) => FORMS[id] as FormDefinition).find((f) => f.id === wanted || f.aliases.includes(wanted));
}
