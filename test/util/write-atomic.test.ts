import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  removeStaleTemps,
  writeFileAtomic,
  writeFileAtomicSync,
  WriteRefusedError,
} from '../../src/util/write-atomic.js';
import { zwgk } from '../_helpers/cli.js';
import { parseJson } from '../_helpers/json.js';

/** A process id that no process has: above the kernel's largest. */
const DEAD_PID = 4194305;

const refusal = async (run: () => Promise<unknown>): Promise<string | undefined> => {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error instanceof WriteRefusedError ? error.code : `other ${(error as NodeJS.ErrnoException).code}`;
  }
};

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zwgk-write-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces a regular file keeping its mode and owner, and leaves no temporary file', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    chownSync(file, 1234, 2345);
    await writeFileAtomic(file, 'new');
    const st = statSync(file);
    expect([readFileSync(file, 'utf8'), st.mode & 0o7777, st.uid, st.gid]).toEqual(['new', 0o600, 1234, 2345]);
    writeFileAtomicSync(file, 'newer');
    expect(statSync(file).mode & 0o7777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('writes through a symbolic link to the file it names, also one that does not exist yet', async () => {
    writeFileSync(join(dir, 'target.json'), 'old');
    symlinkSync('target.json', join(dir, 'link.json'));
    symlinkSync('sub/new.json', join(dir, 'dangling.json'));
    mkdirSync(join(dir, 'sub'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    await writeFileAtomic(join(dir, 'dangling.json'), 'made');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('target.json');
    expect(readFileSync(join(dir, 'target.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'sub/new.json'), 'utf8')).toBe('made');
  });

  it('refuses a folder, a read-only file and a hard-linked file, leaving them as they were', async () => {
    const ro = join(dir, 'ro.yaml');
    writeFileSync(ro, 'keep');
    chmodSync(ro, 0o444);
    const linked = join(dir, 'one.yaml');
    writeFileSync(linked, 'keep');
    linkSync(linked, join(dir, 'two.yaml'));
    expect(await refusal(() => writeFileAtomic(dir, 'x'))).toBe('EISDIR');
    expect(await refusal(() => writeFileAtomic(ro, 'x'))).toBe('EREADONLY');
    expect(await refusal(() => writeFileAtomic(linked, 'x'))).toBe('EHARDLINK');
    expect(() => writeFileAtomicSync(ro, 'x')).toThrow(WriteRefusedError);
    expect([readFileSync(ro, 'utf8'), readFileSync(join(dir, 'two.yaml'), 'utf8'), statSync(linked).ino]).toEqual([
      'keep',
      'keep',
      statSync(join(dir, 'two.yaml')).ino,
    ]);
    expect(readdirSync(dir).sort()).toEqual(['one.yaml', 'ro.yaml', 'two.yaml']);
  });

  it('does not replace a file that changed after it was read', async () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'as read');
    const read = readFileSync(file);
    writeFileSync(file, 'saved meanwhile');
    expect(await refusal(() => writeFileAtomic(file, 'fixed', { expect: read }))).toBe('ECHANGED');
    expect(readFileSync(file, 'utf8')).toBe('saved meanwhile');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    await writeFileAtomic(file, 'fixed', { expect: readFileSync(file) });
    expect(readFileSync(file, 'utf8')).toBe('fixed');
  });

  it('writes into a FIFO and a character device instead of replacing them', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const [received] = await Promise.all([readFile(fifo, 'utf8'), writeFileAtomic(fifo, 'streamed')]);
    expect(received).toBe('streamed');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // A null device of its own (root may make one), so the test does not lean on the machine's /dev/null.
    const device = join(dir, 'null');
    expect(spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status).toBe(0);
    await writeFileAtomic(device, 'gone');
    writeFileAtomicSync(device, 'gone');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['null', 'pipe']);
  });

  it('removes the temporary files of processes that no longer run, and only those', async () => {
    const file = join(dir, 'out.json');
    const stale = [`.out.json.zwgk-${DEAD_PID}-abc123.tmp`, `.out.json.${DEAD_PID}.1733500000000.tmp`];
    const kept = [`.out.json.zwgk-${process.pid}-abc123.tmp`, '.other.json.zwgk-4194305-abc123.tmp'];
    for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), 'half');
    removeStaleTemps(file);
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
    await writeFileAtomic(file, 'x');
    expect(readdirSync(dir).sort()).toEqual([...kept, 'out.json'].sort());
  });

  it('writes a file whose name is 250 bytes long, both ways, leaving no temporary file', async () => {
    const name = `${'目录'.repeat(41)}.yml`;
    expect(Buffer.byteLength(name)).toBe(250);
    const file = join(dir, name);
    await writeFileAtomic(file, 'a');
    writeFileAtomicSync(file, 'b');
    expect(readFileSync(file, 'utf8')).toBe('b');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('removes the temporary file a killed process left for a 250-byte name at the next write', async () => {
    const name = 'x'.repeat(250);
    const file = join(dir, name);
    const script = `import { writeFileAtomic } from ${JSON.stringify(join(import.meta.dirname, '../../build/util/write-atomic.js'))};
      const data = 'x'.repeat(16 * 1024 * 1024);
      for (let i = 0; ; i++) { if (i === 1) process.stdout.write('writing\\n'); await writeFileAtomic(${JSON.stringify(file)}, data); }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => child.on('exit', done));
    await Promise.race([new Promise<void>((ready) => child.stdout.once('data', () => ready())), exited]);
    // Stopped while a temporary file is there (it is most of the time), then killed: nothing removes it.
    let temps: string[] = [];
    for (let tries = 0; tries < 1000 && temps.length === 0; tries++) {
      child.kill('SIGSTOP');
      temps = readdirSync(dir).filter((n) => n !== name);
      if (temps.length === 0) {
        // Caught between two writes: let it go on to the next one.
        child.kill('SIGCONT');
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    child.kill('SIGKILL');
    await exited;
    expect(temps).toHaveLength(1);
    expect(Buffer.byteLength(temps[0]!)).toBeLessThanOrEqual(255);
    expect(temps[0]!.startsWith('.xxx')).toBe(true);
    await writeFileAtomic(file, 'done');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('leaves no temporary file when the process is stopped by SIGTERM while writing', async () => {
    const file = join(dir, 'big.txt');
    const script = `import { writeFileAtomic } from ${JSON.stringify(join(import.meta.dirname, '../../build/util/write-atomic.js'))};
      const data = 'x'.repeat(16 * 1024 * 1024);
      for (let i = 0; ; i++) { if (i === 1) process.stdout.write('writing\\n'); await writeFileAtomic(${JSON.stringify(file)}, data); }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
    child.kill('SIGTERM');
    const signal = await new Promise((done) => child.on('exit', (_code, sig) => done(sig)));
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual(['big.txt']);
    expect(statSync(file).size).toBe(16 * 1024 * 1024);
  });
});

