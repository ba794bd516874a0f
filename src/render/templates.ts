import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { assetPath } from '../assets.js';
import { ZwgkError } from '../errors.js';

/** An isolated Handlebars environment: its partials and helpers never touch the global one. */
export type TemplateEnv = ReturnType<typeof Handlebars.create>;

/** A compiled template, called with its view model. */
export type Template = (context: unknown) => string;

/** What a renderer needs from one template set (e.g. `html`): templates, partials and files inlined as they are. */
export interface TemplateSetSpec<T extends string, P extends string, A extends string> {
  /** Templates rendered into files, by file name (`page.hbs`). */
  templates: readonly T[];
  /** Partials, by file name; registered under the name without `.hbs` (`catalog.hbs` → `{{> catalog}}`). */
  partials: readonly P[];
  /** Files inlined verbatim, such as `style.css` and `script.js`; handed to the templates as safe strings. */
  assets: readonly A[];
}

/** A template set, compiled once per run. */
export interface TemplateSet<T extends string, A extends string> {
  env: TemplateEnv;
  templates: Record<T, Template>;
  /** The inlined files, marked safe so that `{{assets.style}}` does not escape them (they are ours or the user's, never catalog text). */
  assets: Record<A, Handlebars.SafeString>;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * Where a template file comes from: `overrideDir/<name>` when the user put one there, else the
 * shipped `templates/<set>/<name>`. A user overrides one template by adding a file of the same name.
 */
export async function resolveTemplatePath(set: string, name: string, overrideDir?: string): Promise<string> {
  if (overrideDir) {
    const own = join(overrideDir, name);
    if (await isFile(own)) return own;
  }
  return assetPath(`templates/${set}/${name}`);
}

async function readTemplateFile(set: string, name: string, overrideDir?: string): Promise<string> {
  const path = await resolveTemplatePath(set, name, overrideDir);
  try {
    // Normalise line ends so that a template saved on Windows renders the same bytes.
    return (await readFile(path, 'utf8')).replace(/\r\n?/g, '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new ZwgkError(`无法读取模板 ${path}（${code}）。 / Cannot read template ${path} (${code}).`);
  }
}

function nameOf(file: string): string {
  return file.replace(/\.hbs$/, '');
}

/**
 * Read and compile a template set once, in its own Handlebars environment. Templates are compiled
 * with `preventIndent`, so an indented partial never adds spaces inside multi-line cell text.
 */
export async function loadTemplateSet<T extends string, P extends string, A extends string>(
  set: string,
  spec: TemplateSetSpec<T, P, A>,
  overrideDir?: string,
): Promise<TemplateSet<T, A>> {
  const env = Handlebars.create();
  const options = { preventIndent: true } as const;
  const compile = (source: string, file: string): Template => {
    try {
      // Parse now (Handlebars compiles lazily), so that a broken override fails before anything is rendered.
      env.parse(source);
      return env.compile(source, options);
    } catch (error) {
      throw new ZwgkError(`模板 ${file} 有语法错误：${(error as Error).message} / Template ${file} does not compile.`);
    }
  };
  const read = (name: string) => readTemplateFile(set, name, overrideDir);
  const [templates, partials, assets] = await Promise.all([
    Promise.all(spec.templates.map(async (name) => [name, compile(await read(name), name)] as const)),
    Promise.all(spec.partials.map(async (name) => [name, await read(name)] as const)),
    Promise.all(spec.assets.map(async (name) => [name, new env.SafeString(await read(name))] as const)),
  ]);
  for (const [name, source] of partials) env.registerPartial(nameOf(name), compile(source, name));
  return {
    env,
    templates: Object.fromEntries(templates) as Record<T, Template>,
    assets: Object.fromEntries(assets) as Record<A, Handlebars.SafeString>,
  };
}
