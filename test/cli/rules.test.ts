import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_CODES, FORM_RULE_IDS, LINT_RULE_IDS } from '../../src/diagnostics.js';
import { PLAN_CHECKS } from '../../src/forms/plan/check-plan.js';
import { FORM_RULES } from '../../src/forms/rules/registry.js';
import { RULES } from '../../src/lint/registry.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseSarif } from '../_helpers/json.js';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('zwgk rules and the rules SARIF describes (built CLI)', () => {
  it('lists every rule a run can report, catalog and form rules, with a documentation link', () => {
    const t = tempDir();
    try {
      const rows = JSON.parse(zwgk(['rules', '-f', 'json'], t.dir).stdout) as {
        id: string;
        scope: string;
        docs: string;
      }[];
      expect(rows.map((r) => r.id)).toEqual([
        ...RULES.map((r) => r.id),
        ...FORM_RULES.map((r) => r.id),
        ...PLAN_CHECKS.map((c) => c.id),
        'form-profile',
      ]);
      // Every code a form or plan finding can carry is described, so SARIF gives each its rule.
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set([...LINT_RULE_IDS, ...FORM_RULE_IDS, ...FORM_CODES]));
      expect(rows.filter((r) => r.scope === 'form').map((r) => r.id)).toContain('form-phone');
      expect(zwgk(['rules'], t.dir).stdout).toContain('form-theme-repeated');
      // The link leads to the README's rule section, in the language asked for.
      expect(decodeURI(rows[0]!.docs)).toMatch(/#检查规则$/);
      expect(README).toContain('## 检查规则');
      const en = JSON.parse(zwgk(['rules', '-f', 'json', '--lang', 'en'], t.dir).stdout) as { docs: string }[];
      expect(en[0]!.docs).toMatch(/#rules$/);
      expect(README).toContain('### Rules');
    } finally {
      t.cleanup();
    }
  });

  it('SARIF rules carry their helpUri, form rules included', () => {
    const t = tempDir({ 'a.yaml': 'domain: x\n' });
    try {
      const rules = parseSarif(zwgk(['validate', 'a.yaml', '-f', 'sarif'], t.dir).stdout).runs[0]!.tool.driver.rules;
      expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['code-unique', 'form-phone', 'schema/enum']));
      for (const r of rules) expect(() => new URL(r.helpUri!), r.id).not.toThrow();
    } finally {
      t.cleanup();
    }
  });
});
