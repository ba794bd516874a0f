import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown } from '../src/cli/commands/rules.js';

const README = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

function section(lang: string): string {
  const start = `<!-- rules:${lang}:start -->\n`;
  const end = `<!-- rules:${lang}:end -->`;
  return README.slice(README.indexOf(start) + start.length, README.indexOf(end));
}

describe('README', () => {
  it.each(['zh', 'en'] as const)(
    'lists the rules exactly as `zwgk rules --format markdown --lang %s` prints them',
    (lang) => {
      expect(section(lang)).toBe(rulesMarkdown(lang));
    },
  );

  it('gives the two set-up commands, and .ci/run runs the test one', () => {
    expect(README).toContain('npm ci && npx zwgk validate catalogs');
    expect(README).toContain('npm ci && npm test');
    expect(readFileSync(join(import.meta.dirname, '../.ci/run'), 'utf8')).toContain('npm ci && npm test');
  });
});
