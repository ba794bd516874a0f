import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  FORM_CODES,
  FORM_RULE_IDS,
  LINT_RULE_IDS,
  SOURCE_CODES,
  type Diagnostic,
  type DiagnosticCode,
} from '../src/diagnostics.js';
import { FORM_RULES } from '../src/forms/rules/registry.js';
import { PLAN_CHECKS } from '../src/forms/plan/check-plan.js';
import { RULES } from '../src/lint/registry.js';

describe('the codes of findings', () => {
  it('list exactly the rules there are: the catalog rules in their order, the form rules and plan checks', () => {
    expect(RULES.map((r) => r.id)).toEqual([...LINT_RULE_IDS]);
    expect([...FORM_RULES.map((r) => r.id), ...PLAN_CHECKS.map((c) => c.id)].sort()).toEqual([...FORM_RULE_IDS].sort());
  });

  it('are one set, each code once', () => {
    const all = [...SOURCE_CODES, ...LINT_RULE_IDS, ...FORM_RULE_IDS, ...FORM_CODES];
    expect(new Set(all).size).toBe(all.length);
  });

  it('type a finding’s code as one of them, not any string', () => {
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<DiagnosticCode>();
    expectTypeOf<'channel-known'>().toExtend<Diagnostic['code']>();
    expectTypeOf<'schema/enum'>().toExtend<Diagnostic['code']>();
    expectTypeOf<'no-such-rule'>().not.toExtend<Diagnostic['code']>();
  });
});
