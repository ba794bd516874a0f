// The module the workbench build makes from the shipped templates it compiles ahead (see rolldown.config.mjs).
declare module 'zwgk:precompiled-templates' {
  import type { PrecompiledTemplate } from '../../office/precompiled-templates.js';
  /** Each template compiled ahead of time, by its text (line ends as LF). */
  export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, PrecompiledTemplate>;
}
