import { isConfigFileName } from '../config/load-config.js';
import type { RunSettings } from '../config/resolve-options.js';
import type { Lang } from '../i18n.js';
import { expandInputs, type ExpandedInputs } from '../validate/expand-inputs.js';
import { SHIPPED_TABLES } from './documents.js';

/**
 * The files a command reads, from the inputs the user named (none, and no standard input: the current
 * folder), as every command finds them: the configuration's `ignore` taken from its folder, configuration
 * files skipped, and with `tables` the table files (workbooks, pages, CSV) found in folders beside the YAML ones.
 */
export function expandRunInputs(
  inputs: readonly string[],
  settings: Pick<RunSettings, 'config' | 'base'> & { lang: Lang },
  cwd: string,
  { tables = false, stdin = false }: { tables?: boolean; stdin?: boolean } = {},
): Promise<ExpandedInputs> {
  const { config, base, lang } = settings;
  return expandInputs(inputs.length > 0 || stdin ? inputs : ['.'], {
    cwd,
    lang,
    ...(config.ignore ? { ignore: config.ignore } : {}),
    ignoreBase: base,
    skipName: isConfigFileName,
    ...(tables ? { extensions: SHIPPED_TABLES.extensions } : {}),
  });
}
