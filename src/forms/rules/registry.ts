import { activityForm } from './activity-form.js';
import { deadline } from './deadline.js';
import { monthWindow } from './month-window.js';
import { phone } from './phone.js';
import { requiredForm } from './required-form.js';
import { rowCount } from './row-count.js';
import { themeRepeated } from './theme-repeated.js';
import { timeMonth } from './time-month.js';
import type { FormRule } from './types.js';

/** Every rule a submission is checked by, in the order of the form: header, then rows. */
export const FORM_RULES = [
  phone,
  deadline,
  rowCount,
  activityForm,
  requiredForm,
  monthWindow,
  timeMonth,
  themeRepeated,
] as const satisfies readonly FormRule[];
