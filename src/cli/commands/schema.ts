import { readAssetText } from '../../assets.js';
import { FORM_IDS, FORMS } from '../../forms/registry.js';
import { UsageError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { writeOutput } from '../io.js';
import type { SchemaFlags } from '../options.js';

/** The schemas by name: the catalog's, the configuration's, the diff and stats reports', and each form's by its id. */
const SCHEMAS: Readonly<Record<string, string>> = {
  catalog: 'schemas/catalog.schema.json',
  config: 'schemas/config.schema.json',
  'diff-report': 'schemas/diff-report.schema.json',
  'stats-report': 'schemas/stats-report.schema.json',
  ...Object.fromEntries(FORM_IDS.map((id) => [id, FORMS[id].schema])),
};

/** `zwgk schema`: print a shipped JSON Schema, for editors and other tools. Its descriptions are Chinese: `--lang en` is refused. */
export async function runSchema(name: string, flags: SchemaFlags): Promise<number> {
  const lang = flags.lang ?? 'zh';
  if (!Object.hasOwn(SCHEMAS, name)) {
    throw new UsageError(
      lang === 'zh'
        ? `没有名为“${name}”的模式；可用：${Object.keys(SCHEMAS).join('、')}。`
        : `No schema "${name}"; available: ${Object.keys(SCHEMAS).join(', ')}.`,
    );
  }
  if (lang === 'en') {
    // The schemas describe their fields in Chinese only; an English run would print Chinese all the same.
    throw new UsageError(
      'The schemas describe their fields in Chinese only: zwgk schema does not take --lang en (the schema itself is the same).',
    );
  }
  const text = readAssetText(SCHEMAS[name]!);
  await writeOutput(text, flags.output, lang);
  return EXIT.ok;
}
