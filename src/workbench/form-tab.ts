// The tab 填写申报表: a 政务公开主题日 or 政府开放月 application form filled in in the page, its fields built
// from the form's schema, layout and rule profile (formFields), checked as the clerk types by the checks
// of `zwgk form check` (checkSubmission), and downloaded as the workbook `zwgk form render` makes.
import type { Diagnostic } from '../diagnostics.js';
import { checkSubmission } from '../forms/check-submission.js';
import { formFields, type FormField, type FormFields } from '../forms/form-fields.js';
import { profileNotes } from '../forms/profile-notes.js';
import { FORM_IDS, FORMS, type FormId } from '../forms/registry.js';
import { renderSubmissionXlsx } from '../forms/submission-workbook.js';
import { el } from './dom.js';
import { download, XLSX_TYPE } from './download.js';
import {
  blankValues,
  fieldId,
  findingTarget,
  ROWS_ID,
  submissionData,
  submissionFileName,
  type FormValues,
  touchedAfterRemoval,
} from './form-state.js';
import { FORM_TEXT } from './form-text.js';
import { pageLang, word } from './ui-text.js';

/** How long the typing pauses before the form is checked again, in milliseconds. */
const CHECK_DELAY = 250;

/**
 * What the clerk has filled in, kept while the page is open: the tab's panel is built again when the
 * language changes, and the values of each form stay when the other form is chosen.
 */
const state: {
  form: FormId;
  values: Partial<Record<FormId, FormValues>>;
  /** The fields typed in or chosen: their findings show beside them (all of them once a download is asked for). */
  touched: Set<string>;
  showAll: boolean;
  timer?: ReturnType<typeof setTimeout>;
} = { form: FORM_IDS[0]!, values: {}, touched: new Set(), showAll: false };

/** Build the tab's panel, with the values filled in so far. */
export function formTab(): HTMLElement {
  const section = el('section', { class: 'form-tab' });
  draw(section);
  return section;
}

/** The values of the form chosen, a blank form (this year's) the first time. */
function valuesNow(): FormValues {
  const form = state.form;
  state.values[form] ??= blankValues(formFields(form), new Date().getFullYear());
  return state.values[form];
}

/** A field's name in the page's language: the schema's title; in English its key, with the title. */
function labelOf(field: FormField): string {
  return pageLang() === 'zh' ? field.label.zh : `${field.label.en} (${field.label.zh})`;
}

function optionLabel(field: FormField, choice: string | number): string {
  if (field.input !== 'month') return String(choice);
  const name = new Date(2000, Number(choice) - 1, 1).toLocaleString('en', { month: 'long' });
  return word(FORM_TEXT.month, { m: choice, name });
}

/** The input of a field: a list for a choice or a month, a text area for a long text, else a line. */
function control(
  field: FormField,
  id: string,
  value: string,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const common = { id, name: id, 'aria-required': field.required ? 'true' : undefined };
  if (field.choices) {
    const select = el('select', common, [
      el('option', { value: '' }, [word(FORM_TEXT.choose)]),
      ...field.choices.map((c) => el('option', { value: String(c) }, [optionLabel(field, c)])),
    ]);
    select.value = field.choices.map(String).includes(value) ? value : '';
    return select;
  }
  if (field.room !== undefined) {
    const area = el('textarea', { ...common, rows: 3 });
    area.value = value;
    return area;
  }
  const input = el('input', {
    ...common,
    type: field.key === 'phone' ? 'tel' : 'text',
    inputmode: field.input === 'number' ? 'numeric' : undefined,
    autocomplete:
      field.key === 'phone' ? 'tel' : field.key === 'contact' ? 'name' : field.key === 'unit' ? 'organization' : 'off',
    placeholder: field.key === 'date' ? 'YYYY-MM-DD' : undefined,
  });
  input.value = value;
  return input;
}

/** A labelled field with the place for its findings. */
function fieldBlock(field: FormField, id: string, value: string, onChange: (value: string) => void): HTMLElement {
  const input = control(field, id, value);
  const changed = () => {
    state.touched.add(id);
    onChange(input.value);
  };
  input.addEventListener('input', changed);
  input.addEventListener('change', changed);
  const kind = field.room !== undefined ? 'wide' : field.choices ? 'choice' : 'text';
  return el('div', { class: `field ${kind}` }, [
    el('label', { for: id }, [labelOf(field), field.required ? '' : word(FORM_TEXT.optional)]),
    input,
    el('p', { class: 'field-error', id: `${id}-error` }),
  ]);
}

