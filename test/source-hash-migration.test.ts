/**
 * The migration that adds `policy_version.source_hash` gives each version stored before it the
 * sha256 of its source text as normalized (no BOM, `\n` line endings), the hash a download of
 * that text is checked against, and leaves the stored text itself as it was published.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Migration } from 'kysely/migration'
import { createDb } from '../server/db/create-db.ts'
import type { Database } from '../server/db/database.ts'

const THIS = '2026_12_07_0220_add_policy_version_source_hash'
const FOLDER = new URL('../server/db/migrations/', import.meta.url)

/** Every migration up to and including this one, read from the folder in name order. */
async function migrationsThroughThis(): Promise<Record<string, Migration>> {
  const names = readdirSync(FOLDER)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .filter((name) => name <= THIS)
    .sort()
  const entries = await Promise.all(
    names.map(async (name) => [
      name,
      (await import(new URL(`${name}.ts`, FOLDER).href)) as Migration,
    ]),
  )
  return Object.fromEntries(entries)
}

describe(`migration ${THIS}`, () => {
  let db: Kysely<Database>

  afterAll(async () => {
    await db?.destroy()
  })

  it('hashes the normalized source text of earlier versions and keeps the text as published', async () => {
    db = await createDb({
      kind: 'sqlite',
      file: join(mkdtempSync(join(tmpdir(), 'luoshi-db-')), 'm.db'),
    })
    const migrations = await migrationsThroughThis()
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    const before = Object.keys(migrations)
      .filter((name) => name < THIS)
      .at(-1)!
    expect((await migrator.migrateTo(before)).error).toBeUndefined()
    const published = '\uFEFF第一条 总则\r\n第二条 职责\r\n'
    const row = {
      title: 't',
      region: 'r',
      yaml: 'y',
      config: '{}',
      published_at: 'now',
      published_by: 'x',
    }
    await db
      .insertInto('policy_version')
      .values([
        {
          ...row,
          id: 'a',
          policy_id: 'a',
          version: '1.0.0',
          content_hash: 'ha',
          source_text: published,
        },
        {
          ...row,
          id: 'b',
          policy_id: 'b',
          version: '1.0.0',
          content_hash: 'hb',
          source_text: null,
        },
      ])
      .execute()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const rows = await db
      .selectFrom('policy_version')
      .select(['id', 'source_text', 'source_hash'])
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      {
        id: 'a',
        source_text: published,
        source_hash: createHash('sha256')
          .update('第一条 总则\n第二条 职责\n', 'utf8')
          .digest('hex'),
      },
      { id: 'b', source_text: null, source_hash: null },
    ])
  })
})
