// The package as users get it: `npm pack` in the repository, `npm install` of the tarball into an empty
// folder outside it, then the CLI, the library and its types used from that folder only, under this
// machine's Node and under Node 22 and 24 from the registry. Only the public surface is touched: the
// `zwgk` bin, `import … from 'zwgk'`, and package.json.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, runScenario, scenarioEnv, STEPS, summarize, type StepResult } from './scenarios.js';

/** What `npm pack --json` says about one tarball. */
interface PackInfo {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

interface PackageJson {
  name: string;
  bin?: string | Record<string, string>;
  scripts?: Record<string, string>;
  files?: string[];
}

/** The environment of npm, node and tsc run for the consumer: none of the repository's npm settings or tools. */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(scenarioEnv()).filter(([key]) => !/^npm_/i.test(key)));
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((p) => !p.startsWith(ROOT))
    .join(delimiter);
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

function npm(args: readonly string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, env: consumerEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `npm …` with its stdout and stderr together, as a user sees them; throws with both when it fails. */
async function npmSeen(args: readonly string[], cwd: string): Promise<string> {
  const r = await run(['npm', ...args], cwd, consumerEnv());
  const seen = r.stdout + r.stderr;
  if (r.exitCode !== 0) throw new Error(`npm ${args.join(' ')} exited ${r.exitCode}:\n${seen}`);
  return seen;
}

const kB = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.round(n / 1e3)} kB`);

// The consumer folder layout: <tmp>/pack (the tarball), <tmp>/app (npm init -y; npm install <tgz>), <tmp>/app/work (the scenario).
let tmp = '';
let packDir = '';
let app = '';
let work = '';
let pack: PackInfo;
let installOutput = '';
/** The installed bin as `node <file>`, the file found through the installed package.json's `bin`. */
let binFile = '';
/** Results of the scenario under this machine's Node, to compare other versions with. */
let baseline: StepResult[] | undefined;
let libBaseline: string | undefined;

const LIB_SCRIPT = `import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expandInputs, FORMATTERS, resolveValidateOptions, validateFiles } from 'zwgk';

// The schemas are exported for editors ($schema) and tools.
console.log('schema:', existsSync(fileURLToPath(import.meta.resolve('zwgk/schemas/catalog.schema.json'))));

