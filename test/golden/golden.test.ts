// Golden CLI scenarios: each folder under test/golden/ is a command line run on an input folder, with
// what it printed, the exit code and the files it wrote kept byte for byte under expected/. The format
// is described in README.md beside this file. `ZWGK_UPDATE_GOLDEN=1 npx vitest run test/golden`
// rewrites every expected/ folder from the built command (review the git diff before committing it).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, it } from 'vitest';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const BIN = join(ROOT, 'bin/zwgk.js');
const UPDATE = process.env.ZWGK_UPDATE_GOLDEN === '1';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** One scenario as read from its folder. */
interface Scenario {
  name: string;
  dir: string;
  /** The argument lists after `zwgk`, in the order they run. */
  commands: string[][];
  /** Repository paths copied into the working folder (the `from` file). */
  from: string[];
}

/** What running a scenario gave: the contents of its expected/ folder. */
interface Outcome {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: string;
  /** Files written or changed, by path relative to the working folder (always with `/`). */
  files: Map<string, Buffer>;
  /** Input files the commands deleted. */
  removed: string[];
}

/** The lines of a scenario file without `#` comments and blank lines. */
function lines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Split a command line into arguments: spaces separate, "double quotes" keep spaces inside one argument. */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

function readScenarios(): Scenario[] {
  return readdirSync(HERE, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(HERE, e.name, 'command')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(HERE, name);
      return { name, dir, commands: lines(join(dir, 'command')).map(splitArgs), from: lines(join(dir, 'from')) };
    });
}

/** Every file under `dir` by relative path with `/`, sorted. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const path of entries) files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
  return files;
}

/** Text is valid UTF-8 without NUL bytes; anything else (a workbook) is compared as bytes. */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * THE one place where output is normalised: the temporary working folder's path becomes `<work>`, the
 * path from a folder of it to this package (a new form names the package's schema by it, and it depends
 * on where the repository and the temporary folder are) becomes `<zwgk>`, and the package's version
 * becomes `<version>`, in printed output and written text files. Nothing else is.
 */
function normalise(content: Buffer, work: readonly string[], toPackage: readonly string[] = []): Buffer {
  if (!isText(content)) return content;
  let text = content.toString('utf8');
  for (const path of toPackage) text = text.replaceAll(`$schema=${path}/schemas/`, '$schema=<zwgk>/schemas/');
  for (const path of work) text = text.replaceAll(path, '<work>');
  const version = new RegExp(`(?<![\\d.])${VERSION.replaceAll('.', '\\.')}(?![\\d.])`, 'g');
  return Buffer.from(text.replace(version, '<version>'), 'utf8');
}

/** The environment of every command: no colour, not in GitHub Actions, no zwgk tuning, UTC. */
function scenarioEnv(): NodeJS.ProcessEnv {
  const dropped = new Set(['FORCE_COLOR', 'GITHUB_ACTIONS', 'ZWGK_DEBUG', 'ZWGK_WORKERS']);
  const kept = Object.entries(process.env).filter(([key]) => !dropped.has(key));
  return { ...Object.fromEntries(kept), NO_COLOR: '1', TZ: 'UTC' };
}

function runZwgk(args: readonly string[], cwd: string): Promise<{ code: number | null; out: Buffer; err: Buffer }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: scenarioEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out: Buffer.concat(out), err: Buffer.concat(err) }));
  });
}

/** A stream of several commands: each command's output under a `$ zwgk …` line (a terminal transcript). */
function transcript(commands: readonly string[][], outputs: readonly Buffer[]): Buffer {
  if (commands.length === 1) return outputs[0] ?? Buffer.alloc(0);
  if (outputs.every((o) => o.length === 0)) return Buffer.alloc(0);
  const parts = commands.flatMap((args, i) => {
    const output = outputs[i] ?? Buffer.alloc(0);
    const open = output.length > 0 && output.at(-1) !== 0x0a ? '\n\\ No newline at end of output\n' : '';
    return [Buffer.from(`$ zwgk ${args.join(' ')}\n`), output, Buffer.from(open)];
  });
  return Buffer.concat(parts);
}

const workRoot = mkdtempSync(join(tmpdir(), 'zwgk-golden-'));
// A package.json (with no zwgk field) above the working folders ends the search for a configuration
// file there, so a stray one in the temporary folder's parents cannot change the output.
writeFileSync(join(workRoot, 'package.json'), '{ "private": true }\n');
afterAll(() => rmSync(workRoot, { recursive: true, force: true }));

