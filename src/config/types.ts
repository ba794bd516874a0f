import type { Lang } from '../i18n.js';
import type { VocabularyExtension } from '../catalog/vocabulary.js';
import type { Severity } from '../diagnostics.js';
import type { ClassSetting, FailOn } from '../diff/policy.js';
import type { ChangeClass } from '../diff/types.js';
import type { FormsConfig } from '../forms/types.js';

/** Settings for the files some globs match, laid over the rest of the configuration. */
export interface ConfigOverride {
  /** Globs relative to the configuration file's folder. */
  files: string | readonly string[];
  /** Severity per rule id, laid over `rules`. */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** Replaces `levelColumns`. */
  levelColumns?: readonly string[];
  /** Added to `vocabulary`. */
  vocabulary?: VocabularyExtension;
}

/** A project's configuration, as schemas/config.schema.json describes it. */
export interface ZwgkConfig {
  $schema?: string;
  /** Language of messages. Default: `zh`. */
  lang?: Lang;
  /** Severity per rule id. Default: each rule's own. */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** Local names added to the standard vocabularies. Default: none. */
  vocabulary?: VocabularyExtension;
  /** Level columns for catalogs that do not declare `level_columns`. Default: none. */
  levelColumns?: readonly string[];
  /** Globs of files to skip when a directory is checked, relative to the config file. Default: none. */
  ignore?: readonly string[];
  /** Different settings for the files some globs match (a township folder, say); later ones win. Default: none. */
  overrides?: readonly ConfigOverride[];
  /** Warnings above this number make the run fail. Default: no limit. */
  maxWarnings?: number;
  /** Settings of `zwgk render`. */
  render?: {
    /** `checklist` (■/□ for every standard channel) or `list` (chosen ones only). Default: `checklist`. */
    channels?: 'checklist' | 'list';
    /** A directory of HTML templates replacing the shipped ones, relative to the config file. Default: none. */
    templates?: string;
  };
  /** Settings of `zwgk diff`. */
  diff?: {
    /** Which changes make the run exit 1; `--fail-on` wins. Default: `none`. */
    failOn?: FailOn;
    /** The name and severity of each change class. Default: reduces `error`, the others `info`. */
    classes?: Partial<Record<ChangeClass, Partial<ClassSetting>>>;
  };
  /** Settings of `zwgk form`: rule profiles added or changed, the default profile per form, templates. */
  forms?: FormsConfig;
}

/** Identity helper for typed `zwgk.config.js` files. */
export function defineConfig(config: ZwgkConfig): ZwgkConfig {
  return config;
}
