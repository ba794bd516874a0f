import type { Text } from '../i18n.js';

/** What the root of a submission is called in messages. */
export const SUBMISSION_LABEL: Text = { zh: '申报表', en: 'the submission' };
