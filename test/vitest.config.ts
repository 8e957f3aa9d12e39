import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real server (built API + built web app)
// and drives it in headless Chromium. Files run one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    // The tour (every page, five languages) is for looking at pages: `npm run tour -w @tandem/e2e`
    // (TOUR=1 also runs everyday.test.ts's screenshots of nine pages).
    exclude: ['node_modules/**', 'artifacts/**', ...(process.env.TOUR === '1' ? [] : ['tour.test.ts'])],
    testTimeout: 60_000,
    hookTimeout: 480_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
