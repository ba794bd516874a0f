import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, type CliResult } from '../_helpers/cli.js';

const BIN = join(import.meta.dirname, '../../bin/zwgk.js');
const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/huji-guanli.yaml'), 'utf8');

/** The built command, stopped after 20 seconds: a reader that waits on a pipe or reads a device without end fails the test instead of hanging it. */
function zwgkWithin(
  args: readonly string[],
  cwd: string,
  stdin: 'pipe' | number = 'pipe',
): CliResult & { timedOut: boolean } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  delete env.GITHUB_ACTIONS;
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 20_000,
    killSignal: 'SIGKILL',
    stdio: [stdin, 'pipe', 'pipe'],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.signal === 'SIGKILL' };
}

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('zwgk on files that are not catalogs at all', () => {
  it('refuses pipes and devices, named or found in a folder, and still checks the other files', () => {
    const made = tempDir({ 'good/a.yaml': CATALOG });
    cleanup = made.cleanup;
    execFileSync('mkfifo', [join(made.dir, 'good', 'pipe.yaml')]);
    execFileSync('mkfifo', [join(made.dir, 'named.yaml')]);
    symlinkSync('/dev/zero', join(made.dir, 'good', 'zero.yaml'));
    symlinkSync('/dev/urandom', join(made.dir, 'random.yaml'));
    for (const command of [['validate'], ['fix', '--dry-run'], ['diff', 'good']]) {
      const r = zwgkWithin([...command, 'named.yaml', 'good', 'random.yaml', '--lang', 'en'], made.dir);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /i);
      const out = r.stdout + r.stderr;
      expect(out).toContain('named.yaml');
      expect(out).toContain('This is a named pipe (FIFO), not a regular file.');
      expect(out).toContain('This is a device (such as /dev/zero), not a regular file.');
    }
    const imported = zwgkWithin(['import', 'random.yaml', '-o', 'out', '--lang', 'en'], made.dir);
    expect([imported.timedOut, imported.status]).toEqual([false, 2]);
    expect(imported.stderr).toContain('This is a device (such as /dev/zero), not a regular file.');
    const validate = zwgkWithin(['validate', 'named.yaml', 'good', 'random.yaml', '--lang', 'en'], made.dir);
    expect(validate.stdout).toContain('good/zero.yaml');
    expect(validate.stdout).toMatch(/in 4 files checked/);
  });

  it('stops an alias bomb and deep nesting with located findings, in validate and diff', () => {
    let anchors = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 9; i++)
      anchors += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const made = tempDir({
      'old/a.yaml': CATALOG,
      'new/a.yaml': CATALOG.replace('items:\n', `${anchors}items:\n`),
      'new/b.yaml': CATALOG.replace('domain: 户籍管理', 'domain: 户籍管理二').replace(
        /\nitems:\n/,
        `\nitems:\n  - name: 深\n    basis:\n      - ${'- '.repeat(1000)}x\n`,
      ),
    });
    cleanup = made.cleanup;
    for (const command of [
      ['validate', 'new'],
      ['diff', 'old', 'new'],
    ]) {
      const r = zwgkWithin([...command, '--lang', 'en'], made.dir);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(
        /new\/a\.yaml\n\s+\d+:\d+\s+error\s+Its aliases \(\*name\) expand to more than 2,000,000 values/,
      );
      expect(r.stdout + r.stderr).toMatch(/new\/b\.yaml\n\s+\d+:\d+\s+error\s+Nested more than 100 levels deep/);
    }
  });

  it('reads standard input up to the size limit, not without end', () => {
    const made = tempDir();
    cleanup = made.cleanup;
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = zwgkWithin(['validate', '-', '--lang', 'en'], made.dir, zero);
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(2);
      expect(r.stdout).toMatch(
        /<stdin>\n\s+error\s+The file is over 32 MB, more than zwgk reads \(32 MB\)\.\s+file\/too-large/,
      );
    } finally {
      closeSync(zero);
    }
  });

  it('prints nothing of the runtime for a key that is a mapping', () => {
    const made = tempDir({ 'a.yaml': CATALOG.replace('domain: 户籍管理', 'domain: 户籍管理\n{a: 1}: x') });
    cleanup = made.cleanup;
    const r = zwgkWithin(['validate', 'a.yaml', '--lang', 'en'], made.dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('schema/unknown-property');
    expect(r.stderr).toBe('');
  });
});
