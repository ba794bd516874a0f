import { extname, resolve } from 'node:path';
import { buildVocabulary, matchName } from '../../catalog/vocabulary.js';
import { UsageError } from '../../errors.js';
import { say } from '../../i18n.js';
import { blankCatalogWorkbook, DEFAULT_LEVELS } from '../../render/blank/blank-workbook.js';
import { printable } from '../../report/printable.js';
import { EXIT } from '../exit.js';
import type { TemplateFlags } from '../options.js';
import { writeNewFile } from '../write-new-file.js';

/** Characters a file name may not hold on some system, in a default output name made from the domain. */
const UNSAFE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * `zwgk template <领域> [-o file]`: write a blank catalog workbook for clerks to fill and `zwgk import` to read
 * back. A domain the vocabulary does not know is accepted, with a note on stderr; an existing file is kept
 * unless `--force`.
 */
export async function runTemplate(domainArg: string, flags: TemplateFlags): Promise<number> {
  const lang = flags.lang ?? 'zh';
  const domain = domainArg.trim().replace(/领域$/, '').trim();
  if (domain === '') {
    throw new UsageError(
      say(lang, { zh: '请写明领域，如：zwgk template 安全生产', en: 'Name the domain, e.g. zwgk template 安全生产' }),
    );
  }
  const output = flags.output ?? `${domain.replace(UNSAFE_NAME, '_')}目录模板.xlsx`;
  if (extname(output).toLowerCase() !== '.xlsx') {
    throw new UsageError(
      say(lang, {
        zh: `目录模板是 Excel 工作簿，输出文件应以 .xlsx 结尾（现在是 ${printable(output)}）。`,
        en: `The template is an Excel workbook: name an output ending in .xlsx (given: ${printable(output)}).`,
      }),
    );
  }
  const vocabulary = buildVocabulary();
  const match = matchName(domain, vocabulary.domains, vocabulary.domainAliases, '领域');
  const shownDomain = printable(domain);
  if (match.kind === 'variant' && match.standard !== domain) {
    process.stderr.write(
      say(lang, {
        zh: `提示：“${shownDomain}”领域在标准指引中称为“${match.standard}”；模板按所写的“${shownDomain}”生成。\n`,
        en: `Note: the standard guidelines name this domain “${match.standard}”; the template uses “${shownDomain}” as written.\n`,
      }),
    );
  } else if (match.kind === 'unknown') {
    process.stderr.write(
      say(lang, {
        zh: `提示：“${shownDomain}”不是已知的领域（26 个试点领域和常见的地方领域），请核对名称；模板照常生成。\n`,
        en: `Note: “${shownDomain}” is not a known domain (the 26 pilot domains and common local ones); check the name. The template is written anyway.\n`,
      }),
    );
  }
  const bytes = await blankCatalogWorkbook({
    domain,
    ...(flags.unit !== undefined ? { unit: flags.unit } : {}),
    levels: flags.levels ?? DEFAULT_LEVELS,
  });
  await writeNewFile(resolve(process.cwd(), output), bytes, output, flags.force, lang);
  process.stderr.write(
    say(lang, {
      zh: `已生成 ${printable(output)}：${shownDomain}领域目录模板。填好后用 zwgk import ${printable(output)} -o catalogs 导入。\n`,
      en: `Wrote ${printable(output)}, a blank ${shownDomain} catalog. Once filled, import it with zwgk import ${printable(output)} -o catalogs.\n`,
    }),
  );
  return EXIT.ok;
}
