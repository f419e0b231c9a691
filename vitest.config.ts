import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globals: true,
    include: ['schemas/**/*.test.ts', 'domain/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'test/**/*.test.ts'],
    // Browser tests drive real Chromium against a running server: `npm run test:e2e`.
    exclude: ['**/node_modules/**', '**/*.case.test.ts', 'test/e2e/**'],
    testTimeout: 20_000,
    // Tests that run the real server on the demo start from a copy loaded once a run (per day).
    globalSetup: ['test/helpers/demo-data.ts'],
  },
})
