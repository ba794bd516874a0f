// The smoke scenario of the installed package, as data: named steps with their arguments and the files
// they write. `runScenario` runs every step with any command prefix (the installed bin, the portable
// single file) in a working folder it lays out first, so two builds can be compared byte for byte.
// Arguments and outputs use paths relative to the working folder only. For example:
//
//   const a = await runScenario([process.execPath, installedBin], dir);
//   const b = await runScenario([process.execPath, '/path/to/zwgk.mjs'], dir);
//   expect(summarize(b)).toEqual(summarize(a));
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { samplesHtmlPage } from '../_helpers/real-tables/html.js';
import { loadCatalogSample } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

/** The repository root: the source of the catalogs and table samples copied into the working folder. */
export const ROOT = join(import.meta.dirname, '../..');

/** Replace each `from` (which must occur) by `to` in a file of the working folder: a user's edit between two commands. */
export interface Edit {
  file: string;
  replace: readonly (readonly [from: string, to: string])[];
}

/** One command of the scenario. */
export interface Step {
  name: string;
  /** Arguments after the command prefix. */
  args: readonly string[];
  /** The exit code a correct build gives. */
  exit: number;
  /** Files or folders (relative to the working folder) the step writes; read back after it. */
  produces?: readonly string[];
  /** An edit made to the working folder before the command runs. */
  before?: Edit;
}

/** What one step did. */
export interface StepResult {
  name: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The produced files by path relative to the working folder (a produced folder gives each file in it). */
  files: Map<string, Buffer>;
}

const YEAR = ['--year', '2024'];

/** The blank theme-day form of `form-new`, filled in as a unit would (each `from` is in what `form new` writes). */
const FILL_THEME_DAY: Edit = {
  file: 'forms/sub.yaml',
  replace: [
    ['\ncontact:', '\ncontact: 李晓梅'],
    ['\nphone:', '\nphone: "0871-65123456"'],
    ['\ndate:', '\ndate: 2024-03-25'],
    ['  - theme:  #', '  - theme: 招生现场观摩  #'],
    ['    month:  #', '    month: 6  #'],
    ['    form:  #', '    form: 现场观摩  #'],
    ['    brief:  #', '    brief: 观摩报名审核  #'],
    [
      '  - theme:\n    month:\n    form:\n    brief:\n',
      '  - theme: 课后服务座谈\n    month: 9\n    form: 座谈交流\n    brief: 与家长座谈\n',
    ],
  ],
};

/** Folders made empty before the steps run (zwgk writes a named output file only into a folder that exists). */
export const OUTPUT_FOLDERS = ['out', 'forms'] as const;