/** Draw the tab into `section` from the state, then put the focus on `focus` (an element's id) if given. */
function draw(section: HTMLElement, focus?: string): void {
  clearTimeout(state.timer);
  const values = valuesNow();
  const form = FORMS[state.form];
  const defaultProfile = formFields(state.form).profileId;
  const fields = formFields(state.form, { profile: values.header.profile || defaultProfile });
  const redraw = (to?: string) => draw(section, to);

  const kindField = el('div', { class: 'field choice' }, [
    el('label', { for: 'form-kind' }, [word(FORM_TEXT.form)]),
    el(
      'select',
      { id: 'form-kind' },
      FORM_IDS.map((id) => el('option', { value: id, selected: id === state.form }, [word(FORMS[id].name)])),
    ),
  ]);
  kindField.querySelector('select')!.addEventListener('change', (event) => {
    state.form = (event.target as HTMLSelectElement).value as FormId;
    redraw('form-kind');
  });
  const profileField = fields.header.find((f) => f.key === 'profile')!;
  const profileBlock = el('div', { class: 'field choice' }, [
    el('label', { for: fieldId(['profile']) }, [word(FORM_TEXT.profile)]),
    el(
      'select',
      { id: fieldId(['profile']) },
      (profileField.choices ?? []).map((id) =>
        el('option', { value: String(id), selected: id === fields.profileId }, [
          `${formFields(state.form, { profile: String(id) }).profile.name}（${id}）`,
        ]),
      ),
    ),
    el('p', { class: 'field-error', id: `${fieldId(['profile'])}-error` }),
  ]);
  profileBlock.querySelector('select')!.addEventListener('change', (event) => {
    values.header.profile = (event.target as HTMLSelectElement).value;
    redraw(fieldId(['profile']));
  });

  const header = fields.header
    .filter((f) => f.key !== 'profile')
    .map((f) =>
      fieldBlock(f, fieldId([f.key]), values.header[f.key] ?? '', (v) => {
        values.header[f.key] = v;
        later();
      }),
    );

  const rowName = word(fields.rowName);
  const rows = values.rows.map((row, i) => {
    const remove =
      values.rows.length > 1 &&
      el('button', { type: 'button', class: 'button secondary remove', id: `form-remove-${i}` }, [
        word(FORM_TEXT.removeRow, { row: rowName, n: i + 1 }),
      ]);
    if (remove)
      remove.addEventListener('click', () => {
        values.rows.splice(i, 1);
        state.touched = touchedAfterRemoval(state.touched, fields.rowsKey, i);
        redraw(values.rows.length > i ? `form-remove-${i}` : 'form-add-row');
      });
    return el('fieldset', { class: 'form-row' }, [
      el('legend', {}, [word(FORM_TEXT.rowLegend, { row: rowName, n: i + 1 })]),
      el(
        'div',
        { class: 'fields' },
        fields.row.map((f) =>
          fieldBlock(f, fieldId([fields.rowsKey, i, f.key]), row[f.key] ?? '', (v) => {
            row[f.key] = v;
            later();
          }),
        ),
      ),
      remove,
    ]);
  });
  const max = fields.profile.rows?.max;
  const add =
    (max === undefined || values.rows.length < max) &&
    el('button', { type: 'button', class: 'button secondary', id: 'form-add-row' }, [
      word(FORM_TEXT.addRow, { row: rowName }),
    ]);
  if (add)
    add.addEventListener('click', () => {
      values.rows.push({});
      redraw(fieldId([fields.rowsKey, values.rows.length - 1, fields.row[0]!.key]));
    });

  const summary = el('p', { class: 'summary', role: 'status', 'aria-live': 'polite', id: 'form-summary' });
  const list = el('ol', { class: 'findings', id: 'form-findings', tabindex: -1 });
  const note = el('p', { class: 'note', id: 'form-download-note' });
  const button = el(
    'button',
    { type: 'button', class: 'button', id: 'form-download', 'aria-describedby': 'form-download-note' },
    [word(FORM_TEXT.download)],
  );
  const problem = el('p', { class: 'problem', role: 'alert', hidden: true });

  /** Check the data of the fields now, and show what the check finds. */
  const check = (): Diagnostic[] => {
    clearTimeout(state.timer);
    const data = submissionData(fields, values, defaultProfile);
    const { diagnostics } = checkSubmission(data, { lang: pageLang() });
    showFindings(section, fields, values, diagnostics, list, check);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    summary.className = errors > 0 ? 'summary bad' : 'summary';
    summary.textContent =
      diagnostics.length === 0 ? word(FORM_TEXT.noFindings) : word(FORM_TEXT.counts, { errors, warnings });
    button.setAttribute('aria-disabled', String(errors > 0));
    note.textContent = errors > 0 ? word(FORM_TEXT.blocked, { errors }) : word(FORM_TEXT.downloadNote);
    return diagnostics;
  };
  function later() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, CHECK_DELAY);
  }
  button.addEventListener('click', () => {
    if (check().some((d) => d.severity === 'error')) {
      // Every field's findings show now, and the focus goes to the first error in the form.
      state.showAll = true;
      check();
      const first = list.querySelector<HTMLElement>('li.error[data-field]')?.dataset.field;
      if (first) goTo(first);
      else list.focus();
      return;
    }
    problem.hidden = true;
    button.disabled = true;
    const name = submissionFileName(fields, values);
    void renderSubmissionXlsx(submissionData(fields, values, defaultProfile), { lang: pageLang() })
      .then((made) => {
        if (made.ok) download(name, made.xlsx, XLSX_TYPE);
        else check();
      })
      .catch((error: unknown) => {
        problem.hidden = false;
        problem.textContent = word(FORM_TEXT.failed, {
          reason: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => (button.disabled = false));
  });

  section.replaceChildren(
    el('p', { class: 'note intro' }, [word(FORM_TEXT.intro)]),
    el('div', { class: 'form-layout' }, [
      el('div', { class: 'form-fill' }, [
        el('fieldset', {}, [
          el('legend', {}, [word(FORM_TEXT.which)]),
          el('div', { class: 'fields which' }, [kindField, profileBlock]),
          el('div', { class: 'rules' }, [
            el('p', { class: 'rules-title' }, [word(FORM_TEXT.rules)]),
            el(
              'ul',
              {},
              profileNotes(fields.profile, form, Number(values.header.year) || undefined).map((n) => el('li', {}, [n])),
            ),
          ]),
        ]),
        el('fieldset', {}, [el('legend', {}, [word(FORM_TEXT.header)]), el('div', { class: 'fields' }, header)]),
        el('h3', { id: ROWS_ID, tabindex: -1 }, [
          word(fields.rowName),
          el('span', { class: 'count' }, [word(FORM_TEXT.rowCount, { n: values.rows.length })]),
        ]),
        el('p', { class: 'field-error', id: `${ROWS_ID}-error` }),
        ...rows,
        add,
      ]),
      el('aside', { 'aria-labelledby': 'form-check-title' }, [
        el('h3', { id: 'form-check-title' }, [word(FORM_TEXT.check)]),
        summary,
        list,
        button,
        note,
        problem,
      ]),
    ]),
  );
  check();
  if (focus) document.getElementById(focus)?.focus();
}

/** Bring the field with the id `target` into view, and put the focus on it. */
function goTo(target: string): void {
  const field = document.getElementById(target);
  field?.scrollIntoView({ block: 'center' });
  field?.focus({ preventScroll: true });
}

/** What a finding is about, as the list names it: a field, a row's field, the rows, or the whole form. */
function placeName(fields: FormFields, target: string | undefined): string {
  if (target === undefined) return word(FORM_TEXT.wholeForm);
  if (target === ROWS_ID) return word(fields.rowName);
  const header = fields.header.find((f) => fieldId([f.key]) === target);
  if (header) return labelOf(header);
  const [, i, key] = /^form-[^-]+-(\d+)-(.+)$/.exec(target) ?? [];
  const field = fields.row.find((f) => f.key === key);
  return `${word(FORM_TEXT.rowLegend, { row: word(fields.rowName), n: Number(i) + 1 })} · ${field ? labelOf(field) : ''}`;
}

/** Show the findings: beside each field typed in (all once asked), and as a list whose items go to their field. */
function showFindings(
  section: HTMLElement,
  fields: FormFields,
  values: FormValues,
  diagnostics: readonly Diagnostic[],
  list: HTMLOListElement,
  recheck: () => void,
): void {
  const byField = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const target = findingTarget(d.path, fields, values.rows.length);
    if (target === undefined) continue;
    const found = byField.get(target);
    if (found) found.push(d);
    else byField.set(target, [d]);
  }
  for (const message of section.querySelectorAll<HTMLElement>('.field-error')) {
    const id = message.id.replace(/-error$/, '');
    // Within this tab's section: drawn again in the other language, it is not in the page yet.
    const input = section.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const shown = state.showAll || state.touched.has(id) || id === ROWS_ID ? (byField.get(id) ?? []) : [];
    message.textContent = shown.map((d) => d.message).join(' ');
    if (!input || input.tagName === 'H3') continue;
    if (shown.length > 0) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', message.id);
    } else {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }
  // The list follows the form, top to bottom: what is about the whole form first.
  const order = new Map(
    Array.from(section.querySelectorAll('input, select, textarea, h3'), (node, i) => [node.id, i] as const),
  );
  const placed = diagnostics.map((d) => ({ d, target: findingTarget(d.path, fields, values.rows.length) }));
  const at = (target: string | undefined) => (target === undefined ? -1 : (order.get(target) ?? -1));
  placed.sort((a, b) => at(a.target) - at(b.target));
  list.replaceChildren(
    ...placed.map(({ d, target }) => {
      const place = placeName(fields, target);
      const item = el('li', { class: d.severity, 'data-code': d.code, 'data-field': target }, [
        el('span', { class: 'severity' }, [word(d.severity === 'error' ? FORM_TEXT.error : FORM_TEXT.warning)]),
        ' ',
        target ? el('button', { type: 'button', class: 'place' }, [place]) : el('span', { class: 'place' }, [place]),
        ' ',
        el('span', { class: 'message' }, [d.message]),
        d.hint !== undefined && d.code.startsWith('form-') && el('p', { class: 'hint' }, [d.hint]),
      ]);
      item.querySelector('button')?.addEventListener('click', () => {
        // The field's own message shows too, and the field is described by it when it takes the focus.
        state.touched.add(target!);
        recheck();
        goTo(target!);
      });
      return item;
    }),
  );
}
