// The fix a finding may carry is the engine's type: validate/ says what it takes, fix/ works fixes out.
export type { ProposedFix } from '../validate/validate-text.js';
