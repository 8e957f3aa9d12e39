import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real server (built API + built web app)
// and drives it in headless Chromium. Files run one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'artifacts/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
