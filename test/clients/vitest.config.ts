import { defineConfig } from 'vitest/config';

// Client tests (real browsers, office programs): slow, run on their own with `npm run test:clients`.
export default defineConfig({
  test: {
    include: ['test/clients/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
