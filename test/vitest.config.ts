import { defineConfig } from 'vitest/config';

// Browser tests: each file starts the real server (built API + built web app)
// and drives it in headless Chromium, on its own database (a copy of the seeded demo on PostgreSQL).
// Two files at a time: a file mostly waits on its server, its jobs and the browser (the suite took
// 520 s one at a time and 300 s two at a time on two cores).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    globalSetup: ['support/global-setup.ts'],
    // The tour (every page, five languages) is for looking at pages: `npm run tour -w @tandem/e2e`
    // (TOUR=1 also runs everyday.test.ts's screenshots of nine pages).
    exclude: ['node_modules/**', 'artifacts/**', ...(process.env.TOUR === '1' ? [] : ['tour.test.ts'])],
    testTimeout: 60_000,
    hookTimeout: 480_000,
    maxWorkers: 2,
    pool: 'forks',
  },
});
