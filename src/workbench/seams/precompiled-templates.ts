// The shipped templates the workbench page renders (the change report's), compiled when the page is built:
// the page's security policy lets no code be made from text while it runs, which Handlebars' compile does.
export { PRECOMPILED_TEMPLATES } from 'zwgk:precompiled-templates';
export type { PrecompiledTemplate } from '../../office/precompiled-templates.js';
