import { readSourceStream, type SourceResult } from '../load/read-source.js';
import type { Lang } from '../i18n.js';

/** The inputs of a run that reads `-` as standard input: the text read from it, by its name, and the named inputs. */
export interface StdinInputs {
  /** Standard input's text by the name it is reported under (empty when there is no `-`). */
  given: Map<string, SourceResult>;
  /** The inputs other than `-`. */
  named: string[];
}

/**
 * Read standard input when the inputs hold `-`, under the name `--stdin-filename` gives (else `<stdin>`),
 * which is also what the configuration's overrides match. A name given without `-` is said to be unused.
 */
export async function readStdinInputs(
  inputs: readonly string[],
  stdinFilename: string | undefined,
  lang: Lang,
): Promise<StdinInputs> {
  if (stdinFilename !== undefined && !inputs.includes('-')) {
    process.stderr.write(
      lang === 'zh'
        ? 'zwgk: --stdin-filename 只用于从标准输入（-）读入的目录，这次没有 -，未使用。\n'
        : 'zwgk: --stdin-filename only names standard input (-); there is no - in this run, so it was not used.\n',
    );
  }
  const given = new Map<string, SourceResult>();
  const name = stdinFilename ?? '<stdin>';
  if (inputs.includes('-')) given.set(name, await readSourceStream(name, process.stdin, lang));
  return { given, named: inputs.filter((i) => i !== '-') };
}
