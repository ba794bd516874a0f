import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outsideRepository, parseZwgkSource, tarballSpec } from '../../src/init/source.js';

describe('parseZwgkSource', () => {
  it.each(['0.1.0', '^0.1.0', '~0.1', '>=0.1.0 <0.2.0', '0.1.0 - 0.2.0', '1.x || 2', '*', 'v0.1.0', '0.2.0-beta.1'])(
    'takes the version range %s as given',
    (v) => {
      expect(parseZwgkSource(v)).toEqual({ kind: 'spec', spec: v });
    },
  );

  it.each([
    'https://mirror.example.gov.cn/zwgk/zwgk-0.1.0.tgz',
    'http://10.0.0.8:8080/zwgk-0.1.0.tgz',
    'git+https://git.example.cn/tools/zwgk.git#v0.1.0',
  ])('takes the URL %s as given', (v) => {
    expect(parseZwgkSource(v)).toEqual({ kind: 'spec', spec: v });
  });

  it.each(['npm:zwgk@0.1.0', 'npm:@gov-tools/zwgk@^0.1.0'])('takes the npm: alias %s as given', (v) => {
    expect(parseZwgkSource(v)).toEqual({ kind: 'spec', spec: v });
  });

  it('trims surrounding spaces', () => {
    expect(parseZwgkSource(' 0.1.0 ')).toEqual({ kind: 'spec', spec: '0.1.0' });
  });

  it.each([
    ['./zwgk-0.1.0.tgz', './zwgk-0.1.0.tgz'],
    ['zwgk-0.1.0.tgz', 'zwgk-0.1.0.tgz'],
    ['../下载/zwgk-0.1.0.TGZ', '../下载/zwgk-0.1.0.TGZ'],
    ['/srv/releases/zwgk-0.1.0.tar.gz', '/srv/releases/zwgk-0.1.0.tar.gz'],
    ['C:\\Users\\文员\\Downloads\\zwgk-0.1.0.tgz', 'C:\\Users\\文员\\Downloads\\zwgk-0.1.0.tgz'],
    ['file:../zwgk-0.1.0.tgz', '../zwgk-0.1.0.tgz'],
    ['file:///srv/zwgk-0.1.0.tgz', '/srv/zwgk-0.1.0.tgz'],
  ])('reads %s as a tarball on this machine', (v, file) => {
    expect(parseZwgkSource(v)).toEqual({ kind: 'tarball', path: file });
  });

  it.each([
    ['', '--zwgk-source 是空的', '--zwgk-source is empty'],
    ['   ', '--zwgk-source 是空的', '--zwgk-source is empty'],
    [
      'zwgk@0.1.0',
      '只写版本，不写包名，如 --zwgk-source 0.1.0',
      'give the version alone, without the package name, like --zwgk-source 0.1.0',
    ],
    ['./zwgk', '不是 .tgz 文件', 'is not a .tgz file'],
    ['../releases/', '不是 .tgz 文件', 'is not a .tgz file'],
    ['file:../zwgk.zip', '不是 .tgz 文件', 'is not a .tgz file'],
    ['ftp://example.cn/zwgk-0.1.0.tgz', 'npm 不能从 ftp:// 网址安装', 'npm cannot install from a ftp:// URL'],
    ['https://', '缺少主机名', 'names no host'],
    ['npm:', '不是 npm: 别名', 'is not an npm: alias'],
    ['npm:@/zwgk', '不是 npm: 别名', 'is not an npm: alias'],
    ['latest-ish', '不是版本、网址或 .tgz 文件', 'is not a version, a URL or a .tgz file'],
    ['0.1.0.0', '不是版本、网址或 .tgz 文件', 'is not a version, a URL or a .tgz file'],
    ['0.1.0\n', '含有控制字符', 'contains control characters'],
  ])('refuses %j, saying why', (v, zh, en) => {
    const r = parseZwgkSource(v);
    expect(r.kind).toBe('problem');
    if (r.kind !== 'problem') return;
    expect(r.problem.zh).toContain(zh);
    expect(r.problem.en).toContain(en);
    expect(r.problem.zh).toMatch(/^--zwgk-source/);
    expect(r.problem.en).toMatch(/^--zwgk-source/);
  });
});

describe('tarballSpec', () => {
  it('names the tarball relative to the new repository, not to where the command ran', () => {
    expect(tarballSpec('dl/zwgk-0.1.0.tgz', '/home/u', 'catalogs-repo', path.posix)).toBe('file:../dl/zwgk-0.1.0.tgz');
    expect(tarballSpec('/home/u/dl/zwgk-0.1.0.tgz', '/home/u', '/home/u/work/repo', path.posix)).toBe(
      'file:../../dl/zwgk-0.1.0.tgz',
    );
    expect(tarballSpec('repo/vendor/zwgk-0.1.0.tgz', '/home/u', 'repo', path.posix)).toBe('file:vendor/zwgk-0.1.0.tgz');
    expect(tarballSpec('./zwgk-0.1.0.tgz', '/home/u', '.', path.posix)).toBe('file:zwgk-0.1.0.tgz');
  });

  it('writes forward slashes on Windows', () => {
    expect(
      tarballSpec('C:\\Users\\u\\Downloads\\zwgk-0.1.0.tgz', 'C:\\Users\\u', 'C:\\Users\\u\\目录仓库', path.win32),
    ).toBe('file:../Downloads/zwgk-0.1.0.tgz');
    expect(tarballSpec('vendor\\zwgk-0.1.0.tgz', 'C:\\repo', '.', path.win32)).toBe('file:vendor/zwgk-0.1.0.tgz');
  });
});

describe('outsideRepository', () => {
  it.each([
    ['file:../zwgk-0.1.0.tgz', true],
    ['file:/srv/zwgk-0.1.0.tgz', true],
    ['file:D:/zwgk-0.1.0.tgz', true],
    ['file:vendor/zwgk-0.1.0.tgz', false],
    ['file:..zwgk.tgz', false],
    ['0.1.0', false],
    ['https://example.cn/zwgk-0.1.0.tgz', false],
  ])('%s: %s', (spec, outside) => {
    expect(outsideRepository(spec)).toBe(outside);
  });
});
