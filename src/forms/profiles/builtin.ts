import { FORM_IDS, FORMS } from '../registry.js';
import type { FormId, FormProfile } from '../types.js';
import { hunan2023 } from './hunan-2023.js';
import { shanghai2025 } from './shanghai-2025.js';

/** The profiles shipped with the tool, by id. */
export const BUILTIN_PROFILES = {
  'hunan-2023': hunan2023,
  'shanghai-2025': shanghai2025,
} as const satisfies Record<string, FormProfile>;

/** The profile of a submission that names none, per form (its definition's), unless the configuration says otherwise. */
export const DEFAULT_PROFILES = Object.fromEntries(FORM_IDS.map((id) => [id, FORMS[id].defaultProfile])) as {
  readonly [Id in FormId]: (typeof FORMS)[Id]['defaultProfile'];
} satisfies Readonly<Record<FormId, keyof typeof BUILTIN_PROFILES>>;
