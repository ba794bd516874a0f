import type Handlebars from 'handlebars';

/** A template compiled ahead of time (`Handlebars.precompile`), for `env.template`. */
export type PrecompiledTemplate = Parameters<typeof Handlebars.template>[0];

/**
 * Shipped templates compiled when the package was built, by their text. None here: templates are compiled
 * when first used. The workbench page, whose security policy lets no code be made from text while it runs,
 * puts in their place the change report's, compiled when the page is built (rolldown.config.mjs).
 */
export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, PrecompiledTemplate> = new Map();
