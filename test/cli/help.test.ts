import { describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

const COMMANDS = [
  '',
  'validate',
  'fix',
  'render',
  'diff',
  'import',
  'form',
  'form new',
  'form check',
  'form render',
  'form import',
  'form plan',
  'init',
  'schema',
  'rules',
  'stats',
];

describe('--help of every command (built CLI)', () => {
  const t = tempDir();
  const help = (command: string) => zwgk([...command.split(' ').filter(Boolean), '--help'], t.dir).stdout;

  it.each(COMMANDS)('%s: names only options it takes, and its exit codes in order', (command) => {
    const text = help(command);
    const at = text.indexOf('退出码 (exit codes):');
    const options = text.slice(text.indexOf('Options:'), at >= 0 ? at : undefined);
    const exitBlock = at >= 0 ? text.slice(at) : '';
    // An option named in the exit codes is one the command takes (render takes no --max-warnings).
    for (const flag of exitBlock.match(/--[a-z-]+/g) ?? []) {
      if (command === '' || command === 'form') continue; // a group's help speaks of its commands' options
      expect(options, `${command} --help names ${flag}`).toContain(flag);
    }
    const codes = [...exitBlock.matchAll(/^ {2}(\d) {2}/gm)].map((m) => Number(m[1]));
    expect(codes, command).toEqual([...codes].sort());
    // One block: nothing else between the first code and the last (diff's --fail-on note came before its 2).
    const lines = exitBlock.split('\n');
    const first = lines.findIndex((l) => /^ {2}\d {2}/.test(l));
    const last = lines.findLastIndex((l) => /^ {2}\d {2}/.test(l));
    for (const line of lines.slice(first, last + 1)) expect(line, command).toMatch(/^( {2}\d {2}| {5}\S)/);
  });

  it('schema refuses --lang en (its descriptions are Chinese)', () => {
    const r = zwgk(['schema', '--lang', 'en'], t.dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Chinese only');
    expect(zwgk(['schema', '--lang', 'zh'], t.dir).status).toBe(0);
    t.cleanup();
  });
});
