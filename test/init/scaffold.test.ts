import { describe, expect, it } from 'vitest';
import { scaffold } from '../../src/init/scaffold.js';

async function packageJson(spec: string): Promise<{ devDependencies: Record<string, string> }> {
  const files = await scaffold(spec);
  return JSON.parse(files.find((f) => f.path === 'package.json')!.content) as {
    devDependencies: Record<string, string>;
  };
}

describe('scaffold', () => {
  it('writes the spec as the devDependency on zwgk, exactly', async () => {
    expect((await packageJson('0.1.0')).devDependencies).toEqual({ zwgk: '0.1.0' });
    expect((await packageJson('file:../下载/zwgk-0.1.0.tgz')).devDependencies.zwgk).toBe('file:../下载/zwgk-0.1.0.tgz');
  });

  it('keeps package.json valid JSON whatever the spec holds', async () => {
    expect((await packageJson('file:../a "b"\\c.tgz')).devDependencies.zwgk).toBe('file:../a "b"\\c.tgz');
  });

  it('leaves no placeholder in any file', async () => {
    for (const f of await scaffold('0.1.0')) expect(f.content, f.path).not.toMatch(/\{\{\w+\}\}/);
  });
});
