// Preloaded into benchmarked processes (NODE_OPTIONS=--require …): on exit, write the peak
// resident set size in KiB (process.resourceUsage().maxRSS) to the file named by
// ZWGK_BENCH_RSS_FILE.
'use strict';
const file = process.env.ZWGK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a --require preload is CommonJS
      require('node:fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Nothing to do: the benchmark reports the measurement as missing.
    }
  });
}
