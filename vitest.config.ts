import { availableParallelism, tmpdir } from 'node:os'
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
    // Two files at a time even on two cores, where Vitest's default (cores − 1) runs one: a file
    // spends much of its time importing the server afresh, and its tests waiting on servers and
    // disks, which leaves the other core idle. On a 2-core machine the suite took 508 s this way,
    // against 843 s one file at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Node's compile cache for the processes tests start (the CLI, servers, schedulers): each
    // compiles the same modules, and the cache is keyed by their content.
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'luoshi-node-compile-cache') },
    // Tests that run the real server on the demo start from a copy loaded once a run (per day).
    globalSetup: ['test/helpers/demo-data.ts'],
  },
})
