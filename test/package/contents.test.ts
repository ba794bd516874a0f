import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** The files `npm pack` would put in the tarball (the build has run: npm test builds first). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

describe('the packed package', () => {
  const files = packedFiles();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
    scripts: Record<string, string>;
  };

  it('has one build of each entry point: the library, the command line and its worker, the workbench page, with the types', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/zwgk.js',
        'dist/index.js',
        'dist/cli.js',
        'dist/pool-worker.js',
        // The workbench page, for offices that put it on their intranet from the package.
        'dist/zwgk-workbench.html',
        'dist/types/index.d.ts',
        'LICENSE',
        'README.md',
      ]),
    );
    // No module-per-file compiler output beside the bundle, and not the portable single file either.
    expect(files.filter((f) => /^dist\/(?!types\/|validators\/)[^/]+\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/types/') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files).not.toContain('dist/zwgk.mjs');
    expect(files.filter((f) => f.startsWith('bin/'))).toEqual(['bin/zwgk.js']);
  });

  it('ships no source maps, no sources, and nothing only the tests or benchmarks use', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|build|catalogs|\.ci|\.github)\//.test(f))).toEqual([]);
  });

  it('installs without running anything: no install scripts', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts[hook], hook).toBeUndefined();
  });

  it('says where it lives and which Node versions it runs on', () => {
    expect(pkg).toMatchObject({
      license: 'MIT',
      homepage: expect.any(String) as unknown,
      repository: { url: expect.any(String) as unknown },
      bugs: { url: expect.any(String) as unknown },
    });
    expect(pkg.keywords).toEqual(expect.arrayContaining(['政务公开']));
    expect(pkg.engines).toEqual({ node: '^20.19.0 || ^22.0.0 || >=24.0.0' });
  });
});
