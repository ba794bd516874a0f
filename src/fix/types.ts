import type { FixEffect, TextEdit } from '../diagnostics.js';
import type { Text } from '../i18n.js';

/** A fix before it is put in the words of one language. */
export interface ProposedFix {
  description: Text;
  edits: TextEdit[];
  effect: FixEffect;
}