describe('-o of every command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zwgk-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('-o /dev/stdout writes to standard output', () => {
    const r = zwgk(['schema', '-o', '/dev/stdout'], dir);
    expect(r.status).toBe(0);
    expect((parseJson(r.stdout) as { title: unknown }).title).toBeTruthy();
  });

  it('-o /dev/full fails with exit 2 and leaves the device in place', () => {
    const r = zwgk(['schema', '-o', '/dev/full'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写入 /dev/full（ENOSPC）：磁盘空间已满或超出配额。');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('render (a page or a workbook) and form new say a full disk as -o of validate does', () => {
    const catalog = join(import.meta.dirname, '../../catalogs/huji-guanli.yaml');
    const full = '无法写入 /dev/full（ENOSPC）：磁盘空间已满或超出配额。';
    for (const args of [
      ['render', catalog, '-f', 'html', '-o', '/dev/full'],
      ['form', 'new', 'theme-day', '--force', '-o', '/dev/full'],
    ]) {
      const r = zwgk(args, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`zwgk: ${full}\n`);
    }
    const en = zwgk(['render', catalog, '-f', 'xlsx', '-o', '/dev/full', '--lang', 'en'], dir);
    expect(en.stderr).toBe('zwgk: Cannot write /dev/full (ENOSPC): the disk is full or over quota.\n');
  });

  it('render -o a folder and import --force onto a folder say that it is a folder', () => {
    mkdirSync(join(dir, 'book.xlsx'));
    const catalog = join(import.meta.dirname, '../../catalogs/huji-guanli.yaml');
    let r = zwgk(['render', catalog, '-f', 'xlsx', '-o', 'book.xlsx'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('zwgk: book.xlsx 是一个文件夹，不能作为输出文件。\n');
    writeFileSync(join(dir, 't.csv'), '公开事项,公开内容,公开依据,公开时限,公开主体\n政策文件,内容,依据,及时,县政府\n');
    mkdirSync(join(dir, 'out/目录1.yaml'), { recursive: true });
    writeFileSync(join(dir, 'out/目录1.yaml/keep'), 'x');
    r = zwgk(['import', 't.csv', '-o', 'out', '--force', '--lang', 'en'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `zwgk: ${join('out', '目录1.yaml')} is a folder, not a file to write. No file was written or changed.\n`,
    );
  });

  it('-o a folder is a usage error naming it', () => {
    const r = zwgk(['schema', '-o', '.'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('是一个文件夹，不能作为输出文件。');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('-o a 250-byte name is written by render and form new', () => {
    const catalog = join(import.meta.dirname, '../../catalogs/huji-guanli.yaml');
    const page = `${'户籍管理'.repeat(20)}${'x'.repeat(5)}.html`;
    const form = `${'申报表'.repeat(27)}.yaml`;
    expect([Buffer.byteLength(page), Buffer.byteLength(form)]).toEqual([250, 248]);
    let r = zwgk(['render', catalog, '-f', 'html', '-o', page], dir);
    expect(r.status, r.stderr).toBe(0);
    r = zwgk(['form', 'new', 'theme-day', '-o', form], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([form, page].sort());
  });

  it('-o a FIFO streams into it', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const bin = join(import.meta.dirname, '../../bin/zwgk.js');
    const child = spawn(process.execPath, [bin, 'schema', '-o', fifo], { cwd: dir, stdio: 'ignore' });
    const [text, status] = await Promise.all([readFile(fifo, 'utf8'), new Promise((done) => child.on('exit', done))]);
    expect(status).toBe(0);
    expect((parseJson(text) as { title: unknown }).title).toBeTruthy();
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
