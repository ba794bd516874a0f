import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS, GOOD, caseLabel, zwgkAsync, type BadInput, type Run } from '../_helpers/bad-inputs.js';

/**
 * Every input of the bad-input corpus through every command that reads it. Whatever the input: an exit
 * code the README documents, the expected finding for `validate`, messages that name the file (and a
 * line and column where there is text to point at), no stack trace or internal error, no input file
 * changed, no temporary file left behind, and no output written by a command that failed.
 */

let root: string;
let base: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'zwgk-bad-'));
  base = join(root, 'base.yaml');
  writeFileSync(base, GOOD);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fingerprint of every entry under `dir` (regular files by content, others by kind and link target). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const key = rel ? `${rel}/${name}` : name;
      const st = lstatSync(path);
      if (st.isDirectory()) walk(path, key);
      else if (st.isFile()) out.set(key, `${st.mode}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      else out.set(key, `${st.mode}:special`);
    }
  };
  walk(dir, '');
  return out;
}

/** What no run may print, whatever it was given. */
function expectNoCrash(run: Run, what: string): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect(run.signal, `${what}: killed (${run.signal}); stderr: ${run.stderr.slice(0, 500)}`).toBeNull();
  expect([0, 1, 2], `${what}: exit ${run.status}; stderr: ${run.stderr.slice(0, 500)}`).toContain(run.status);
  expect(all, `${what}: internal error`).not.toMatch(/内部错误|internal error/i);
  expect(all, `${what}: stack trace`).not.toMatch(/^\s+at .+(:\d+:\d+\)?|\(native\))$/m);
  expect(all, `${what}: Node's own error text`).not.toMatch(
    /node:internal|Error: E[A-Z]+:|RangeError|TypeError|ReferenceError/,
  );
}

interface Reported {
  code: string;
  file: string;
  message: string;
  range?: unknown;
  cell?: unknown;
}

const diagnosticsOf = (stdout: string): Reported[] => (JSON.parse(stdout) as { diagnostics: Reported[] }).diagnostics;

function caseDir(input: BadInput, index: number): string {
  const dir = join(root, `case-${index}`);
  mkdirSync(dir);
  input.make(dir);
  return dir;
}

const isRegularFile = (path: string): boolean => {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
};

const cases = BAD_INPUTS.map((input, index) => ({ input, index, label: caseLabel(input, index) }));

describe.concurrent('the bad-input corpus', () => {
  it.each(cases)(
    '$label',
    async ({ input, index }) => {
      if (input.skip) return;
      const dir = caseDir(input, index);
      const before = snapshot(dir);
      const runs: [string, Run][] = [];
      const run = async (args: string[]): Promise<Run> => {
        const r = await zwgkAsync(args, dir);
        runs.push([`zwgk ${args.join(' ')}`, r]);
        return r;
      };

      // validate: the documented exit code, the expected finding, located.
      const stylish = await run(['validate', input.name]);
      expect(stylish.status, `validate ${input.name}: ${stylish.stdout}${stylish.stderr}`.slice(0, 2000)).toBe(
        input.validate,
      );
      if (input.validate !== 0) expect(`${stylish.stdout}${stylish.stderr}`).toContain(input.about ?? input.name);
      const json = await run(['validate', input.name, '-f', 'json']);
      expect(json.status).toBe(input.validate);
      const diagnostics = diagnosticsOf(json.stdout);
      if (input.code) expect(diagnostics.map((d) => d.code)).toContainEqual(expect.stringMatching(input.code));
      for (const d of diagnostics) {
        expect(d.file.startsWith(input.name) || d.file === input.about, `${d.code} names ${d.file}`).toBe(true);
        // Findings about a whole file have no place; others a line and column, or a table's cell.
        const wholeFile =
          /^(file|config)\//.test(d.code) || d.code === 'table/unreadable' || d.code === 'table/no-catalog';
        if (!wholeFile) expect(d.range ?? d.cell, `${d.code} has no place`).toBeDefined();
      }

      if (input.kind === 'table') {
        const imported = await run(['import', input.name, '-o', 'imported']);
        expect(imported.status, `import ${input.name}: ${imported.stderr}`.slice(0, 2000)).toBe(input.import);
        if (imported.status === 0) {
          const check = await run(['validate', 'imported', '-f', 'json']);
          expect(diagnosticsOf(check.stdout).filter((d) => /^(yaml|file)\//.test(d.code))).toEqual([]);
        } else {
          expect(existsSync(join(dir, 'imported')) && readdirSync(join(dir, 'imported')).length > 0).toBe(false);
        }
      } else {
        await run(['fix', '--dry-run', input.name]);
        // The workbook renderer is slow to load: it runs where there is data to lay out.
        for (const format of input.validate < 2 ? ['html', 'xlsx'] : ['html']) {
          const out = `rendered.${format}`;
          const rendered = await run(['render', input.name, '-f', format, '-o', out]);
          if (rendered.status !== 0)
            expect(existsSync(join(dir, out)), `render -f ${format} failed but wrote ${out}`).toBe(false);
        }
        await run(['diff', base, input.name]);
        await run(['diff', input.name, base, '-f', 'markdown']);
        if (input.form) await run(['form', 'check', input.name]);
      }

      for (const [what, r] of runs) expectNoCrash(r, what);
      // Nothing the commands were given changed, and nothing half-written was left beside it.
      const after = snapshot(dir);
      for (const [path, print] of before) expect(after.get(path), `${path} changed`).toBe(print);
      expect([...after.keys()].filter((p) => /(^|\/)\.[^/]*\.tmp$/.test(p))).toEqual([]);

      // fix, for real, on a copy of a regular file: it may rewrite it, but only into text that still reads.
      if (input.kind !== 'table' && isRegularFile(join(dir, input.name))) {
        const copy = join(root, `fix-${index}`);
        cpSync(dir, copy, { recursive: true, filter: (src) => isRegularFile(src) || lstatSync(src).isDirectory() });
        const fixed = await zwgkAsync(['fix', input.name], copy);
        expectNoCrash(fixed, `zwgk fix ${input.name}`);
        const recheck = await zwgkAsync(['validate', input.name, '-f', 'json'], copy);
        if (input.validate < 2)
          expect(diagnosticsOf(recheck.stdout).filter((d) => d.code.startsWith('yaml/')).length).toBeLessThanOrEqual(
            diagnostics.filter((d) => d.code.startsWith('yaml/')).length,
          );
      }
    },
    300_000,
  );
});
