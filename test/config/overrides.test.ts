import { describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJsonReport } from '../_helpers/json.js';

const CATALOG = `domain: 义务教育
unit: 青禾区教育局
defaults:
  basis: [《中华人民共和国政府信息公开条例》（国务院令第711号）]
  time_limit: 信息形成或者变更之日起20个工作日内
  subject: 青禾区教育局
  channels: [政府网站, 一微一端]
  audience: 全社会
  method: 主动
  levels: [镇级]
items:
  - name: 政策文件
    items:
      - {name: 法律法规, content: 与义务教育相关的法律、行政法规}
`;

const CONFIG = `levelColumns: [县级, 乡级]
rules: {channel-known: error}
overrides:
  - files: "township/**"
    levelColumns: [镇级, 村级]
    rules: {channel-known: warning}
`;

describe('per-glob overrides in the configuration', () => {
  it('give the files they match their own level columns and rule severities', () => {
    const t = tempDir({
      'zwgk.config.yaml': CONFIG,
      'county/a.yaml': CATALOG,
      'township/b.yaml': CATALOG.replace('青禾区教育局\ndefaults', '清河镇\ndefaults'),
    });
    try {
      const r = zwgk(['validate', '.', '-f', 'json'], t.dir);
      const found = parseJsonReport(r.stdout).diagnostics.map((d) => `${d.file} ${d.code} ${d.severity}`);
      expect(found.sort()).toEqual(
        [
          'county/a.yaml channel-known error',
          'county/a.yaml level-known error',
          'township/b.yaml channel-known warning',
        ].sort(),
      );
      // The same holds when a file is named directly, from another working directory.
      const inside = zwgk(['validate', 'b.yaml', '-f', 'json'], `${t.dir}/township`);
      expect(parseJsonReport(inside.stdout).diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual([
        'channel-known warning',
      ]);
    } finally {
      t.cleanup();
    }
  });

  it('reports an unknown rule inside an override at its line, exit 2', () => {
    const t = tempDir({
      'zwgk.config.yaml': CONFIG.replace('channel-known: warning', 'chanel-known: warning'),
      'a.yaml': CATALOG,
    });
    try {
      const r = zwgk(['validate', 'a.yaml'], t.dir);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/zwgk\.config\.yaml\n\s+6:\d+\s+错误\s+没有名为“chanel-known”的规则/);
    } finally {
      t.cleanup();
    }
  });
});
