import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globals: true,
    include: [
      'schemas/**/*.test.ts',
      'domain/**/*.test.ts',
      'server/**/*.test.ts',
      'web/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // Browser tests drive real Chromium against a running server: `npm run test:e2e`.
    // The PostgreSQL backup and restore runs with the PostgreSQL suite (vitest.postgres.config.ts):
    // it needs Debian's PostgreSQL binaries, which `npm install` does not bring.
    exclude: [
      '**/node_modules/**',
      '**/*.case.test.ts',
      'test/e2e/**',
      'test/durability/*.postgres.test.ts',
    ],
    testTimeout: 20_000,
    // Node's compile cache for the processes tests start (the CLI, servers, schedulers): each
    // compiles the same modules, and the cache is keyed by their content.
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'luoshi-node-compile-cache') },
    // Tests that run the real server on the demo start from a copy loaded once a run (per day).
    globalSetup: ['test/helpers/demo-data.ts'],
  },
})
