// Command-line arguments shared by bench/run.js and bench/peers.js.

/** Every scale, in the order rows are printed: growing sets, then the other shapes (many small files, one huge file). */
export const ALL_SCALES = ['district', 'city', 'province', 'many', 'huge'];

/**
 * Parse `argv` into `{ scales, scalesGiven, runs, json, ...defaults }`. Every script takes `--scale` (repeatable or
 * comma-separated; `all` for every scale), `--runs N`, `--json` and `--help`; `switches` maps the
 * script's own flags without a value to `[option, value]`, `values` its flags with a value to a setter
 * `(opts, value) => void` (which may call `usage`). `usage(message)` prints and exits.
 */
export function parseBenchArgs(argv, { defaults = {}, scales = ['city'], switches = {}, values = {}, usage }) {
  const opts = { scales: [], runs: undefined, json: false, ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--scale') opts.scales.push(...value().split(','));
    else if (flag === '--runs') {
      opts.runs = Number(value());
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs takes a positive integer');
    } else if (flag === '--json') opts.json = true;
    else if (Object.hasOwn(switches, flag)) opts[switches[flag][0]] = switches[flag][1];
    else if (Object.hasOwn(values, flag)) values[flag](opts, value());
    else if (flag === '--help' || flag === '-h') usage();
    else usage(`unknown argument ${arg}`);
  }
  opts.scalesGiven = opts.scales.length > 0;
  if (!opts.scalesGiven) opts.scales = [...scales];
  if (opts.scales.includes('all')) opts.scales = [...ALL_SCALES];
  for (const s of opts.scales) if (!ALL_SCALES.includes(s)) usage(`unknown scale "${s}"`);
  opts.scales = ALL_SCALES.filter((s) => opts.scales.includes(s));
  return opts;
}
