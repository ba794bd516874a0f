import type { Options } from 'ajv';

/** ajv options shared by the build-time and the run-time compile, so both validate alike. */
export const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: true };
