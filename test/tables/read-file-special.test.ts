import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTableFile, TableFileError } from '../../src/tables/read-file.js';
import { tempDir } from '../_helpers/cli.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('readTableFile on files that are not regular files', () => {
  // A device (/dev/zero) is tried through the command line (test/cli/hostile-input.test.ts), under a time limit.
  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const made = tempDir();
    cleanup = made.cleanup;
    const fifo = join(made.dir, '目录.xlsx');
    execFileSync('mkfifo', [fifo]);
    const error = await readTableFile(fifo, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableFileError);
    expect((error as TableFileError).problem).toBe('unreadable');
    expect((error as TableFileError).message).toContain('This is a named pipe (FIFO), not a regular file.');
  });
});
