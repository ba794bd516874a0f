import { CHART_CSS, countCharts, ROWS_NOTE } from '../office/count-charts.js';
import { loadTemplateSet } from '../office/templates.js';
import type Handlebars from 'handlebars';
import {
  buildCatalogPageView,
  buildIndexView,
  buildSinglePageView,
  type IndexView,
  pageNames,
  withRows,
  type PageView,
} from './html/view-model.js';
import type { RenderedFile, RenderInput, Renderer } from './types.js';
import { printableView as shown } from '../report/printable.js';

/** The HTML template set: `templates/html/`, each file replaceable from `RenderOptions.templatesDir`. */
export const HTML_TEMPLATES = {
  templates: ['page.hbs', 'index.hbs'],
  partials: ['layout-head.hbs', 'layout-foot.hbs', 'catalog.hbs', 'toolbar.hbs'],
  assets: ['style.css', 'script.js'],
} as const;

/** The marker the page is cut at where each catalog's section goes: a character no escaped text holds. */
const SECTION = '\u0000';

/**
 * A page of many catalogs, piece by piece: the page around the sections (title, contents, search, script),
 * then each catalog's section made from its rows when it is written. No more than one catalog's rows are
 * held as text at a time, and never the whole page as one string. A page template that does not give each
 * catalog its `catalog` partial is rendered whole, as before.
 */
function* singlePage(
  skeleton: PageView,
  inputs: readonly RenderInput[],
  page: (view: PageView) => string,
  env: typeof Handlebars,
): Generator<string> {
  const section = env.partials.catalog as Handlebars.TemplateDelegate | string;
  env.registerPartial('catalog', () => SECTION);
  let outline: string;
  try {
    outline = page(skeleton);
  } finally {
    env.registerPartial('catalog', section);
  }
  const parts = outline.split(SECTION);
  const template = typeof section === 'string' ? env.compile(section) : section;
  if (parts.length !== inputs.length + 1) {
    yield page({ ...skeleton, catalogs: skeleton.catalogs.map((c, i) => withRows(c, inputs[i]!)) });
    return;
  }
  yield parts[0]!;
  for (let i = 0; i < inputs.length; i++) {
    yield template(shown(withRows(skeleton.catalogs[i]!, inputs[i]!)));
    yield parts[i + 1]!;
  }
}

/** A file of text made piece by piece: `chunks` for writing it as it is made, `content` the whole of it. */
function textFile(path: string, chunks: () => Iterable<string>): RenderedFile {
  return {
    path,
    chunks,
    get content() {
      let text = '';
      for (const chunk of chunks()) text += chunk;
      return text;
    },
  };
}

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
  // The channel checklist: each ■ and □ in an element of its own (<i> chosen, <u> not), which the style sheet gives
  // the words 已选 and 未选 for screen readers and starts a line with on a phone. The glyphs stay the text, for
  // copying into Excel and for `zwgk import`.
  env.registerHelper(
    'glyphs',
    (text: unknown) =>
      new env.SafeString(
        env
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as for `lines`
          .escapeExpression(String(text ?? ''))
          .replace(/\n/g, '<br>')
          .replace(/[■□]/g, (g) => (g === '■' ? '<i>■</i>' : '<u>□</u>')),
      ),
  );
  const page = (view: PageView) => {
    const data = shown(view);
    // The cards' names for this page's 层级 and extra columns, after the style sheet; the view escaped them as CSS.
    const cards = new env.SafeString(data.cardStyle);
    return templates['page.hbs']({
      ...data,
      assets: { style: assets['style.css'], cards, script: assets['script.js'] },
    });
  };
  // The index: the catalogs, the figures, and the charts (inline SVG, each with its numbers as a table), whose
  // styles follow the style sheet.
  const indexPage = (view: IndexView) => {
    const data = shown(view);
    return templates['index.hbs']({
      ...data,
      charts: new env.SafeString(countCharts(data.overview.domains, data.overview.total, 'zh', 'h3').join('\n')),
      rowsNote: ROWS_NOTE.zh,
      assets: { style: assets['style.css'], cards: new env.SafeString(CHART_CSS) },
    });
  };
  if (options.layout === 'single') {
    const chunks = () => singlePage(buildSinglePageView(inputs, options, { rows: false }), inputs, page, env);
    return [textFile('index.html', chunks)];
  }
  const names = pageNames(inputs);
  const files: RenderedFile[] = [
    {
      path: 'index.html',
      content: indexPage(buildIndexView(inputs, options)),
    },
  ];
  inputs.forEach((_, i) => files.push({ path: names[i]!, content: page(buildCatalogPageView(inputs, i, options)) }));
  return files;
};
