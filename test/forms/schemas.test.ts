import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { resolveProfiles } from '../../src/forms/profiles/resolve-profiles.js';
import { describe, expect, it } from 'vitest';
import { readJsonAsset } from '../../src/assets.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout, type PlanLayout } from '../../src/forms/layout.js';
import { BUILTIN_PROFILES } from '../../src/forms/profiles/builtin.js';
import { FORMS } from '../../src/forms/registry.js';
import { FORM_RULES } from '../../src/forms/rules/registry.js';
import { PLAN_CHECKS } from '../../src/forms/plan/check-plan.js';
import { FORM_IDS, FORM_RULE_IDS, type FormsConfig } from '../../src/forms/types.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { AJV_OPTIONS, SCHEMA_FILES } from '../../src/schema/catalog-schema.js';
import type { SchemaNode } from '../../src/schema/schema-walk.js';
import { EXAMPLES } from './fixtures.js';

const HEADER = ['$schema', 'kind', 'profile', 'year', 'area', 'title', 'unit', 'contact', 'phone', 'date'];

function schemaOf(id: (typeof FORM_IDS)[number]): SchemaNode {
  return readJsonAsset<SchemaNode>(FORMS[id].schema);
}

function rowSchema(id: (typeof FORM_IDS)[number]): SchemaNode {
  const schema = schemaOf(id) as SchemaNode & { $defs: Record<string, SchemaNode> };
  return Object.values(schema.$defs)[0]!;
}

describe('form schemas', () => {
  it('are shipped, precompiled like the others, and compile under the strict options', () => {
    for (const id of FORM_IDS) {
      expect(SCHEMA_FILES).toContain(FORMS[id].schema);
      expect(() => new Ajv2020(AJV_OPTIONS).compile(readJsonAsset(FORMS[id].schema))).not.toThrow();
    }
  });

  it('describe the header fields alike (one contract in two files)', () => {
    const [a, b] = FORM_IDS.map((id) => schemaOf(id).properties!);
    for (const key of HEADER) {
      const strip = (node: SchemaNode | undefined) => ({ ...node, description: undefined });
      if (key === 'kind' || key === 'profile' || key === 'title' || key === 'date') {
        expect(strip(a![key]).title).toBe(strip(b![key]).title);
      } else {
        expect(strip(a![key])).toEqual(strip(b![key]));
      }
    }
  });

  it('declare each form by a const kind, required, with a title in Chinese on every field', () => {
    for (const id of FORM_IDS) {
      const schema = schemaOf(id);
      expect(schema.properties!.kind!.const).toBe(FORMS[id].kind);
      expect(schema.required).toContain('kind');
      expect(Object.keys(schema.properties!)).toEqual([...HEADER, FORMS[id].rowsKey]);
      for (const [key, node] of [...Object.entries(schema.properties!), ...Object.entries(rowSchema(id).properties!)]) {
        expect(node.title, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('list the row keys the registry writes, in its order', () => {
    for (const id of FORM_IDS) expect(Object.keys(rowSchema(id).properties!)).toEqual([...FORMS[id].rowKeys]);
  });

  it('match the layouts: every column is a row field (or 序号), every header field a schema field', async () => {
    for (const id of FORM_IDS) {
      const layout = await loadLayout<FormLayout>(FORMS[id].layout);
      expect(layout.columns.map((c) => c.key)).toEqual(['seq', ...FORMS[id].rowKeys]);
      for (const f of [...layout.header, ...layout.footer].flat())
        expect(schemaOf(id).properties).toHaveProperty(f.key);
      const plan = await loadLayout<PlanLayout>(FORMS[id].planLayout);
      for (const c of plan.columns)
        expect(['seq', 'unit', 'contact', 'phone', 'month', ...FORMS[id].rowKeys]).toContain(c.key);
    }
  });
});

describe('the shipped examples', () => {
  it.each([EXAMPLES.themeDay, EXAMPLES.openDay])('%s passes its rules and points editors at its schema', (file) => {
    const text = readFileSync(file, 'utf8');
    const result = validateSubmission(file, text, resolveSubmissionOptions());
    expect(result.diagnostics).toEqual([]);
    expect(result.wellFormed).toBe(true);
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(schemaLine).toBe(`../../${result.form!.schema}`);
  });
});

describe('profiles and rule ids in the configuration schema', () => {
  const config = readJsonAsset<SchemaNode & { $defs: { formProfile: SchemaNode } }>('schemas/config.schema.json');
  const validate = new Ajv2020(AJV_OPTIONS).compile(config);
  const problems = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  it('accepts every built-in profile as a configured profile', () => {
    for (const [id, profile] of Object.entries(BUILTIN_PROFILES)) {
      expect(validate({ forms: { profiles: { [id]: profile } } }), `${id}: ${problems().join('; ')}`).toBe(true);
    }
  });

  it('accepts a region that extends a profile, and refuses a rule id that does not exist', () => {
    const anhua = {
      extends: 'hunan-2023',
      name: '安化县2024年“政务公开主题日”',
      addActivityForms: ['现场宣传'],
      deadline: '09-15',
      rules: { 'form-deadline': 'error' },
    };
    expect(
      validate({ forms: { profiles: { 'anhua-2024': anhua }, defaultProfiles: { 'theme-day': 'anhua-2024' } } }),
      problems().join('; '),
    ).toBe(true);
    expect(validate({ forms: { profiles: { x: { rules: { 'form-nope': 'off' } } } } })).toBe(false);
    expect(validate({ forms: { profiles: { x: { deadline: '3月31日' } } } })).toBe(false);
  });

  it('names exactly the form and plan rules under rules', () => {
    const keys = Object.keys(config.$defs.formProfile.properties!.rules!.properties!);
    expect(keys).toEqual([...FORM_RULE_IDS]);
    expect([...FORM_RULES.map((r) => r.id), ...PLAN_CHECKS.map((c) => c.id)].sort()).toEqual([...FORM_RULE_IDS].sort());
  });
});

describe('catalogs/forms/README.md', () => {
  it('lists every form and plan rule with its default severity', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../catalogs/forms/README.md'), 'utf8');
    const words = { error: '错误', warning: '警告' };
    for (const rule of FORM_RULES) expect(readme).toContain(`| \`${rule.id}\` | ${words[rule.severity]} |`);
    for (const check of PLAN_CHECKS) expect(readme).toContain(`| \`${check.id}\` | ${words[check.severity]} |`);
  });

  it('shows a configuration that the configuration schema and the profile resolver accept', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../catalogs/forms/README.md'), 'utf8');
    const block = /```yaml\n(forms:[\s\S]*?)```/.exec(readme)![1]!;
    const config = parse(block) as { forms: FormsConfig };
    const validate = new Ajv2020(AJV_OPTIONS).compile(readJsonAsset('schemas/config.schema.json'));
    expect(validate(config)).toBe(true);
    const set = resolveProfiles(config.forms);
    expect(set.defaults['theme-day']).toBe('anhua-2024');
    expect(set.profiles.get('anhua-2024')!.activityForms).toContain('现场宣传');
  });
});
