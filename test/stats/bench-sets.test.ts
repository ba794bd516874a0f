import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureScale } from '../../bench/generate.js';
import { zwgk } from '../_helpers/cli.js';
import type { StatsReport } from '../../src/stats/types.js';

const ROOT = join(import.meta.dirname, '../..');

interface DiffJson {
  pairs: {
    domain: string;
    counts: { added: { level1: number; level2: number }; removed: { level1: number; level2: number } };
  }[];
  totals: { added: { level1: number; level2: number }; removed: { level1: number; level2: number } };
}

describe('zwgk stats --against on the benchmark sets (built CLI)', () => {
  it('counts the district set and its yearly revision as zwgk diff does: now − then = added − removed', () => {
    // The generated district set (26 files, 2,000 二级事项) and the same set after a revision.
    const clean = ensureScale('district', { clean: true });
    const revised = ensureScale('district', { revised: true });
    const stats = zwgk(['stats', revised.dir, '--against', clean.dir, '-f', 'json'], ROOT);
    expect(stats.status, stats.stderr).toBe(0);
    const report = JSON.parse(stats.stdout) as StatsReport;
    const diff = JSON.parse(
      zwgk(['diff', clean.dir, revised.dir, '-f', 'json', '--fail-on', 'none'], ROOT).stdout,
    ) as DiffJson;
    const against = report.against!;
    expect(against.total.added).toEqual(diff.totals.added);
    expect(against.total.removed).toEqual(diff.totals.removed);
    expect(against.total.before.level2).toBe(clean.items);
    expect(against.total.after.level2).toBe(revised.items);
    expect(report.total.counts.level2).toBe(revised.items);
    // The 一级事项 the generator added in its revision.
    expect(against.total.added.level1).toBe(revised.revisions!.added1);
    for (const d of [...against.domains, against.total]) {
      expect(d.after.level1 - d.before.level1, d.name).toBe(d.added.level1 - d.removed.level1);
      expect(d.after.level2 - d.before.level2, d.name).toBe(d.added.level2 - d.removed.level2);
    }
    // Each domain's changes are those of its pair in the change report.
    for (const d of against.domains) {
      const pairs = diff.pairs.filter((p) => p.domain === d.name);
      expect(d.added.level2, d.name).toBe(pairs.reduce((n, p) => n + p.counts.added.level2, 0));
      expect(d.removed.level2, d.name).toBe(pairs.reduce((n, p) => n + p.counts.removed.level2, 0));
    }
  }, 60_000);
});
