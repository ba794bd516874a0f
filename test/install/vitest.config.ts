import { defineConfig } from 'vitest/config';

// The package as users get it: packed, installed into a folder outside the repository, used from there
// (also under Node 22 and 24, fetched from the npm registry). Slow and needs the registry: run on its own
// with `npm run test:install`, which builds first. The files are named *.install.ts so that the main
// suite (test/**/*.test.ts) does not pick them up.
export default defineConfig({
  test: {
    include: ['test/install/**/*.install.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
