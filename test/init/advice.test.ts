import { describe, expect, it } from 'vitest';
import { initReport } from '../../src/init/advice.js';

const ALL = ['zwgk.config.yaml', 'package.json'];

describe('initReport', () => {
  it('lists the next steps in order: install, check, commit the lockfile', () => {
    const zh = initReport({ written: ALL, kept: [], spec: '0.1.0' }, 'zh').join('\n');
    expect(zh).toContain('已创建：\n  zwgk.config.yaml\n  package.json');
    expect(zh).toMatch(
      /下一步：\n {2}1\. npm install .*\n {2}2\. npx zwgk validate catalogs .*\n {2}3\. 提交全部文件，包括 package-lock\.json：CI 用 npm ci 安装/,
    );
    const en = initReport({ written: ALL, kept: [], spec: '0.1.0' }, 'en').join('\n');
    expect(en).toMatch(
      /Next:\n {2}1\. npm install .*\n {2}2\. npx zwgk validate catalogs .*\n {2}3\. Commit everything, package-lock\.json included: CI installs with npm ci/,
    );
  });

  it('starts with cd into the new folder when it is not the current one, quoted when the shell needs it', () => {
    expect(initReport({ written: ALL, kept: [], spec: '0.1.0', cd: 'repo' }, 'zh')).toContain('  1. cd repo');
    expect(initReport({ written: ALL, kept: [], spec: '0.1.0', cd: '青禾区 目录' }, 'en')).toContain(
      '  1. cd "青禾区 目录"',
    );
    expect(initReport({ written: ALL, kept: [], spec: '0.1.0' }, 'en').join('\n')).not.toContain('cd ');
  });

  it('names the same spec when package.json was already there', () => {
    const zh = initReport({ written: [], kept: ['package.json'], spec: 'file:vendor/zwgk-0.1.0.tgz' }, 'zh').join('\n');
    expect(zh).toContain('已存在，未改动：\n  package.json');
    expect(zh).toContain('package.json 已存在：请在其 devDependencies 中加入 "zwgk": "file:vendor/zwgk-0.1.0.tgz"');
    expect(zh).toContain('npm install --save-dev --save-exact zwgk@file:vendor/zwgk-0.1.0.tgz');
    const en = initReport({ written: [], kept: ['package.json'], spec: '>=0.1.0 <0.2.0' }, 'en').join('\n');
    expect(en).toContain('package.json exists: add "zwgk": ">=0.1.0 <0.2.0" to its devDependencies');
    expect(en).toContain('npm install --save-dev --save-exact "zwgk@>=0.1.0 <0.2.0"');
    expect(initReport({ written: ALL, kept: [], spec: '0.1.0' }, 'zh').join('\n')).not.toContain('devDependencies');
  });

  it('warns that CI has no tarball from outside the repository', () => {
    expect(initReport({ written: ALL, kept: [], spec: 'file:../zwgk-0.1.0.tgz' }, 'zh').join('\n')).toContain(
      'zwgk 从仓库外的文件 ../zwgk-0.1.0.tgz 安装，CI 上没有这个文件',
    );
    expect(initReport({ written: ALL, kept: [], spec: 'file:../zwgk-0.1.0.tgz' }, 'en').join('\n')).toContain(
      'a file outside the repository, which CI does not have',
    );
    expect(initReport({ written: ALL, kept: [], spec: 'file:vendor/zwgk-0.1.0.tgz' }, 'zh').join('\n')).not.toContain(
      'CI 上没有',
    );
  });
});
