// Timing one process: wall seconds from spawn to exit, and peak RSS reported from inside the child by
// report-rss.cjs. Shared by bench/run.js and bench/peers.js.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const REPORT_RSS = join(HERE, 'report-rss.cjs');
let counter = 0;

/**
 * Run `node <args>` in the project folder with stdout discarded; return `{ seconds, rssMB }`. `okCodes`
 * are the exit codes expected. `args` may be a function, called before each run (outside the timing),
 * for arguments that must be fresh every time. `rssDir` holds the children's RSS reports.
 */
export function measureNode(rssDir, argsOrMake, okCodes = [0]) {
  const args = typeof argsOrMake === 'function' ? argsOrMake() : argsOrMake;
  const rssFile = join(rssDir, `rss-${process.pid}-${++counter}`);
  const env = {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(REPORT_RSS)}`].filter(Boolean).join(' '),
    ZWGK_BENCH_RSS_FILE: rssFile,
  };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (!okCodes.includes(code)) {
        reject(new Error(`node ${args.join(' ')} exited with ${code ?? signal}\n${stderr}`));
        return;
      }
      let rssMB;
      try {
        rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile);
      } catch {
        rssMB = NaN;
      }
      resolve({ seconds, rssMB });
    });
  });
}

/** The median of the numbers that are numbers; NaN when there are none. */
export const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Time commands (`{ args, ok }`) `runs` times each, interleaved, the order reversed on every other run,
 * after one untimed warm-up of each (page cache, disk) unless `warmup` is false. Returns, in the order
 * given, each command's median seconds and RSS with its samples.
 */
export async function alternate(rssDir, label, commands, runs, { log = () => {}, warmup = true } = {}) {
  if (warmup) for (const c of commands) await measureNode(rssDir, c.args, c.ok);
  const samples = commands.map(() => []);
  const indices = commands.map((_, i) => i);
  for (let i = 0; i < runs; i++) {
    log(`${label}: run ${i + 1}/${runs}`);
    const order = i % 2 === 0 ? indices : [...indices].reverse();
    for (const k of order) samples[k].push(await measureNode(rssDir, commands[k].args, commands[k].ok));
  }
  return samples.map((list) => ({
    seconds: median(list.map((s) => s.seconds)),
    rssMB: median(list.map((s) => s.rssMB)),
    samples: list,
  }));
}
