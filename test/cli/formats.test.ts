import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { readJson, readJsonReport, readSarif } from '../_helpers/json.js';

const ROOT = join(import.meta.dirname, '../..');
// The published SARIF schema is draft-04, which needs ajv's draft-04 build.
const Ajv4 = createRequire(import.meta.url)('ajv-draft-04') as typeof import('ajv-draft-04').default;
const CATALOG = readFileSync(join(ROOT, 'catalogs/anquan-shengchan.yaml'), 'utf8');
const CLEAN = readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8');
// One error (a 公开方式 outside the enum) and one warning (an alias channel), in a folder and file name with
// characters a URI must encode.
const BAD = CATALOG.replace('  method: 主动\n', '  method: 主动公开\n').replace(
  'channels: [政府网站, 两微一端, 公开查阅点]',
  'channels: [政府网站, 一微一端, 公开查阅点]',
);
let t: { dir: string; cleanup: () => void };
beforeAll(() => {
  t = tempDir({ '目录 甲/安全生产.yaml': BAD, 'ok.yaml': CLEAN });
});
afterAll(() => t.cleanup());

const run = (...args: string[]) => zwgk(['validate', '目录 甲', 'ok.yaml', ...args], t.dir);

describe('validate output formats (built CLI)', () => {
  it('writes several formats in one run, each -o taking the -f before it', () => {
    const r = run(
      '-f',
      'github',
      '-f',
      'sarif',
      '-o',
      'z.sarif',
      '-f',
      'junit',
      '-o',
      'z.xml',
      '-f',
      'markdown',
      '-o',
      'summary.md',
      '-f',
      'json',
      '-o',
      'z.json',
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error file=目录 甲\/安全生产\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=zwgk schema/m,
    );
    for (const f of ['z.sarif', 'z.xml', 'summary.md', 'z.json']) expect(existsSync(join(t.dir, f)), f).toBe(true);
    const json = readJsonReport(join(t.dir, 'z.json'));
    expect(json.summary).toMatchObject({ files: 2, errors: 1, warnings: 1 });
  });

  it('chooses github annotations by itself under GitHub Actions', () => {
    const r = zwgk(['validate', '目录 甲'], t.dir, undefined, { GITHUB_ACTIONS: 'true' });
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('::'))
        .map((l) => l.slice(0, l.indexOf(' ')))
        .sort(),
    ).toEqual(['::error', '::notice', '::warning']);
  });

  it('escapes workflow-command data: a message with % and line breaks stays one annotation', () => {
    const r = zwgk(['validate', '目录 甲', '-f', 'github'], t.dir);
    for (const line of r.stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) /);
    expect(r.stdout).toContain('%0A'); // message and hint on two lines, encoded
  });

  it('writes SARIF 2.1.0 that its published schema accepts, with rule metadata', () => {
    run('-f', 'sarif', '-o', 'z.sarif');
    const log = readSarif(join(t.dir, 'z.sarif'));
    const schema = readJson(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json')) as object;
    const validate = new Ajv4({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(
      schema,
    );
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.map((r) => `${r.ruleId}/${r.level}`).sort()).toEqual(['channel-known/warning', 'schema/enum/error']);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      '%E7%9B%AE%E5%BD%95%20%E7%94%B2/%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7.yaml',
    );
    const rules = log.runs[0]!.tool.driver.rules;
    for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(rules.find((r) => r.id === 'channel-known')!.shortDescription.text).toContain('公开渠道');
    // A broken log must fail the same check.
    Reflect.deleteProperty(results[0]!, 'message');
    expect(validate(log)).toBe(false);
  });

  it('passes Microsoft’s SARIF validator without errors', () => {
    const bin = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
    if (process.platform !== 'linux') return;
    chmodSync(bin, 0o755); // npm does not run the package's own chmod script
    run('-f', 'sarif', '-o', 'z.sarif');
    rmSync(join(t.dir, 'v.sarif'), { force: true });
    const out = execFileSync(bin, ['validate', join(t.dir, 'z.sarif'), '--output', join(t.dir, 'v.sarif')], {
      encoding: 'utf8',
    });
    expect(out).toContain('Analysis completed successfully');
    const findings = readSarif(join(t.dir, 'v.sarif')).runs[0]!.results;
    expect(findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toEqual([]);
  });

  it('names a file given by its absolute path with an absolute file:// URI and no base id, which the validator accepts', () => {
    const bin = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
    // Run elsewhere, so the file is outside the working folder and keeps its absolute name.
    const elsewhere = tempDir({ 'ok.yaml': CLEAN });
    const outside = join(t.dir, '目录 甲/安全生产.yaml');
    const r = zwgk(['validate', outside, 'ok.yaml', '-f', 'sarif', '-o', join(t.dir, 'abs.sarif')], elsewhere.dir);
    elsewhere.cleanup();
    expect(r.status).toBe(1);
    const log = readSarif(join(t.dir, 'abs.sarif'));
    const where = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(where.uriBaseId).toBeUndefined();
    expect(new URL(where.uri).protocol).toBe('file:');
    expect(decodeURIComponent(new URL(where.uri).pathname)).toBe(outside);
    expect(log.runs[0]!.artifacts.map((a) => a.location.uriBaseId)).toEqual([undefined, '%SRCROOT%']);
    if (process.platform !== 'linux') return;
    chmodSync(bin, 0o755);
    rmSync(join(t.dir, 'v2.sarif'), { force: true });
    execFileSync(bin, ['validate', join(t.dir, 'abs.sarif'), '--output', join(t.dir, 'v2.sarif')], {
      encoding: 'utf8',
    });
    const findings = readSarif(join(t.dir, 'v2.sarif')).runs[0]!.results;
    expect(findings.filter((f) => f.level === 'error').map((f) => f.ruleId)).toEqual([]);
  });

  it('writes JUnit XML: a suite per file, a failure per finding, a passing case for a clean file', () => {
    run('-f', 'junit', '-o', 'z.xml');
    const xml = readFileSync(join(t.dir, 'z.xml'), 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="zwgk" tests="3" failures="2" errors="0">/,
    );
    expect(xml).toContain('<testsuite name="ok.yaml" tests="1" failures="0" errors="0">');
    expect(xml.match(/<failure /g)).toHaveLength(2);
    // Well-formed enough for a strict reader: every element closed, no raw & or < in text.
    const tags = [...xml.matchAll(/<(\/?)(testsuites|testsuite|testcase|failure)\b[^>]*?(\/?)>/g)];
    const stack: string[] = [];
    for (const [, close, name, self] of tags) {
      if (self) continue;
      if (close) expect(stack.pop()).toBe(name);
      else stack.push(name!);
    }
    expect(stack).toEqual([]);
    expect(xml.replace(/&(amp|lt|gt|quot);/g, '')).not.toMatch(/&/);
  });

  it('writes a Markdown summary for a pull-request comment', () => {
    run('-f', 'markdown', '-o', 'summary.md');
    const md = readFileSync(join(t.dir, 'summary.md'), 'utf8');
    expect(md).toContain('❌ 检查了 2 个文件：**1** 个错误，**1** 个警告。');
    expect(md).toContain('| 位置 | 级别 | 规则 | 问题 |');
    expect(md).toMatch(/\| \d+:\d+ \| 错误 \| `schema\/enum` \|/);
  });

  it('rejects an unknown format with exit 2', () => {
    const r = run('-f', 'xml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stylish');
  });
});
