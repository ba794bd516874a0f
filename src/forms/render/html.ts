import { loadTemplateSet } from '../../office/templates.js';
import { printableView } from '../../report/printable.js';
import type { PlanLayout } from '../layout.js';
import type { Plan } from '../plan/types.js';
import { buildFormView, buildPlanView } from './view-model.js';
import type { FormSheetInput } from './form-input.js';

/** The template set of forms: `templates/forms/`, each file replaceable from a templates directory. */
export const FORM_TEMPLATES = {
  templates: ['form.hbs', 'plan.hbs'],
  partials: [],
  assets: ['style.css'],
} as const;

async function templateSet(templatesDir: string | undefined) {
  const set = await loadTemplateSet('forms', FORM_TEMPLATES, templatesDir);
  // Line breaks inside a cell as <br>, escaped like everything else.
  set.env.registerHelper(
    'lines',
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template may pass any value, printed as Handlebars prints it
    (text: unknown) => new set.env.SafeString(set.env.escapeExpression(String(text ?? '')).replace(/\n/g, '<br>')),
  );
  return set;
}

/**
 * A submission form as one self-contained web page, laid out like the paper form, with a print stylesheet
 * for one A4 page. Every value goes through Handlebars' escaping, its control characters shown as signs.
 * Same input, same bytes.
 */
export async function renderFormHtml(input: FormSheetInput, templatesDir?: string): Promise<string> {
  const { templates, assets } = await templateSet(templatesDir);
  return templates['form.hbs']({ ...printableView(buildFormView(input)), assets: { style: assets['style.css'] } });
}

/** The merged plan as one self-contained web page, printable on A4. */
export async function renderPlanHtml(plan: Plan, layout: PlanLayout, templatesDir?: string): Promise<string> {
  const { templates, assets } = await templateSet(templatesDir);
  return templates['plan.hbs']({
    ...printableView(buildPlanView(plan, layout)),
    assets: { style: assets['style.css'] },
  });
}
