import { InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { say, type Lang } from '../i18n.js';
import { FORMAT_NAMES, isFileFormat, type ReportFormatName } from '../report/load-formatter.js';

/** An output format of `zwgk validate`, as its name in the registries; the formatter loads with the command. */
export type OutputFormat = ReportFormatName;

/** One report to write: a format, and a file (standard output when absent). */
export interface OutputSpec {
  format?: OutputFormat;
  output?: string;
}

/**
 * Parsers for repeated `-f` and `-o`, called in the order they are written: each `-o` goes with the `-f`
 * before it (`-f github -f sarif -o zwgk.sarif`), or stands alone. `resolveOutputs` then checks the whole.
 */
export function outputPairs() {
  const pairs: OutputSpec[] = [];
  return {
    format: (value: string): OutputSpec[] => {
      if (!(FORMAT_NAMES as string[]).includes(value)) {
        throw new InvalidArgumentError(`可选：${FORMAT_NAMES.join('、')} (one of ${FORMAT_NAMES.join(', ')})`);
      }
      pairs.push({ format: value as OutputFormat });
      return pairs;
    },
    output: (value: string): OutputSpec[] => {
      const last = pairs.at(-1);
      if (last && last.format !== undefined && last.output === undefined) last.output = value;
      else pairs.push({ output: value });
      return pairs;
    },
  };
}

const toStdout = (output: string | undefined) => output === undefined || output === '-';

/**
 * The reports to write, each with one format and one place, or a usage error where the flags leave it
 * open. `-f` and `-o` pair in the order written; a lone `-f x` and `-o file` pair in either order (as in
 * ESLint, `-o` is where the format goes); an `-o` with no format left for it when formats are given is an
 * error (never a file in a format not asked for), and so are two reports to standard output or to one file,
 * and a file format (a workbook) with no file to write it to.
 */
export function resolveOutputs(
  pairs: readonly OutputSpec[],
  fallback: OutputFormat,
  lang: Lang,
): { format: OutputFormat; output?: string }[] {
  if (pairs.length === 0) return [{ format: fallback }];
  const formats = pairs.filter((p) => p.format !== undefined).length;
  const outputs = pairs.filter((p) => p.output !== undefined).length;
  let resolved: readonly OutputSpec[] = pairs;
  if (formats === 1 && outputs === 1)
    resolved = [{ format: pairs.find((p) => p.format)!.format!, output: pairs.find((p) => p.output)!.output! }];
  else if (formats > 0) {
    const lone = pairs.find((p) => p.format === undefined);
    if (lone) {
      throw new UsageError(
        say(lang, {
          zh: `-o ${lone.output} 前面没有对应的 -f：每个 -o 写在它的格式之后，例如 -f json -o ${lone.output}。`,
          en: `-o ${lone.output} has no -f before it: write each -o after its format, as in -f json -o ${lone.output}.`,
        }),
      );
    }
  }
  const out = resolved.map((p) => ({
    format: p.format ?? fallback,
    ...(p.output === undefined || toStdout(p.output) ? {} : { output: p.output }),
  }));
  const onStdout = out.filter((o) => o.output === undefined);
  const fileOnStdout = onStdout.find((o) => isFileFormat(o.format));
  if (fileOnStdout) {
    throw new UsageError(
      say(lang, {
        zh: `-f ${fileOnStdout.format} 是文件，不能输出到屏幕：用 -o 给出文件名，例如 -f ${fileOnStdout.format} -o 检查结果.${fileOnStdout.format}。`,
        en: `-f ${fileOnStdout.format} is a file, not text for the screen: name the file with -o, as in -f ${fileOnStdout.format} -o findings.${fileOnStdout.format}.`,
      }),
    );
  }
  if (onStdout.length > 1) {
    throw new UsageError(
      say(lang, {
        zh: `${onStdout.map((o) => o.format).join('、')} 都会输出到屏幕（标准输出）：只能有一个，其余的用 -o 写入文件，例如 -f ${onStdout[1]!.format} -o 文件名。`,
        en: `${onStdout.map((o) => o.format).join(', ')} would all go to standard output: only one can; write the others to files with -o, as in -f ${onStdout[1]!.format} -o file.`,
      }),
    );
  }
  const seen = new Set<string>();
  for (const o of out) {
    if (o.output === undefined) continue;
    const path = resolve(o.output);
    if (seen.has(path)) {
      throw new UsageError(
        say(lang, {
          zh: `-o ${o.output} 写了不止一次：每个格式写入各自的文件。`,
          en: `-o ${o.output} is given more than once: write each format to its own file.`,
        }),
      );
    }
    seen.add(path);
  }
  return out;
}
