import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, describe, expect, it } from 'vitest';

// The portable single file (dist/zwgk.mjs, built by `npm run build`; `npm test` builds first).
const ROOT = join(import.meta.dirname, '../..');
const BUILT = join(ROOT, 'dist/zwgk.mjs');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the portable file', () => {
  const away = mkdtempSync(join(tmpdir(), 'zwgk-portable-'));
  afterAll(() => rmSync(away, { recursive: true, force: true }));

  it('runs with Node alone, away from any node_modules, and is small enough to e-mail', () => {
    const file = join(away, 'zwgk.mjs');
    copyFileSync(BUILT, file);
    expect(execFileSync(process.execPath, [file, '--version'], { cwd: away, encoding: 'utf8' }).trim()).toBe(VERSION);
    const report = execFileSync(process.execPath, [file, 'validate', join(ROOT, 'catalogs'), '-f', 'json'], {
      cwd: away,
      encoding: 'utf8',
    });
    expect((JSON.parse(report) as { summary: { files: number } }).summary.files).toBeGreaterThanOrEqual(9);
    const size = statSync(BUILT).size;
    console.log(`zwgk.mjs: ${(size / 1e6).toFixed(2)} MB`);
    expect(size).toBeLessThan(4_000_000);
  });

  it('is built the same, byte for byte, from the same sources', async () => {
    const { portableBuild } = (await import(join(ROOT, 'rolldown.config.mjs'))) as {
      portableBuild: { output: object } & Record<string, unknown>;
    };
    const { output, ...input } = portableBuild;
    const bundle = await rolldown(input);
    await bundle.write({ ...output, file: join(away, 'again.mjs') });
    await bundle.close();
    expect(readFileSync(join(away, 'again.mjs')).equals(readFileSync(BUILT))).toBe(true);
  });

  it('is committed as bin/zwgk.mjs, for the pre-commit hooks, built from this version', () => {
    const head = readFileSync(join(ROOT, 'bin/zwgk.mjs'), 'utf8').slice(0, 300).split('\n');
    expect(head[0]).toBe('#!/usr/bin/env node');
    expect(head[1]).toMatch(new RegExp(`^// zwgk ${VERSION.replaceAll('.', '\\.')} `));
  });
});
