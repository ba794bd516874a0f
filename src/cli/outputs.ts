import { InvalidArgumentError } from 'commander';

/** Output formats of `zwgk validate`, as their names; the formatters themselves load with the command. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'markdown'] as const;

/** One report to write: a format, and a file (standard output when absent). */
export interface OutputSpec {
  format?: (typeof FORMAT_NAMES)[number];
  output?: string;
}

/**
 * Parsers for repeated `-f` and `-o`, called in the order they are written: each `-o` goes with the `-f`
 * before it (`-f github -f sarif -o zwgk.sarif`), or stands alone with the default format.
 */
export function outputPairs() {
  const pairs: OutputSpec[] = [];
  return {
    format(value: string): OutputSpec[] {
      if (!(FORMAT_NAMES as readonly string[]).includes(value)) {
        throw new InvalidArgumentError(`可选：${FORMAT_NAMES.join('、')} (one of ${FORMAT_NAMES.join(', ')})`);
      }
      pairs.push({ format: value as OutputSpec['format'] });
      return pairs;
    },
    output(value: string): OutputSpec[] {
      const last = pairs.at(-1);
      if (last && last.output === undefined) last.output = value;
      else pairs.push({ output: value });
      return pairs;
    },
  };
}
