// How the package is built (npm run build), after tsc has compiled src/ to build/ (not shipped) with its
// type declarations in dist/types/, and the schemas' validators were generated into dist/validators/.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Handlebars from 'handlebars';

/** A path in the package, whatever the current folder. */
const at = (path) => join(dirname(fileURLToPath(import.meta.url)), path);

const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));

/**
 * The package: the library (dist/index.js), the command line (dist/cli.js, started by bin/zwgk.js) and
 * the validation worker (dist/pool-worker.js), sharing their code in chunks. Node loads each ES module
 * separately, and ~70 of them cost a short `zwgk validate` about a fifth of its time; bundled, the same
 * code loads as a handful of chunks. Each command's code is still loaded only when that command runs.
 */
const packageBuild = {
  input: {
    index: at('build/index.js'),
    cli: at('build/cli/index.js'),
    // Started by the validation pool as ./pool-worker.js beside the chunk that starts it (worker-file.ts).
    'pool-worker': at('build/cli/pool-worker-main.js'),
  },
  platform: 'node',
  // Entry files export exactly what their modules export.
  preserveEntrySignatures: 'strict',
  // Packages stay in node_modules, except the two every command loads at start (with chalk's own
  // `#…` imports of the modules it carries).
  external: (id) => !/^[./#]/.test(id) && !/^(commander|chalk)(\/|$)/.test(id),
  output: {
    dir: at('dist'),
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    codeSplitting: {
      groups: [
        // What validation needs (reading, rules, schema, reports, configuration, the kinds of document
        // it is given) in one chunk; the findings reports written as files (xlsx, html) and the --cache code
        // (node:crypto) load on demand.
        {
          name: 'core',
          test: /build\/((load|lint|catalog|schema|config|util)\/|validate\/(?!cache\/)|report\/(?!(xlsx|html|html-style|findings-view|item-names)\.js$)|cli\/documents\.js$|forms\/document-kind\.js$|import\/table-kind\.js$|(?!index\.js$)[^/]+\.js$)/,
        },
        // The registries whose names the command line offers as choices, read at start: one small chunk.
        { name: 'registries', test: /build\/(diff\/policy|diff\/format\/registry|render\/registry)\.js$/ },
      ],
    },
  },
};

/** Text files under `dir`, sorted, as paths relative to the package root with forward slashes. */
function filesUnder(dir) {
  return readdirSync(at(dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(at('.'), join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** The modules the portable build makes: the shipped files (those under `folders`), and the generated validators. */
function embedded(folders = ['schemas', 'templates']) {
  const assets = [['package.json', JSON.stringify({ name: pkg.name, version: pkg.version })]];
  // The workbench page's shell is the page itself, not a file the code reads.
  for (const file of folders.flatMap(filesUnder).filter((f) => !f.startsWith('templates/workbench/')))
    assets.push([file, readFileSync(at(file), 'utf8')]);
  const schemas = readdirSync(at('dist/validators')).sort();
  return {
    'zwgk:embedded-assets': `export const FILES = new Map(${JSON.stringify(assets)});\n`,
    'zwgk:precompiled': [
      ...schemas.map((file, i) => `import v${i} from ${JSON.stringify(at(`dist/validators/${file}`))};`),
      `export const VALIDATORS = new Map([${schemas
        .map(
          (file, i) =>
            `[${JSON.stringify(`schemas/${file.replace(/\.validate\.cjs$/, '.schema.json').replace(/^forms-/, 'forms/')}`)}, v${i}]`,
        )
        .join(', ')}]);`,
    ].join('\n'),
  };
}

/** Modules of src/ that the portable build replaces with those of src/portable/ (same names, same exports). */
const SEAMS = new Map(
  ['assets.ts', 'util/packages.ts', 'schema/precompiled.ts', 'validate/worker-file.ts'].map((path) => [
    at(`src/${path}`),
    at(`src/portable/${path.split('/').pop()}`),
  ]),
);

/**
 * Puts the modules of `seams` in place of those they replace, makes the embedded modules (of the shipped
 * files under `folders`, and the `templates` compiled ahead), and takes packages by the names in `aliases`
 * from elsewhere.
 */
function portable({ name = 'zwgk-portable', seams = SEAMS, folders, aliases = {}, templates } = {}) {
  let modules;
  return {
    name,
    buildStart() {
      modules = embedded(folders);
      if (templates) modules['zwgk:precompiled-templates'] = precompiledTemplates(templates);
    },
    async resolveId(source, importer, options) {
      if (Object.hasOwn(modules, source)) return `\0${source}`;
      if (Object.hasOwn(aliases, source)) return aliases[source];
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      return found && seams.has(found.id) ? seams.get(found.id) : found;
    },
    load(id) {
      return id.startsWith('\0') && Object.hasOwn(modules, id.slice(1)) ? modules[id.slice(1)] : null;
    },
  };
}

/**
 * The portable single file (dist/zwgk.mjs): the command line with every package, schema and template in
 * one file that Node runs alone. Built from the TypeScript sources, with src/portable/ in place of the
 * modules that read the package folder.
 */
export const portableBuild = {
  input: at('src/portable/main.ts'),
  platform: 'node',
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  plugins: [portable()],
  // Only for a configuration written in TypeScript, which cosmiconfig compiles with the user's own copy.
  external: ['typescript'],
  output: {
    file: at('dist/zwgk.mjs'),
    format: 'esm',
    codeSplitting: false,
    minify: true,
    postBanner: `#!/usr/bin/env node\n// zwgk ${pkg.version} (${pkg.license}): ${pkg.homepage ?? pkg.name}. Run it with Node.js 20.19 or later: node zwgk.mjs --help`,
  },
};

/**
 * Modules the workbench page replaces besides the portable build's: those that need Node's zlib, Buffer or
 * streams, and the templates compiled ahead (the page may not make code from text).
 */
const BROWSER_SEAMS = new Map([
  ...SEAMS,
  [at('src/tables/inflate-raw.ts'), at('src/workbench/seams/inflate-raw.ts')],
  [at('src/office/precompiled-templates.ts'), at('src/workbench/seams/precompiled-templates.ts')],
  [at('src/render/workbook-sink.ts'), at('src/workbench/seams/workbook-sink.ts')],
]);

/** The shipped templates the workbench page renders, compiled now as `compileTemplateSet` compiles them (src/office/template-set.ts). */
const PAGE_TEMPLATES = ['templates/diff/report.hbs'];

/** The module of the templates compiled ahead, by their text with LF line ends. */
function precompiledTemplates(files) {
  const entries = files.map((file) => {
    const text = readFileSync(at(file), 'utf8').replace(/\r\n?/g, '\n');
    return `[${JSON.stringify(text)}, ${Handlebars.precompile(text, { preventIndent: true })}]`;
  });
  return `export const PRECOMPILED_TEMPLATES = new Map([${entries.join(', ')}]);\n`;
}

/** `code` as the text of an inline <script>: nothing in it may end the element or open a comment. */
const inlineScript = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** Writes the page (templates/workbench/page.html with the bundled script inline) in place of the script, and says its size. */
function workbenchPage() {
  return {
    name: 'zwgk-workbench-page',
    generateBundle(_options, bundle) {
      const [file, chunk] = Object.entries(bundle).find(([, output]) => output.type === 'chunk');
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- how a plugin takes a file out of the output
      delete bundle[file];
      const shell = readFileSync(at('templates/workbench/page.html'), 'utf8');
      const html = shell
        .replace('{{version}}', () => pkg.version)
        .replace('{{script}}', () => inlineScript(chunk.code));
      this.emitFile({ type: 'asset', fileName: 'zwgk-workbench.html', source: html });
      const raw = Buffer.byteLength(html);
      const gzip = gzipSync(html, { level: 9 }).length;
      const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
      console.log(`dist/zwgk-workbench.html: ${kb(raw)}, ${kb(gzip)} gzip`);
    },
  };
}

/**
 * The workbench (dist/zwgk-workbench.html): one page that checks catalog tables in a browser, offline,
 * with the library's own code. Built from the TypeScript sources like the portable file, with browser
 * versions of the modules that read the package folder or need Node (the schemas embedded, packages
 * bundled, exceljs's browser build); the script is inlined into the page, which starts it as its worker too.
 */
export const workbenchBuild = {
  input: at('src/workbench/main.ts'),
  platform: 'browser',
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  plugins: [
    portable({
      name: 'zwgk-workbench',
      seams: BROWSER_SEAMS,
      // The forms' layouts: the application form a page fills in is drawn from them.
      folders: ['schemas', 'templates/diff', 'templates/forms'],
      templates: PAGE_TEMPLATES,
      aliases: { exceljs: at('node_modules/exceljs/dist/exceljs.bare.min.js') },
    }),
    workbenchPage(),
  ],
  transform: { define: { ZWGK_VERSION: JSON.stringify(pkg.version) } },
  output: {
    dir: at('dist'),
    format: 'iife',
    codeSplitting: false,
    minify: true,
  },
};

export default [packageBuild, portableBuild, workbenchBuild];