async function runScenario(scenario: Scenario): Promise<Outcome> {
  const work = join(workRoot, scenario.name);
  mkdirSync(work);
  for (const path of scenario.from) {
    const source = resolve(ROOT, path);
    if (!source.startsWith(ROOT + sep) || !existsSync(source))
      throw new Error(`${scenario.name}/from: ${path} is not a path in the repository`);
    cpSync(source, join(work, path), { recursive: true });
  }
  if (existsSync(join(scenario.dir, 'in'))) cpSync(join(scenario.dir, 'in'), work, { recursive: true });
  const before = snapshot(work);
  const outs: Buffer[] = [];
  const errs: Buffer[] = [];
  const codes: string[] = [];
  for (const args of scenario.commands) {
    const r = await runZwgk(args, work);
    outs.push(r.out);
    errs.push(r.err);
    codes.push(String(r.code));
  }
  const paths = [work, realpathSync(work)];
  const after = snapshot(work);
  const folders = [
    ...new Set(paths.flatMap((root) => [root, ...[...after.keys()].map((path) => dirname(join(root, path)))])),
  ];
  const toPackage = folders
    .map((folder) => relative(folder, ROOT).split(sep).join('/'))
    .sort((a, b) => b.length - a.length);
  const files = new Map<string, Buffer>();
  for (const [path, content] of after) {
    if (!before.get(path)?.equals(content)) files.set(path, normalise(content, paths, toPackage));
  }
  return {
    stdout: normalise(transcript(scenario.commands, outs), paths, toPackage),
    stderr: normalise(transcript(scenario.commands, errs), paths, toPackage),
    exitCode: codes.join('\n') + '\n',
    files,
    removed: [...before.keys()].filter((path) => !after.has(path)),
  };
}

function writeExpected(dir: string, outcome: Outcome): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'stdout'), outcome.stdout);
  writeFileSync(join(dir, 'stderr'), outcome.stderr);
  writeFileSync(join(dir, 'exit-code'), outcome.exitCode);
  if (outcome.removed.length > 0) writeFileSync(join(dir, 'removed'), outcome.removed.join('\n') + '\n');
  for (const [path, content] of outcome.files) {
    mkdirSync(dirname(join(dir, 'files', path)), { recursive: true });
    writeFileSync(join(dir, 'files', path), content);
  }
}

function readExpected(dir: string): Outcome {
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : Buffer.alloc(0));
  return {
    stdout: read('stdout'),
    stderr: read('stderr'),
    exitCode: read('exit-code').toString('utf8'),
    files: existsSync(join(dir, 'files')) ? snapshot(join(dir, 'files')) : new Map<string, Buffer>(),
    removed: lines(join(dir, 'removed')),
  };
}

/** The parts of a ZIP archive (a workbook) by name, inflated: to say which part of a workbook differs. */
function zipParts(zip: Buffer): Map<string, Buffer> | undefined {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return undefined;
  const parts = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    parts.set(name, method === 8 ? inflateRawSync(body) : body);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A workbook part as lines to diff: one XML tag per line. */
function partText(part: Buffer | undefined): string {
  return part === undefined ? '(missing)' : part.toString('utf8').replaceAll('><', '>\n<');
}

const scenarios = readScenarios();

describe('golden CLI scenarios (test/golden/*/)', () => {
  it('has scenarios', ({ expect }) => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios)
    // A scenario of many commands takes seconds while the rest of the suite runs beside it.
    it.concurrent(scenario.name, { timeout: 120_000 }, async ({ expect }) => {
      expect(scenario.commands.length, `${scenario.name}/command has no command`).toBeGreaterThan(0);
      const actual = await runScenario(scenario);
      const expectedDir = join(scenario.dir, 'expected');
      if (UPDATE) {
        writeExpected(expectedDir, actual);
        return;
      }
      expect(existsSync(expectedDir), `${scenario.name}: no expected/ (run with ZWGK_UPDATE_GOLDEN=1)`).toBe(true);
      const expected = readExpected(expectedDir);
      expect.soft(actual.exitCode, `${scenario.name}: exit code`).toBe(expected.exitCode);
      expect.soft(actual.stdout.toString('utf8'), `${scenario.name}: stdout`).toBe(expected.stdout.toString('utf8'));
      expect.soft(actual.stderr.toString('utf8'), `${scenario.name}: stderr`).toBe(expected.stderr.toString('utf8'));
      expect.soft(actual.removed, `${scenario.name}: files removed`).toEqual(expected.removed);
      expect.soft([...actual.files.keys()], `${scenario.name}: files written`).toEqual([...expected.files.keys()]);
      for (const [path, want] of expected.files) {
        const got = actual.files.get(path);
        if (got === undefined || got.equals(want)) continue;
        const label = `${scenario.name}: files/${path}`;
        if (isText(want) && isText(got)) {
          expect.soft(got.toString('utf8'), label).toBe(want.toString('utf8'));
          continue;
        }
        const [gotParts, wantParts] = [zipParts(got), zipParts(want)];
        const changed = [...new Set([...(wantParts?.keys() ?? []), ...(gotParts?.keys() ?? [])])].filter(
          (name) => !(gotParts?.get(name)?.equals(wantParts?.get(name) ?? Buffer.alloc(0)) ?? false),
        );
        if (gotParts && wantParts && changed.length > 0) {
          for (const name of changed)
            expect.soft(partText(gotParts.get(name)), `${label} (part ${name})`).toBe(partText(wantParts.get(name)));
        } else {
          // Same parts, different bytes (or not a ZIP archive): where the archive itself differs.
          let at = 0;
          while (at < got.length && got[at] === want[at]) at++;
          const where = `${label}: ${got.length} bytes (expected ${want.length}), first difference at byte ${at}`;
          expect.soft(got.equals(want), where).toBe(true);
        }
      }
    });
});
