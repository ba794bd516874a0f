import type { Text } from '../i18n.js';

/** For a value that holds several entries in one string: write a YAML list instead. */
export const LIST_HINT: Text = {
  zh: '多项要写成列表，用半角逗号分隔：`[政府网站, 两微一端]`，或每项一行、以“- ”开头。',
  en: 'Write several entries as a list with half-width commas, `[政府网站, 两微一端]`, or one per line starting with "- ".',
};
