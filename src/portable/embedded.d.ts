// Modules the portable build makes from the package's files (see rolldown.config.mjs).

declare module 'zwgk:embedded-assets' {
  /** Shipped text files by path in the package (package.json, schemas/…, templates/…). */
  export const FILES: ReadonlyMap<string, string>;
}

declare module 'zwgk:precompiled' {
  /** The generated validator module of each shipped schema, by schema path. */
  export const VALIDATORS: ReadonlyMap<string, unknown>;
}
