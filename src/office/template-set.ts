import Handlebars from 'handlebars';
import { ZwgkError } from '../errors.js';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';
import { shippedTemplateSource } from './template-source.js';

export { normalizeTemplate, shippedTemplateSource, type TemplateSource } from './template-source.js';

// Template sets compiled from text, and the shipped templates, without the file system: a renderer that
// uses only the shipped templates (the change report) runs in a browser too. A user's own templates, in a
// folder of theirs, are read by templates.ts.

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

function nameOf(file: string): string {
  return file.replace(/\.hbs$/, '');
}

/**
 * Compile a template set once, in its own Handlebars environment, from the texts `read` gives by file
 * name. Templates are compiled with `preventIndent`, so an indented partial never adds spaces inside
 * multi-line cell text.
 */
export async function compileTemplateSet<T extends string, P extends string, A extends string>(
  spec: TemplateSetSpec<T, P, A>,
  read: (name: string) => string | Promise<string>,
): Promise<TemplateSet<T, A>> {
  const env = Handlebars.create();
  const options = { preventIndent: true } as const;
  const compile = (source: string, file: string): Template => {
    const precompiled = PRECOMPILED_TEMPLATES.get(source);
    if (precompiled) return env.template(precompiled);
    try {
      // Parse now (Handlebars compiles lazily), so that a broken override fails before anything is rendered.
      env.parse(source);
      return env.compile(source, options);
    } catch (error) {
      throw new ZwgkError(`模板 ${file} 有语法错误：${(error as Error).message} / Template ${file} does not compile.`);
    }
  };
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

/** A template set of the shipped templates only (`templates/<set>/`), compiled once per call. */
export function loadShippedTemplateSet<T extends string, P extends string, A extends string>(
  set: string,
  spec: TemplateSetSpec<T, P, A>,
): Promise<TemplateSet<T, A>> {
  return compileTemplateSet(spec, (name) => shippedTemplateSource(set, name).text);
}
