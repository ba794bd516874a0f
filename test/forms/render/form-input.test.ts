import { describe, expect, it } from 'vitest';
import type { LayoutColumn, LayoutField } from '../../../src/forms/layout.js';
import { fieldValue, rowText } from '../../../src/forms/render/form-input.js';
import type { Submission } from '../../../src/forms/types.js';

/** Keys a layout of one's own (forms.templates) may name: as names they must not reach what an object inherits. */
const NAMES = ['constructor', 'toString', 'valueOf', '__proto__'];

describe('form sheet values by layout key', () => {
  const submission: Submission = {
    form: 'theme-day',
    year: 2024,
    unit: '青禾区教育局',
    rows: [{ index: 0, theme: '甲', month: 5, form: '实地调研' }],
  };

  it('a header field keyed like an inherited property shows nothing', () => {
    for (const key of NAMES) {
      const field = { key, label: key, labelCols: [1, 1], valueCols: [2, 2] } as unknown as LayoutField;
      expect(fieldValue(field, { submission })).toBe('');
    }
  });

  it('a column keyed like one shows nothing either', () => {
    for (const key of NAMES) {
      const column: LayoutColumn = { key, label: key, width: 10, align: 'left' };
      expect(rowText(column, submission.rows[0]!, 1)).toBe('');
    }
  });
});
