import { looksLikePhone } from '../phone.js';
import type { FormRule } from './types.js';

/** 联系电话 reads as a phone number. */
export const phone: FormRule = {
  id: 'form-phone',
  severity: 'error',
  description: {
    zh: '联系电话是手机号或座机号（可带区号、分机号）。',
    en: 'The phone is a mobile or fixed-line number (area code and extension allowed).',
  },
  usesProfile: false,
  check: ({ submission }) =>
    submission.phone === undefined || looksLikePhone(submission.phone)
      ? []
      : [
          {
            path: ['phone'],
            message: {
              zh: `联系电话“${submission.phone}”不像电话号码。`,
              en: `The phone "${submission.phone}" does not look like a phone number.`,
            },
            hint: {
              zh: '写11位手机号，或带区号的座机号，如“0871-65123456”。',
              en: 'Write an 11-digit mobile number or a fixed line with its area code, as in 0871-65123456.',
            },
          },
        ],
};
