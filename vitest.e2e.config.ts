import { defineConfig } from 'vitest/config'

// Browser tests: the real server (child process, fresh data) driven through Debian's Chromium.
export default defineConfig({
  test: {
    globals: true,
    include: ['test/e2e/**/*.test.ts'],
    // The web bundle is built once a run; the demo is loaded once a run per starting day.
    globalSetup: ['test/e2e/helpers/build-web.ts', 'test/e2e/helpers/demo-data.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine keeps timings meaningful.
    fileParallelism: false,
  },
})
