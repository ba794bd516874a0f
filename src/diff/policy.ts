import type { ChangeClass } from './types.js';

/** How much a class of change matters: `off` hides its changes from the listing (the counts still count them). */
export type ChangeSeverity = 'error' | 'warning' | 'info' | 'off';

/** What an office calls a class and how much it matters. */
export interface ClassSetting {
  /** Shown instead of the built-in name, in every language. */
  label?: string;
  severity: ChangeSeverity;
}

/** The setting of every class. */
export type ClassPolicy = Readonly<Record<ChangeClass, ClassSetting>>;

/** Less disclosure is what a reviewer must look at; the rest is for information. */
export const DEFAULT_POLICY: ClassPolicy = {
  reduces: { severity: 'error' },
  extends: { severity: 'info' },
  editorial: { severity: 'info' },
};

/** The built-in policy with a configuration's settings laid over it. */
export function classPolicy(overrides: Partial<Record<ChangeClass, Partial<ClassSetting>>> = {}): ClassPolicy {
  const merged = { ...DEFAULT_POLICY };
  for (const k of Object.keys(merged) as ChangeClass[]) merged[k] = { ...merged[k], ...overrides[k] };
  return merged;
}

/** What `--fail-on` accepts: a class, a severity at or above which to fail, every change, or none. */
export const FAIL_ON = ['reduces', 'extends', 'editorial', 'error', 'warning', 'any', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether a change of this class makes the run fail. Hidden classes never do. */
export function classFails(klass: ChangeClass, policy: ClassPolicy, failOn: FailOn): boolean {
  const { severity } = policy[klass];
  if (severity === 'off' || failOn === 'none') return false;
  if (failOn === 'any') return true;
  if (failOn === 'error') return severity === 'error';
  if (failOn === 'warning') return severity === 'error' || severity === 'warning';
  return klass === failOn;
}
