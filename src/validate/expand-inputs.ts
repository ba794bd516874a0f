import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { fileDiagnostic } from '../load/file-diagnostic.js';

/** The files a run checks, and the inputs that named nothing. */
export interface ExpandedInputs {
  files: string[];
  missing: Diagnostic[];
}

const YAML_GLOB = '**/*.{yaml,yml}';

/** The glob library, loaded only when a directory, a glob or an ignore list needs it (not for named files). */
const globbing = () => import('tinyglobby');
const ALWAYS_IGNORED = ['**/node_modules/**'];

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return shown.split(sep).join('/');
}

/** Where and how to look for the files a user named. */
export interface ExpandOptions {
  cwd: string;
  lang: Lang;
  /** Globs of files a search leaves out, relative to `ignoreBase` (default: `cwd`). */
  ignore?: readonly string[];
  ignoreBase?: string;
  /** File names a search leaves out besides (the configuration files, which the layer above knows). */
  skipName?: (name: string) => boolean;
  /** Endings of files a search takes besides `.yaml` and `.yml` (the tables checked where they live: `.xlsx` …). */
  extensions?: readonly string[];
}

/**
 * Turn the paths, directories and globs a user gave into a sorted list of YAML files. Directories
 * are searched for *.yaml and *.yml, skipping hidden folders, node_modules, the names `skipName` refuses
 * and the `ignore` globs (relative to `ignoreBase`); so are the files globs match. A named file is always
 * checked.
 */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions): Promise<ExpandedInputs> {
  const found = new Set<string>();
  const missing: Diagnostic[] = [];
  const ignored = new Set(
    options.ignore?.length
      ? await (
          await globbing()
        ).glob([...options.ignore], { cwd: options.ignoreBase ?? options.cwd, dot: true, absolute: true })
      : [],
  );
  const keep = (f: string) => !ignored.has(f) && !options.skipName?.(basename(f));
  const endings = ['.yaml', '.yml', ...(options.extensions ?? []).map((e) => e.toLowerCase())];
  const wanted = (f: string) => endings.some((e) => f.endsWith(e));
  const pattern = options.extensions?.length ? `**/*.{${endings.map((e) => e.slice(1)).join(',')}}` : YAML_GLOB;
  const searchDir = async (dir: string) =>
    (await (await globbing()).glob(pattern, { cwd: dir, dot: false, absolute: true, ignore: ALWAYS_IGNORED })).filter(
      keep,
    );

  for (const input of inputs) {
    const absolute = resolve(options.cwd, input);
    let files: string[];
    // A name that is there but cannot be looked into (links in a loop, no permission) is read, to say why.
    const info = await stat(absolute).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : 'unreadable';
    });
    const isDirectory = typeof info === 'object' && info.isDirectory();
    if (isDirectory) {
      files = await searchDir(absolute);
    } else if (info) {
      files = [absolute];
    } else if ((await globbing()).isDynamicPattern(input)) {
      files = (
        await (await globbing()).glob(input, { cwd: options.cwd, dot: false, absolute: true, ignore: ALWAYS_IGNORED })
      )
        .filter(wanted)
        .filter(keep);
    } else {
      missing.push(
        fileDiagnostic(
          display(options.cwd, absolute),
          'file/not-found',
          options.lang,
          {
            zh: '文件或目录不存在。',
            en: 'No such file or directory.',
          },
          { zh: '检查路径是否写对。', en: 'Check the path.' },
        ),
      );
      continue;
    }
    if (files.length === 0) {
      const tables = options.extensions?.length ? ` ${options.extensions.join(' ')}` : '';
      missing.push(
        fileDiagnostic(input, 'file/not-found', options.lang, {
          zh: isDirectory
            ? `目录中没有 .yaml 或 .yml${tables ? `（或${tables.trim()}）` : ''} 文件。`
            : `没有与此匹配的 .yaml 或 .yml${tables ? `（或${tables.trim()}）` : ''} 文件。`,
          en: isDirectory
            ? `The directory holds no .yaml or .yml${tables ? ` (or${tables})` : ''} files.`
            : `No .yaml or .yml${tables ? ` (or${tables})` : ''} files match this.`,
        }),
      );
    }
    for (const f of files) found.add(display(options.cwd, f));
  }
  return { files: await oncePerFile([...found], options.cwd), missing };
}

/**
 * One name for each file: a file reached twice (through a linked folder, or named twice) is checked
 * once, so that it does not meet itself in the rules that look across files. The name kept is one that
 * passes through no link if there is one, else the shortest (the first in order among equals). A name
 * that cannot be followed to a file is kept, for reading to say why. Sorted by name.
 */
async function oncePerFile(files: readonly string[], cwd: string): Promise<string[]> {
  const named = await Promise.all(
    files.map(async (file) => {
      const path = resolve(cwd, file);
      const real = await realpath(path).catch(() => undefined);
      return { file, real, rank: [real === path ? 0 : 1, file.split('/').length] as const };
    }),
  );
  named.sort(
    (a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0),
  );
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const { file, real } of named) {
    if (real !== undefined) {
      if (seen.has(real)) continue;
      seen.add(real);
    }
    kept.push(file);
  }
  return kept.sort();
}
