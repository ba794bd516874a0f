import type { FormDefinition as AnyFormDefinition } from './definition.js';
import { openDay } from './kinds/open-day.js';
import { themeDay } from './kinds/theme-day.js';

export type { RowNoteContext } from './definition.js';

/** A built-in form's definition. */
export type FormDefinition = AnyFormDefinition<FormId>;

/** The built-in forms, one definition each in `kinds/`, in the order they are listed and looked for. */
const DEFINITIONS = [themeDay, openDay] as const satisfies readonly AnyFormDefinition[];

/** A built-in form's id, the name used on the command line (`zwgk form new <id>`). */
export type FormId = (typeof DEFINITIONS)[number]['id'];

/** The ids of the built-in forms, in the registry's order. */
export const FORM_IDS: readonly FormId[] = DEFINITIONS.map((d) => d.id);

/** The built-in forms, by id. */
export const FORMS = Object.fromEntries(DEFINITIONS.map((d) => [d.id, d])) as {
  readonly [D in (typeof DEFINITIONS)[number] as D['id']]: D;
};

/** The form a `kind` names, if it names one. */
export function formOfKind(kind: unknown): FormDefinition | undefined {
  return FORM_IDS.map((id) => FORMS[id] as FormDefinition).find((f) => f.kind === kind);
}

/** The form a name on the command line means: `theme-day`, `form/theme-day` or a Chinese name. */
export function findForm(name: string): FormDefinition | undefined {
  const wanted = name.trim().replace(/^form\//, '');
  return FORM_IDS.map((id) => FORMS[id] as FormDefinition).find((f) => f.id === wanted || f.aliases.includes(wanted));
}

/** The built-in forms as the help lists them: `theme-day（政务公开主题日活动主题申报表）或 open-day（…）`. */
export function formChoices(): string {
  const named = FORM_IDS.map((id) => `${id}（${FORMS[id].name.zh}）`);
  return named.length > 1 ? `${named.slice(0, -1).join('、')} 或 ${named.at(-1)!}` : named.join('');
}
