/**
 * The API and durability suites again, on PostgreSQL (`npm run test:postgres`): the same test
 * files, with `LUOSHI_TEST_DIALECT=postgres`, so makeTestApp() and makeDb() give each test a
 * database of one throwaway cluster (test/helpers/postgres-global.ts) instead of a SQLite file, and
 * the durability tests' servers and schedulers run on such a database (test/helpers/durability-db.ts).
 * Also the PostgreSQL backup and restore with pg_dump (needs Debian's `postgresql` package).
 */
import { defineConfig } from 'vitest/config'
import base from './vitest.config.ts'

export default defineConfig({
  test: {
    ...base.test,
    include: ['test/api/**/*.test.ts', 'test/durability/**/*.test.ts'],
    exclude: [
      // The base run leaves out the PostgreSQL-only tests of test/durability; this run has them.
      ...(base.test?.exclude ?? []).filter((glob) => !glob.endsWith('.postgres.test.ts')),
      // SQLite only: the pragmas every SQLite connection must run with, and `luoshi admin
      // backup`/`restore` (SQLite's online backup). PostgreSQL's backup is pg_dump: tested by
      // pg-dump-restore.postgres.test.ts.
      'test/durability/sqlite-pragmas.test.ts',
      'test/durability/backup-restore.test.ts',
    ],
    // A plan start is several times slower on PostgreSQL than on SQLite (a round trip a statement).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { ...base.test?.env, LUOSHI_TEST_DIALECT: 'postgres' },
    globalSetup: ['test/helpers/demo-data.ts', 'test/helpers/postgres-global.ts'],
  },
})
