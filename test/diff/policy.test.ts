import { describe, expect, it } from 'vitest';
import { classFails, classPolicy, DEFAULT_POLICY, FAIL_ON } from '../../src/diff/policy.js';

describe('class policy', () => {
  it('lays configured settings over the defaults, class by class', () => {
    const policy = classPolicy({ reduces: { label: '缩小' }, editorial: { severity: 'off' } });
    expect(policy.reduces).toEqual({ label: '缩小', severity: 'error' });
    expect(policy.editorial).toEqual({ severity: 'off' });
    expect(policy.extends).toEqual(DEFAULT_POLICY.extends);
  });

  it('decides failure by class, by severity threshold, or for all and none', () => {
    const policy = classPolicy({ extends: { severity: 'warning' }, editorial: { severity: 'off' } });
    const table = Object.fromEntries(
      FAIL_ON.map((f) => [f, (['reduces', 'extends', 'editorial'] as const).filter((k) => classFails(k, policy, f))]),
    );
    expect(table).toEqual({
      reduces: ['reduces'],
      extends: ['extends'],
      editorial: [], // hidden classes never fail
      error: ['reduces'],
      warning: ['reduces', 'extends'],
      any: ['reduces', 'extends'],
      none: [],
    });
  });
});
