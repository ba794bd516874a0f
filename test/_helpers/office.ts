import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `libreoffice`, or `soffice` where only that name is installed. */
export function office(): string {
  for (const name of ['libreoffice', 'soffice']) {
    if (!spawnSync(name, ['--version'], { stdio: 'ignore' }).error) return name;
  }
  throw new Error('LibreOffice is not installed (neither libreoffice nor soffice is on PATH).');
}

/** Run a program and return what it printed; stderr is kept (and shown if it fails): LibreOffice warns about Java on every run. */
export function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', timeout: 100_000, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Convert a workbook to PDF in `outDir` with LibreOffice, using a profile of its own so that a LibreOffice
 * already running (or another test) cannot swallow the job.
 */
export function convertToPdf(file: string, outDir: string): void {
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'zwgk-lo-profile-'))).href;
  run(office(), [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file]);
}

/** Number of pages and the size of the first, in points, as pdfinfo reports them. */
export function pdfPages(file: string): { pages: number; width: number; height: number } {
  const info = run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}
