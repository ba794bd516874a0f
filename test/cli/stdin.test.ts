import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJsonReport } from '../_helpers/json.js';

const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/anquan-shengchan.yaml'), 'utf8');

describe('zwgk validate - (standard input)', () => {
  it('says --stdin-filename did nothing when there is no - to name', () => {
    const t = tempDir({ 'disk.yaml': CATALOG });
    try {
      const r = zwgk(['validate', 'disk.yaml', '--stdin-filename', 'x.yaml'], t.dir);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('--stdin-filename 只用于从标准输入（-）读入的目录');
      expect(zwgk(['validate', '-', '--stdin-filename', 'x.yaml'], t.dir, CATALOG).stderr).toBe('');
    } finally {
      t.cleanup();
    }
  });

  it('places a repeated item code (a finding across items) in the text piped in, not a file on disk', () => {
    const dup = CATALOG.replace('code: "0102"', 'code: "0101"').replace(
      'content: 与安全生产有关的部门规章',
      'content: 从标准输入来的文本',
    );
    const t = tempDir({ 'disk.yaml': CATALOG });
    try {
      const plain = zwgk(['validate', '-'], t.dir, dup);
      expect(plain.status, plain.stderr).toBe(1);
      expect(plain.stdout).toContain('code-unique');
      expect(plain.stdout).toContain('>');
      const named = zwgk(['validate', '-', '--stdin-filename', 'disk.yaml'], t.dir, dup);
      expect(named.status, named.stderr).toBe(1);
      expect(named.stdout).toContain('从标准输入来的文本');
      expect(named.stdout).toContain('code: "0101"');
      expect(named.stdout).not.toContain('code: "0102"');
    } finally {
      t.cleanup();
    }
  });

  it('checks standard input under the name --stdin-filename gives, positions included', () => {
    const t = tempDir();
    try {
      const bad = CATALOG.replace('  method: 主动\n', '  method: 主动公开\n');
      const r = zwgk(['validate', '-', '--stdin-filename', 'catalogs/安全生产.yaml', '-f', 'json'], t.dir, bad);
      expect(r.status).toBe(1);
      const report = parseJsonReport(r.stdout);
      expect(report.summary.files).toBe(1);
      expect(report.diagnostics.map((d) => `${d.file}:${d.range?.start.line ?? 'no range'}:${d.code}`)).toEqual([
        `catalogs/安全生产.yaml:${bad.split('\n').indexOf('  method: 主动公开') + 1}:schema/enum`,
      ]);
      expect(zwgk(['validate', '-'], t.dir, CATALOG).stdout).toContain('✔ 检查了 1 个文件');
    } finally {
      t.cleanup();
    }
  });

  it('checks standard input beside named files, and refuses --fix on it', () => {
    const t = tempDir({
      'a.yaml': CATALOG.replace('domain: 安全生产', 'domain: 义务教育').replace(/code: "(\d+)"/g, 'code: "9$1"'),
    });
    try {
      const r = zwgk(['validate', 'a.yaml', '-'], t.dir, CATALOG);
      expect(r.stdout).toContain('✔ 检查了 2 个文件');
      const fix = zwgk(['validate', '-', '--fix'], t.dir, CATALOG);
      expect(fix.status).toBe(2);
      expect(fix.stderr).toContain('--fix 不能用于标准输入');
    } finally {
      t.cleanup();
    }
  });

  it('reports standard input that is not UTF-8 as unreadable, exit 2', () => {
    const t = tempDir();
    try {
      const r = zwgk(['validate', '-'], t.dir, Buffer.from([0xb9, 0xab, 0xbf, 0xaa, 0x3a, 0x20, 0x31, 0x0a]));
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toContain('<stdin>');
    } finally {
      t.cleanup();
    }
  });
});
