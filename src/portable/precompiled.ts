// In the portable build, in place of ../schema/precompiled.ts: the generated validators are bundled in.
import type { ValidateFunction } from 'ajv';
import { VALIDATORS } from 'zwgk:precompiled';
import type * as Installed from '../schema/precompiled.js';

export const precompiledValidator: typeof Installed.precompiledValidator = (relative) => {
  const mod = VALIDATORS.get(relative) as ({ default?: ValidateFunction } & ValidateFunction) | undefined;
  return mod === undefined ? undefined : (mod.default ?? mod);
};

export const schemaValidator: typeof Installed.schemaValidator = (relative) => {
  const ready = precompiledValidator(relative);
  if (!ready) throw new Error(`zwgk.mjs holds no validator for ${relative}`);
  return ready;
};
