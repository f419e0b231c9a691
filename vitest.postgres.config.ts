/**
 * The API suite again, on PostgreSQL (`npm run test:postgres`): the same test files, with
 * `LUOSHI_TEST_DIALECT=postgres`, so makeTestApp() and makeDb() give each test a database of one
 * throwaway cluster (test/helpers/postgres-global.ts) instead of a SQLite file.
 */
import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

export default defineConfig({
  test: {
    ...base.test,
    include: ['test/api/**/*.test.ts'],
    // A plan start is several times slower on PostgreSQL than on SQLite (a round trip a statement).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { ...base.test?.env, LUOSHI_TEST_DIALECT: 'postgres' },
    globalSetup: ['test/helpers/demo-data.ts', 'test/helpers/postgres-global.ts'],
  },
})
