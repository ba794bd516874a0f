import { readAssetText } from '../assets.js';

// The text of a shipped template or layout, apart from the template sets: what reads a form's layout
// (a page filling a form in) needs no Handlebars.

/** A template's text and where it came from (the user's file, or the shipped `templates/<set>/<name>`). */
export interface TemplateSource {
  file: string;
  text: string;
}

/** Line ends normalised, so that a template saved on Windows renders the same bytes. */
export function normalizeTemplate(file: string, text: string): TemplateSource {
  return { file, text: text.replace(/\r\n?/g, '\n') };
}

/** A shipped template: `templates/<set>/<name>`. */
export function shippedTemplateSource(set: string, name: string): TemplateSource {
  const file = `templates/${set}/${name}`;
  return normalizeTemplate(file, readAssetText(file));
}
