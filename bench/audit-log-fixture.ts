/**
 * A large audit log for the verification bench: `rows` entries across `chains` plan chains and
 * chain '', interleaved as a province's writers would leave them, each hashed by the real
 * {@link auditHash} under a fixed key. Rows go in through plain multi-row inserts in large
 * transactions (not through HTTP): the bench measures the verification, not the writing.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import SQLite from 'better-sqlite3'
import { auditHash, GENESIS_HASH } from '../server/audit/audit-log.ts'
import type { Database } from '../server/db/database.ts'

/** The key the fixture is hashed with; the bench verifies with the same. */
export const BENCH_AUDIT_KEY = Buffer.alloc(32, 7)

export interface FixtureRow {
  chain: string
  chain_seq: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string
  payload: string
  prev_hash: string
  hash: string
}

const ACTIONS = ['task.submit', 'task.approve', 'task.return', 'task.save', 'indicator.value']

/**
 * The rows in log order, in batches, with each chain's head at the end. A deterministic generator
 * (no randomness) so every run builds the same log.
 */
export function* fixtureBatches(
  rows: number,
  chains: number,
  batch = 10_000,
): Generator<{ rows: FixtureRow[]; heads: Map<string, { seq: number; hash: string }> }> {
  const heads = new Map<string, { seq: number; hash: string }>()
  let out: FixtureRow[] = []
  let planRows = 0
  for (let n = 0; n < rows; n++) {
    // One row in 50 is of no one plan (logins, accounts); the rest go round the plans in a
    // scrambled order (7919 is prime, so every plan is reached).
    const chain =
      n % 50 === 0
        ? ''
        : `plan-${String((planRows++ * 7919) % chains).padStart(4, '0')}-0000-4000-8000`
    const head = heads.get(chain) ?? { seq: 0, hash: GENESIS_HASH }
    const seconds = Math.floor(n / 20)
    const base = {
      chain,
      chain_seq: head.seq + 1,
      at: new Date(Date.UTC(2026, 0, 1) + seconds * 1000).toISOString(),
      actor: `user-${n % 997}`,
      action: ACTIONS[n % ACTIONS.length]!,
      entity: 'task',
      entity_id: `task-${n % 280_000}-${chain.slice(5, 9)}`,
      payload: JSON.stringify({
        from: 'in_progress',
        to: 'submitted',
        note: `第 ${n} 次提交：材料已上传，请审核 / submission ${n}`,
        attachments: [`att-${n}`],
      }),
    }
    const hash = auditHash(BENCH_AUDIT_KEY, head.hash, base)
    out.push({ ...base, prev_hash: head.hash, hash })
    heads.set(chain, { seq: base.chain_seq, hash })
    if (out.length === batch || n === rows - 1) {
      yield { rows: out, heads }
      out = []
    }
  }
}

const COLUMNS = [
  'chain',
  'chain_seq',
  'at',
  'actor',
  'action',
  'entity',
  'entity_id',
  'payload',
  'prev_hash',
  'hash',
] as const

/** Fills a migrated SQLite file's empty audit log. */
export function fillSqlite(file: string, rows: number, chains: number): void {
  const connection = new SQLite(file)
  try {
    connection.pragma('journal_mode = WAL')
    const perInsert = 100
    const values = `(${COLUMNS.map(() => '?').join(', ')})`
    const insert = connection.prepare(
      `insert into audit_log (${COLUMNS.join(', ')}) values ${Array(perInsert).fill(values).join(', ')}`,
    )
    const insertOne = connection.prepare(
      `insert into audit_log (${COLUMNS.join(', ')}) values ${values}`,
    )
    let heads = new Map<string, { seq: number; hash: string }>()
    for (const batch of fixtureBatches(rows, chains)) {
      connection.transaction(() => {
        let index = 0
        for (; index + perInsert <= batch.rows.length; index += perInsert)
          insert.run(
            batch.rows.slice(index, index + perInsert).flatMap((row) => COLUMNS.map((c) => row[c])),
          )
        for (; index < batch.rows.length; index++)
          insertOne.run(COLUMNS.map((c) => batch.rows[index]![c]))
      })()
      heads = batch.heads
    }
    connection.transaction(() => {
      const plan = connection.prepare('insert into audit_chain (chain, seq, hash) values (?, ?, ?)')
      for (const [chain, head] of heads) {
        if (chain === '')
          connection
            .prepare('update audit_head set seq = ?, hash = ?, keyed = 1 where id = 1')
            .run(head.seq, head.hash)
        else plan.run(chain, head.seq, head.hash)
      }
    })()
    connection.exec('analyze')
    connection.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    connection.close()
  }
}

/** Fills a migrated PostgreSQL database's empty audit log, 10,000 rows per statement (unnest). */
export async function fillPostgres(
  db: Kysely<Database>,
  rows: number,
  chains: number,
): Promise<void> {
  let heads = new Map<string, { seq: number; hash: string }>()
  for (const batch of fixtureBatches(rows, chains)) {
    const column = <K extends (typeof COLUMNS)[number]>(name: K) =>
      batch.rows.map((row) => row[name])
    await sql`insert into audit_log (${sql.raw(COLUMNS.join(', '))})
      select * from unnest(${column('chain')}::text[], ${column('chain_seq')}::int[],
        ${column('at')}::text[], ${column('actor')}::text[], ${column('action')}::text[],
        ${column('entity')}::text[], ${column('entity_id')}::text[], ${column('payload')}::text[],
        ${column('prev_hash')}::text[], ${column('hash')}::text[])`.execute(db)
    heads = batch.heads
  }
  for (const [chain, head] of heads) {
    if (chain === '')
      await db
        .updateTable('audit_head')
        .set({ seq: head.seq, hash: head.hash, keyed: 1 })
        .where('id', '=', 1)
        .execute()
    else
      await db
        .insertInto('audit_chain')
        .values({ chain, ...head })
        .execute()
  }
  await sql`analyze audit_log`.execute(db)
}
