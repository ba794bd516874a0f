import { afterEach, describe, expect, it, vi } from 'vitest';
import { colors, type Colors } from '../../src/util/colors.js';

/** The codes each style opened and closed with when zwgk coloured with picocolors, recorded from it. */
const CODES: Record<keyof Colors, [string, string]> = {
  bold: ['\u001b[1m', '\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  underline: ['\u001b[4m', '\u001b[24m'],
  red: ['\u001b[31m', '\u001b[39m'],
  green: ['\u001b[32m', '\u001b[39m'],
  yellow: ['\u001b[33m', '\u001b[39m'],
  cyan: ['\u001b[36m', '\u001b[39m'],
};
const STYLES = Object.keys(CODES) as (keyof Colors)[];

afterEach(() => vi.unstubAllEnvs());

describe('colors', () => {
  it('wraps a text in the basic 16-colour codes, the same bytes as before', () => {
    const c = colors(true);
    for (const s of STYLES) {
      const [open, close] = CODES[s];
      expect(c[s]('x')).toBe(`${open}x${close}`);
      expect(c[s]('✖ 共 1 个问题')).toBe(`${open}✖ 共 1 个问题${close}`);
      expect(c[s]('    ')).toBe(`${open}    ${close}`);
    }
  });

  it('still prints the codes around an empty text, as before', () => {
    const c = colors(true);
    for (const s of STYLES) expect(c[s]('')).toBe(CODES[s].join(''));
  });

  it('gives every text back unchanged without colour, the empty one too', () => {
    const c = colors(false);
    for (const s of STYLES) {
      expect(c[s]('x')).toBe('x');
      expect(c[s]('')).toBe('');
    }
  });

  it('is not moved by the environment or the arguments, which only the command line reads', () => {
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', '0');
    vi.stubEnv('TERM', 'dumb');
    const argv = process.argv;
    process.argv = [...argv, '--no-color'];
    try {
      expect(colors(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    } finally {
      process.argv = argv;
    }
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '3');
    expect(colors(false).red('x')).toBe('x');
  });
});
