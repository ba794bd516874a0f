#!/usr/bin/env node
// The zwgk command: the command line built into dist/. In a checkout of the repository that was never
// built (`npm ci` builds nothing), it runs `npm run build` once first; an installed package has no src/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli) && existsSync(new URL('../src/cli/index.ts', import.meta.url))) {
  process.stderr.write('zwgk: 首次运行，先构建 (npm run build)… / first run in this checkout: building…\n');
  // Loaded only here: every other run starts without them.
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const root = fileURLToPath(new URL('..', import.meta.url));
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) {
    process.stderr.write(
      `${build.stdout ?? ''}${build.stderr ?? ''}zwgk: 构建失败，见上方信息 / the build failed, see above.\n`,
    );
    process.exit(1);
  }
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