/** The scenario, in the order it runs: later steps read what earlier ones wrote. */
export const STEPS: readonly Step[] = [
  { name: 'help', args: ['--help'], exit: 0 },
  { name: 'version', args: ['--version'], exit: 0 },
  { name: 'validate', args: ['validate', 'catalogs'], exit: 0 },
  { name: 'validate-json', args: ['validate', 'catalogs', '-f', 'json'], exit: 0 },
  { name: 'validate-finding', args: ['validate', 'bad'], exit: 1 },
  {
    name: 'validate-finding-json',
    args: ['validate', 'bad', '-f', 'json', '-o', 'out/findings.json'],
    exit: 1,
    produces: ['out/findings.json'],
  },
  {
    name: 'render-xlsx',
    args: ['render', 'catalogs/yiwu-jiaoyu.yaml', '-f', 'xlsx', '-o', 'out/yiwu-jiaoyu.xlsx'],
    exit: 0,
    produces: ['out/yiwu-jiaoyu.xlsx'],
  },
  {
    name: 'render-html',
    args: ['render', 'catalogs/yiwu-jiaoyu.yaml', '-f', 'html', '-o', 'out/yiwu-jiaoyu.html'],
    exit: 0,
    produces: ['out/yiwu-jiaoyu.html'],
  },
  {
    name: 'render-site',
    args: ['render', 'catalogs', '-f', 'html', '-o', 'out/site'],
    exit: 0,
    produces: ['out/site'],
  },
  { name: 'render-refused', args: ['render', 'bad', '-o', 'out/bad.xlsx'], exit: 1 },
  {
    name: 'import-html',
    args: ['import', 'tables/tonghai-jiulong-yiwujiaoyu.html', '-o', 'imported/html'],
    exit: 0,
    produces: ['imported/html'],
  },
  {
    name: 'import-xlsx',
    args: ['import', 'tables/fengqing-yanglaofuwu.xlsx', '-o', 'imported/xlsx', '-f', 'json'],
    exit: 0,
    produces: ['imported/xlsx'],
  },
  {
    name: 'import-rendered',
    args: ['import', 'out/yiwu-jiaoyu.xlsx', '-o', 'imported/rendered'],
    exit: 0,
    produces: ['imported/rendered'],
  },
  { name: 'diff', args: ['diff', 'catalogs/yiwu-jiaoyu.yaml', 'v2/yiwu-jiaoyu.yaml'], exit: 0 },
  { name: 'diff-json', args: ['diff', 'catalogs/yiwu-jiaoyu.yaml', 'v2/yiwu-jiaoyu.yaml', '-f', 'json'], exit: 0 },
  { name: 'diff-fail-on', args: ['diff', 'catalogs', 'v2', '--fail-on', 'reduces'], exit: 1 },
  {
    name: 'diff-html',
    args: ['diff', 'catalogs/yiwu-jiaoyu.yaml', 'v2/yiwu-jiaoyu.yaml', '-f', 'html', '-o', 'out/diff.html'],
    exit: 0,
    produces: ['out/diff.html'],
  },
  {
    name: 'diff-xlsx',
    args: ['diff', 'catalogs/yiwu-jiaoyu.yaml', 'v2/yiwu-jiaoyu.yaml', '-f', 'xlsx', '-o', 'out/diff.xlsx'],
    exit: 0,
    produces: ['out/diff.xlsx'],
  },
  {
    name: 'form-new',
    args: [
      'form',
      'new',
      'theme-day',
      ...YEAR,
      '--area',
      '青禾区',
      '--unit',
      '青禾区卫生健康局',
      '-o',
      'forms/sub.yaml',
    ],
    exit: 0,
    produces: ['forms/sub.yaml'],
  },
  { name: 'form-check-blank', args: ['form', 'check', 'forms/sub.yaml'], exit: 1 },
  { name: 'form-check', args: ['form', 'check', 'forms/sub.yaml'], exit: 0, before: FILL_THEME_DAY },
  {
    name: 'form-render-xlsx',
    args: ['form', 'render', 'forms/sub.yaml', '-f', 'xlsx', '-o', 'out/sub.xlsx'],
    exit: 0,
    produces: ['out/sub.xlsx'],
  },
  {
    name: 'form-render-html',
    args: ['form', 'render', 'forms/sub.yaml', '-f', 'html', '-o', 'out/sub.html'],
    exit: 0,
    produces: ['out/sub.html'],
  },
  {
    name: 'form-new-xlsx',
    args: ['form', 'new', 'open-day', '--year', '2025', '--area', '青禾区', '-o', 'out/blank.xlsx'],
    exit: 0,
    produces: ['out/blank.xlsx'],
  },
  { name: 'form-check-examples', args: ['form', 'check', 'catalogs/forms'], exit: 0 },
  {
    name: 'form-plan',
    args: ['form', 'plan', 'catalogs/forms/zhutiri-jiaoyu-2024.yaml', 'forms/sub.yaml', '-o', 'out/plan.html'],
    exit: 0,
    produces: ['out/plan.html'],
  },
];

/** The bad catalog: a default 公开方式 that is neither 主动 nor 依申请 (schema/enum at 21:11 of yiwu-jiaoyu.yaml today). */
const BAD: Edit = { file: 'catalogs/yiwu-jiaoyu.yaml', replace: [['\n  method: 主动\n', '\n  method: 随时\n']] };

/** The next version of yiwu-jiaoyu.yaml: a shorter time limit everywhere (extends) and one item dropped (reduces). */
const NEXT_VERSION: Edit = {
  file: 'catalogs/yiwu-jiaoyu.yaml',
  replace: [
    ['time_limit: 信息形成或者变更之日起20个工作日内', 'time_limit: 信息形成或者变更之日起10个工作日内'],
    [
      '      - name: 政策解读\n        content: 对本级义务教育政策文件的文字解读、图表解读和问答\n        time_limit: 与政策文件同步发布，最迟不超过文件公开后3个工作日\n',
      '',
    ],
  ],
};

function applyEdit(text: string, edit: Edit): string {
  let out = text;
  for (const [from, to] of edit.replace) {
    if (!out.includes(from))
      throw new Error(`scenario edit of ${edit.file}: ${JSON.stringify(from)} is not in the file (has it changed?)`);
    out = out.replace(from, to);
  }
  return out;
}

