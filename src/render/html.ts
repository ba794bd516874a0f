import { loadTemplateSet } from '../office/templates.js';
import { buildCatalogPageView, buildIndexView, buildSinglePageView, pageNames } from './html/view-model.js';
import type { RenderedFile, Renderer } from './types.js';
import { printableView as shown } from '../report/printable.js';

/** The HTML template set: `templates/html/`, each file replaceable from `RenderOptions.templatesDir`. */
export const HTML_TEMPLATES = {
  templates: ['page.hbs', 'index.hbs'],
  partials: ['layout-head.hbs', 'layout-foot.hbs', 'catalog.hbs', 'toolbar.hbs'],
  assets: ['style.css', 'script.js'],
} as const;

/**
 * Render catalogs as self-contained web pages (CSS and script inline, nothing fetched): one page with
 * every catalog (`single`), or an `index.html` and a page per catalog (`site`). Every catalog value
 * goes through Handlebars' escaping, its control characters shown as signs. The same input gives the same bytes.
 */
export const renderHtml: Renderer = async (inputs, options) => {
  const { env, templates, assets } = await loadTemplateSet('html', HTML_TEMPLATES, options.templatesDir);
  // Line breaks inside a cell as <br>, so that they survive copying into Word or Excel and any HTML reader.
  env.registerHelper(
    'lines',
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a template may pass any value, printed as Handlebars prints it
    (text: unknown) => new env.SafeString(env.escapeExpression(String(text ?? '')).replace(/\n/g, '<br>')),
  );
  const page = (view: object) =>
    templates['page.hbs']({ ...shown(view), assets: { style: assets['style.css'], script: assets['script.js'] } });
  if (options.layout === 'single') return [{ path: 'index.html', content: page(buildSinglePageView(inputs, options)) }];
  const names = pageNames(inputs);
  const files: RenderedFile[] = [
    {
      path: 'index.html',
      content: templates['index.hbs']({
        ...shown(buildIndexView(inputs, options)),
        assets: { style: assets['style.css'] },
      }),
    },
  ];
  inputs.forEach((_, i) => files.push({ path: names[i]!, content: page(buildCatalogPageView(inputs, i, options)) }));
  return files;
};
