/**
 * The global setup of the PostgreSQL run (`npm run test:postgres`, vitest.postgres.config.ts): one
 * throwaway cluster for the whole run, with a template database migrated once. Each test's
 * database is a copy of the template (`create database … template …`, a file copy: fast), made by
 * makeDb() when `LUOSHI_TEST_DIALECT=postgres`.
 */
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { createDb } from '../../server/db/create-db.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { startPostgres } from './postgres.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's URL, database name left out (`postgres://…:port/`). */
    pgServer: string
  }
}

/** The database every test's database is copied from. */
export const TEMPLATE_DATABASE = 'luoshi_template'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres(TEMPLATE_DATABASE)
  const db = await createDb({ kind: 'postgres', url: server.url })
  await migrateToLatest(db)
  await db.destroy()
  project.provide('pgServer', server.url.slice(0, server.url.lastIndexOf('/') + 1))
  return () => server.stop()
}

let counter = 0

/** A new database copied from the migrated template (or from the database of URL `from`); returns its URL. */
export async function newPostgresDatabase(serverUrl: string, from?: string): Promise<string> {
  const template = from ? from.slice(from.lastIndexOf('/') + 1) : TEMPLATE_DATABASE
  const name = `luoshi_t${process.pid}_${++counter}_${Date.now().toString(36)}`
  const admin = new pg.Client({ connectionString: `${serverUrl}postgres` })
  await admin.connect()
  try {
    for (let attempt = 1; ; attempt++) {
      // PostgreSQL copies a database nobody is connected to: the source's idle pooled connections
      // are ended (its pool opens new ones on its next query; createDb() expects this).
      if (from)
        await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [template],
        )
      try {
        await admin.query(`create database ${name} template ${template}`)
        break
      } catch (error) {
        // 55006: the source is in use (a connection came back in between).
        if ((error as { code?: string }).code !== '55006' || attempt >= 5) throw error
      }
    }
  } finally {
    await admin.end()
  }
  return `${serverUrl}${name}`
}