const options = resolveValidateOptions();
const cwd = process.cwd();
for (const input of ['catalogs', 'bad']) {
  const { files } = await expandInputs([input], { cwd, lang: options.lang });
  const report = await validateFiles(files, options, cwd);
  console.log(\`\${input}: \${report.files.length} files, \${report.diagnostics.length} findings\`);
  for (const d of report.diagnostics) console.log(\`\${d.file}:\${d.range?.start.line}:\${d.range?.start.column} \${d.severity} \${d.code}\`);
  process.stdout.write(FORMATTERS.stylish(report, { lang: 'en', color: false, sources: report.sources }));
}
`;

const TS_CHECK = `import {
  defineConfig,
  expandInputs,
  FORMATTERS,
  RENDERERS,
  resolveValidateOptions,
  validateFiles,
  type Diagnostic,
  type FormatName,
  type RenderFormat,
  type Severity,
  type ValidateOptions,
  type ValidationReport,
  type ZwgkConfig,
} from 'zwgk';

const options: ValidateOptions = resolveValidateOptions({ lang: 'en' });
const { files } = await expandInputs(['catalogs'], { cwd: process.cwd(), lang: options.lang });
const report: ValidationReport = await validateFiles(files, options, process.cwd());
const where = (d: Diagnostic): string => \`\${d.file}:\${d.range?.start.line ?? 0}:\${d.range?.start.column ?? 0}\`;
const failing: Severity[] = ['error'];
const errors: string[] = report.diagnostics.filter((d) => failing.includes(d.severity)).map(where);
const format: FormatName = 'json';
const text: string = FORMATTERS[format](report, { lang: 'en', color: false, sources: report.sources });
const renderFormat: RenderFormat = 'html';
const renderer = await RENDERERS[renderFormat]();
const config: ZwgkConfig = defineConfig({ lang: 'zh', rules: {}, maxWarnings: 0 });
console.log(errors.length, text.length, typeof renderer, config.lang);
`;

const TS_BAD = `import { resolveValidateOptions, validateFiles } from 'zwgk';

// Deliberately wrong: a folder name where a list of files goes, and a report taken for a number.
const count: number = await validateFiles('catalogs', resolveValidateOptions());
console.log(count);
`;

/** Node 22 and 24 from the npm registry (packages node-<platform>-<arch>), cached under the temp folder by major version. */
function registryNode(major: number): string {
  const cache = join(tmpdir(), 'zwgk-install-node', `${process.platform}-${process.arch}-${major}`);
  const node = join(cache, 'bin', 'node');
  if (existsSync(node)) return node;
  const staging = mkdtempSync(join(tmpdir(), 'zwgk-install-node-'));
  try {
    const spec = `node-${process.platform}-${process.arch}@${major}`;
    const [info] = JSON.parse(npm(['pack', spec, '--json', '--pack-destination', staging], staging)) as PackInfo[];
    execFileSync('tar', ['-xzf', join(staging, info!.filename), '-C', staging, 'package/bin/node']);
    mkdirSync(join(cache, '..'), { recursive: true });
    rmSync(cache, { recursive: true, force: true });
    renameSync(join(staging, 'package'), cache);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return node;
}

/**
 * The portable single file as a clerk gets it: dist/zwgk.mjs (built by `npm run build`) copied alone into
 * a folder of its own, with no node_modules anywhere above it.
 */
function portableFile(): string {
  const file = join(tmp, 'portable', 'zwgk.mjs');
  if (!existsSync(file)) {
    mkdirSync(join(tmp, 'portable'));
    copyFileSync(join(ROOT, 'dist/zwgk.mjs'), file);
  }
  return file;
}

/**
 * The one line the two builds write differently, made the same: the schema a new form names for editors,
 * a path to the installed package's copy (node_modules/zwgk/schemas/…) or, from the portable file, which
 * has no schema files beside it, the schema's address (its $id). Checked here, then replaced.
 */
function sameSchemaLine(results: readonly StepResult[], build: 'installed' | 'portable'): StepResult[] {
  const expected =
    build === 'installed'
      ? /^# yaml-language-server: \$schema=(\.\.\/)+node_modules\/zwgk\/schemas\/forms\/theme-day\.schema\.json$/m
      : /^# yaml-language-server: \$schema=https:\/\/zwgk\.github\.io\/schemas\/forms\/theme-day\.schema\.json$/m;
  return results.map((result) => {
    const yaml = result.files.get('forms/sub.yaml');
    if (result.name !== 'form-new' || !yaml) return result;
    expect(yaml.toString('utf8'), `${build}: the schema line of a new form`).toMatch(expected);
    const files = new Map(result.files);
    files.set(
      'forms/sub.yaml',
      Buffer.from(yaml.toString('utf8').replace(expected, '# yaml-language-server: $schema=…')),
    );
    return { ...result, files };
  });
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'zwgk-install-'));
  packDir = join(tmp, 'pack');
  app = join(tmp, 'app');
  work = join(app, 'work');
  mkdirSync(packDir);
  mkdirSync(app);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the package as users get it', () => {
  it('packs only what users need: no source maps, sources, tests or benchmarks; a LICENSE and README', () => {
    const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], {
      cwd: ROOT,
      env: consumerEnv(),
      encoding: 'utf8',
    });
    pack = (JSON.parse(out) as PackInfo[])[0]!;
    console.log(`package: ${kB(pack.size)} packed, ${kB(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
    const files = pack.files.map((f) => f.path);
    expect(existsSync(join(packDir, pack.filename))).toBe(true);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|catalogs)\//.test(f))).toEqual([]);
    const required = ['LICENSE', 'README.md', 'package.json'];
    expect(
      required.filter((f) => files.includes(f)),
      'files at the package root',
    ).toEqual(required);
    // Everything else comes from the folders package.json's `files` names.
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
    const listed = (pkg.files ?? []).map((f) => f.replace(/\/$/, ''));
    const outside = files.filter(
      (f) =>
        !['package.json', 'README.md', 'LICENSE'].includes(f) && !listed.some((l) => f === l || f.startsWith(`${l}/`)),
    );
    expect(outside).toEqual([]);
  });

  it('has no install scripts: the packed package.json runs nothing when installed', () => {
    const pkg = JSON.parse(
      execFileSync('tar', ['-xzOf', join(packDir, pack.filename), 'package/package.json'], { encoding: 'utf8' }),
    ) as PackageJson;
    expect(pkg.name).toBe('zwgk');
    const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => pkg.scripts?.[s] !== undefined);
    expect(lifecycle, 'scripts npm would run when the package is installed').toEqual([]);
  });

  it('installs into an empty folder with npm, with no build step', async () => {
    await npmSeen(['init', '-y'], app);
    installOutput = await npmSeen(['install', join(packDir, pack.filename)], app);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules/zwgk/package.json'), 'utf8')) as PackageJson;
    const bin = typeof installed.bin === 'string' ? installed.bin : installed.bin?.zwgk;
    expect(bin, 'package.json bin.zwgk').toBeTruthy();
    binFile = join(app, 'node_modules/zwgk', bin!);
    expect(existsSync(binFile)).toBe(true);
    expect(existsSync(join(app, 'node_modules/.bin/zwgk'))).toBe(true);
    expect(installOutput).toMatch(/added \d+ packages?/);
    // The workbench page comes with it, the very page the build made.
    expect(readFileSync(join(app, 'node_modules/zwgk/dist/zwgk-workbench.html'))).toEqual(
      readFileSync(join(ROOT, 'dist/zwgk-workbench.html')),
    );
  });

  it('installs without npm warning of install scripts', () => {
    expect(installOutput).toMatch(/added \d+ packages?/);
    expect(installOutput).not.toMatch(/install-scripts|install script/i);
    expect(installOutput).not.toMatch(/\bzwgk@\S*\s+\((preinstall|install|postinstall|prepare):/);
  });

  it('npx zwgk --help runs and lists the commands', async () => {
    const r = await run(['npx', '--no-install', 'zwgk', '--help'], app, consumerEnv());
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    for (const command of ['validate', 'fix', 'render', 'diff', 'import', 'form', 'init', 'schema', 'rules']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('runs the smoke scenario from the consumer folder: validate, render, import, diff, form', async () => {
    expect(binFile, 'the package was installed').not.toBe('');
    const started = Date.now();
    const results = await runScenario([process.execPath, binFile], work, { env: consumerEnv() });
    console.log(
      `scenario under Node ${process.version}: ${results.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    baseline = results;
    const step = (name: string) => results.find((r) => r.name === name)!;
    const text = (name: string, file: string) => step(name).files.get(file)?.toString('utf8') ?? '';

    // Every step exits as it should; all mismatches at once, with what the step printed.
    const wrong = results
      .map((r, i) => ({
        name: r.name,
        want: STEPS[i]!.exit,
        got: r.exitCode,
        output: (r.stdout + r.stderr).slice(0, 600),
      }))
      .filter((r) => r.want !== r.got);
    expect(wrong).toEqual([]);
    // No runtime warnings (deprecations, experimental features) reach users.
    expect(results.filter((r) => /Warning:/.test(r.stderr)).map((r) => `${r.name}: ${r.stderr}`)).toEqual([]);

    expect(step('help').stdout).toMatch(/^\s+validate\b/m);
    expect(step('version').stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    const clean = /检查了 (\d+) 个文件，没有发现问题/.exec(step('validate').stdout + step('validate').stderr);
    expect(clean, step('validate').stdout + step('validate').stderr).not.toBeNull();
    const json = JSON.parse(step('validate-json').stdout) as {
      summary: { files: number; errors: number; warnings: number };
    };
    expect(json.summary).toMatchObject({ files: Number(clean![1]), errors: 0, warnings: 0 });

    // The finding names the file and the line:column of the wrong value (the bad default 公开方式).
    const badLine =
      readFileSync(join(work, 'bad/yiwu-jiaoyu.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l === '  method: 随时') + 1;
    expect(badLine).toBeGreaterThan(0);
    expect(step('validate-finding').stdout).toMatch(
      new RegExp(`^bad/yiwu-jiaoyu\\.yaml\\n\\s+${badLine}:11\\s+错误\\s.*schema/enum$`, 'm'),
    );
    const findings = JSON.parse(text('validate-finding-json', 'out/findings.json')) as {
      diagnostics: { file: string; code: string; range: { start: { line: number; column: number } } }[];
    };
    expect(
      findings.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.code}`),
    ).toEqual([`bad/yiwu-jiaoyu.yaml:${badLine}:11 schema/enum`]);

    // Rendered files: a workbook is a zip with xl/workbook.xml; the page has the catalog's heading.
    const xlsx = step('render-xlsx').files.get('out/yiwu-jiaoyu.xlsx')!;
    expect(xlsx.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(xlsx.includes('xl/workbook.xml')).toBe(true);
    expect(text('render-html', 'out/yiwu-jiaoyu.html')).toContain(
      '<h1>云岭市青禾区义务教育领域基层政务公开标准目录</h1>',
    );
    expect([...step('render-site').files.keys()].filter((f) => f.endsWith('.html')).length).toBeGreaterThanOrEqual(7);
    expect(existsSync(join(work, 'out/bad.xlsx'))).toBe(false);

    // Imports write YAML catalogs; a rendered workbook reads back.
    for (const name of ['import-html', 'import-xlsx', 'import-rendered']) {
      expect(
        [...step(name).files.keys()].filter((f) => f.endsWith('.yaml')),
        name,
      ).not.toEqual([]);
    }
    expect(JSON.parse(step('import-xlsx').stdout)).toBeTypeOf('object');

    // Diff: a dropped item reduces disclosure, a shorter time limit extends it.
    expect(step('diff').stdout).toContain('[减少公开] 删除 二级事项 政策文件 › 政策解读');
    expect(step('diff').stdout).toContain('[扩大公开]');
    expect(JSON.parse(step('diff-json').stdout)).toMatchObject({ version: 1 });
    expect(text('diff-html', 'out/diff.html')).toContain('政策解读');
    expect(step('diff-xlsx').files.get('out/diff.xlsx')!.includes('xl/workbook.xml')).toBe(true);

    // Forms: the blank form fails its check, filled in it passes, and prints.
    expect(text('form-new', 'forms/sub.yaml')).toContain('kind: form/theme-day');
    expect(step('form-check-blank').stdout).toContain('schema/empty');
    expect(step('form-check').stdout + step('form-check').stderr).toContain('没有发现问题');
    expect(step('form-render-xlsx').files.get('out/sub.xlsx')!.includes('xl/workbook.xml')).toBe(true);
    expect(text('form-render-html', 'out/sub.html')).toContain('招生现场观摩');
    expect(step('form-new-xlsx').files.get('out/blank.xlsx')!.includes('xl/workbook.xml')).toBe(true);
    expect(text('form-plan', 'out/plan.html')).toContain('招生现场观摩');
  });

  it('works as a library: import { validateFiles } from "zwgk" in an ES module', async () => {
    writeFileSync(join(app, 'lib.mjs'), LIB_SCRIPT);
    const r = await run([process.execPath, '../lib.mjs'], work, consumerEnv());
    libBaseline = r.stdout;
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const validated = /检查了 (\d+) 个文件/.exec(baseline?.find((s) => s.name === 'validate')?.stdout ?? '')?.[1];
    expect(validated, 'the number of files zwgk validate checked').toBeDefined();
    expect(r.stdout).toContain('schema: true\n');
    expect(r.stdout).toContain(`catalogs: ${validated} files, 0 findings`);
    expect(r.stdout).toMatch(/^bad: 1 files, 1 findings\nbad\/yiwu-jiaoyu\.yaml:\d+:11 error schema\/enum$/m);
  });

  it('has types a strict TypeScript consumer compiles against (and a type error in its code fails)', async () => {
    await npmSeen(['install', '--save-dev', 'typescript@5.9', '@types/node@20'], app);
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      noEmit: true,
      types: ['node'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.mts'] }, null, 2));
    writeFileSync(join(app, 'tsconfig.bad.json'), JSON.stringify({ compilerOptions, files: ['bad.mts'] }, null, 2));
    writeFileSync(join(app, 'check.mts'), TS_CHECK);
    writeFileSync(join(app, 'bad.mts'), TS_BAD);
    const tsc = join(app, 'node_modules/typescript/bin/tsc');
    const good = await run([process.execPath, tsc, '-p', '.'], app, consumerEnv());
    expect(good.stdout + good.stderr).toBe('');
    expect(good.exitCode).toBe(0);
    const bad = await run([process.execPath, tsc, '-p', 'tsconfig.bad.json'], app, consumerEnv());
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stdout).toMatch(/^bad\.mts\(4,\d+\): error TS2345:/m);
    expect(bad.stdout).not.toContain('node_modules/zwgk');
  });

  it('node zwgk.mjs, the portable file alone in a folder, prints and writes exactly what the installed command does', async () => {
    expect(baseline, 'the scenario of the installed command ran first').toBeDefined();
    const results = await runScenario([process.execPath, portableFile()], work, { env: consumerEnv() });
    expect(summarize(sameSchemaLine(results, 'portable'))).toEqual(summarize(sameSchemaLine(baseline!, 'installed')));
  });

  describe.each([22, 24])('under Node %i (from the npm registry)', (major) => {
    it('prints and writes exactly what Node 20 does, for every step of the scenario and the library script', async () => {
      expect(baseline, 'the scenario under this machine’s Node ran first').toBeDefined();
      expect(libBaseline, 'the library script under this machine’s Node ran first').toBeDefined();
      const node = registryNode(major);
      const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
      expect(version).toMatch(new RegExp(`^v${major}\\.`));
      const started = Date.now();
      const results = await runScenario([node, binFile], work, { env: consumerEnv() });
      console.log(
        `scenario under Node ${version}: ${results.length} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(summarize(results)).toEqual(summarize(baseline!));
      const lib = await run([node, '../lib.mjs'], work, consumerEnv());
      expect(lib.stderr).toBe('');
      expect(lib.stdout).toBe(libBaseline);
      const portable = await runScenario([node, portableFile()], work, { env: consumerEnv() });
      expect(summarize(sameSchemaLine(portable, 'portable'))).toEqual(
        summarize(sameSchemaLine(baseline!, 'installed')),
      );
    });
  });
});