let inputs: Promise<Map<string, Buffer>> | undefined;

/** The scenario's input files by relative path, built once per process so that every working folder gets the same bytes. */
export function scenarioInputs(): Promise<Map<string, Buffer>> {
  inputs ??= (async () => {
    const files = new Map<string, Buffer>();
    const catalogs = join(ROOT, 'catalogs');
    for (const entry of readdirSync(catalogs, { recursive: true, encoding: 'utf8' }).sort()) {
      if (statSync(join(catalogs, entry)).isFile())
        files.set(`catalogs/${entry.split('\\').join('/')}`, readFileSync(join(catalogs, entry)));
    }
    const yiwu = files.get(BAD.file)!.toString('utf8');
    files.set('bad/yiwu-jiaoyu.yaml', Buffer.from(applyEdit(yiwu, BAD)));
    files.set('v2/yiwu-jiaoyu.yaml', Buffer.from(applyEdit(yiwu, NEXT_VERSION)));
    // Real tables transcribed from government pages, laid out as the page and the workbook showed them.
    files.set(
      'tables/tonghai-jiulong-yiwujiaoyu.html',
      Buffer.from(samplesHtmlPage([loadCatalogSample('tonghai-jiulong-yiwujiaoyu')])),
    );
    files.set('tables/fengqing-yanglaofuwu.xlsx', await sampleXlsx(loadCatalogSample('fengqing-yanglaofuwu')));
    return files;
  })();
  return inputs;
}

/** Empty `dir` (created if missing) and lay out the scenario's inputs in it. */
export async function prepareWorkspace(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  // The folders the steps write into, made as a user would before running them.
  for (const folder of OUTPUT_FOLDERS) mkdirSync(join(dir, folder), { recursive: true });
  for (const [name, content] of await scenarioInputs()) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

/** The environment a step runs in: no colour, not in GitHub Actions (which changes validate's format), no zwgk tuning. */
export function scenarioEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const dropped = new Set(['FORCE_COLOR', 'GITHUB_ACTIONS', 'ZWGK_DEBUG', 'ZWGK_WORKERS']);
  return Object.fromEntries(Object.entries({ ...base, NO_COLOR: '1', TZ: 'UTC' }).filter(([key]) => !dropped.has(key)));
}

/** Run a command to its end, capturing its output as text. */
export function run(
  command: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = scenarioEnv(),
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        exitCode: code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

function readProduced(dir: string, name: string, into: Map<string, Buffer>): void {
  const path = join(dir, name);
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) readProduced(dir, `${name}/${entry}`, into);
  } else {
    into.set(name, readFileSync(path));
  }
}

/**
 * Lay out the inputs in `dir` (emptied first) and run every step there with `command` (e.g.
 * `['node', '/abs/zwgk.mjs']`), in order. Exit codes are returned, not checked: compare them with
 * each step's `exit`. Use the same `dir` path for two builds that should print the same bytes.
 */
export async function runScenario(
  command: readonly string[],
  dir: string,
  options: { env?: NodeJS.ProcessEnv; steps?: readonly Step[] } = {},
): Promise<StepResult[]> {
  await prepareWorkspace(dir);
  const results: StepResult[] = [];
  for (const step of options.steps ?? STEPS) {
    if (step.before) {
      const file = join(dir, step.before.file);
      try {
        writeFileSync(file, applyEdit(readFileSync(file, 'utf8'), step.before));
      } catch (error) {
        // The step is reported as not run (exit code null), never left out.
        results.push({
          name: step.name,
          exitCode: null,
          stdout: '',
          stderr: `not run: ${(error as Error).message}`,
          files: new Map(),
        });
        continue;
      }
    }
    const r = await run([...command, ...step.args], dir, options.env ?? scenarioEnv());
    const files = new Map<string, Buffer>();
    for (const name of step.produces ?? []) readProduced(dir, name, files);
    results.push({ name: step.name, ...r, files });
  }
  return results;
}

/** Results in a form that compares readably (`toEqual` shows which step and stream differ): produced files by SHA-256. */
export function summarize(results: readonly StepResult[]) {
  return results.map((r) => ({
    name: r.name,
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    files: Object.fromEntries(
      [...r.files].map(([name, content]) => [name, createHash('sha256').update(content).digest('hex')]),
    ),
  }));
}
