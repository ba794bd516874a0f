import type { Lang } from '../i18n.js';
import { buildVocabulary, type Vocabulary } from '../catalog/vocabulary.js';
import type { RuleSeverities } from '../lint/run-rules.js';
import type { FormsConfig } from '../forms/types.js';

/** Everything validation depends on besides the files. */
export interface ValidateOptions {
  /** Language of messages. Default: `zh`. */
  lang: Lang;
  /** Severity overrides per rule. Default: each rule's own. */
  rules: RuleSeverities;
  /** Known channel and domain names. Default: the standard lists. */
  vocabulary: Vocabulary;
  /** Level columns for catalogs that do not declare `level_columns`. Default: none. */
  levelColumns: readonly string[];
  /** The configuration's `forms` section, for the application forms among the files. Default: none. */
  forms?: FormsConfig;
  /** The options for one file (by absolute path), where the configuration's `overrides` change them. Default: these. */
  forFile?: (file: string) => ValidateOptions;
}

/** The options that apply to a file, given by absolute path. */
export function optionsFor(options: ValidateOptions, file: string): ValidateOptions {
  return options.forFile?.(file) ?? options;
}

/** Fill in the defaults. */
export function resolveValidateOptions(partial: Partial<ValidateOptions> = {}): ValidateOptions {
  return {
    lang: partial.lang ?? 'zh',
    rules: partial.rules ?? {},
    vocabulary: partial.vocabulary ?? buildVocabulary(),
    levelColumns: partial.levelColumns ?? [],
    ...(partial.forms ? { forms: partial.forms } : {}),
  };
}
