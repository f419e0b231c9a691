import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

// Browser tests: the real server (child process, its own copy of the demo) driven through Debian's Chromium.
export default defineConfig({
  test: {
    globals: true,
    include: ['test/e2e/**/*.test.ts'],
    // The web bundle is built once a run; the demo is loaded once a run per starting day.
    globalSetup: ['test/e2e/helpers/build-web.ts', 'test/helpers/demo-data.ts'],
    testTimeout: 90_000,
    // Node's compile cache for the servers the tests start (see vitest.config.ts).
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'luoshi-node-compile-cache') },
    hookTimeout: 120_000,
    // One Chromium at a time on a 2-core machine keeps timings meaningful.
    fileParallelism: false,
  },
})
