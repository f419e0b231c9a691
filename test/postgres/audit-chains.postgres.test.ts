/**
 * On PostgreSQL, writers of different plans do not queue on one audit chain head: while one
 * transaction holds plan A's chain (appended, not committed), a transaction appending to plan B
 * commits; a second writer of plan A waits for the first. Every chain verifies afterwards.
 */
import { sql } from 'kysely'
import { installAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'

const entry = (planId: string, n: number) => ({
  at: '2026-01-01T00:00:00Z',
  actor: 'someone',
  action: 'task.save',
  entity: 'task',
  entityId: `${planId}-t${n}`,
  payload: { n },
  planId,
})

describe('audit chains per plan on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_chains')
    installAuditKey(Buffer.alloc(32, 7))
  }, 60_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('commits plan B while plan A’s chain is held, and plan A’s second writer waits for the first', async () => {
    await appendAudit(pg.db, [entry('plan-a', 0)])
    let releaseA!: () => void
    const holding = new Promise<void>((resolve) => (releaseA = resolve))
    let heldA!: () => void
    const aHeld = new Promise<void>((resolve) => (heldA = resolve))
    const first = pg.db.transaction().execute(async (trx) => {
      await appendAudit(trx, [entry('plan-a', 1)])
      heldA()
      await holding
    })
    await aHeld
    // Plan B commits while plan A's head is locked by the open transaction.
    await pg.db.transaction().execute((trx) => appendAudit(trx, [entry('plan-b', 1)]))
    // A second writer of plan A is blocked on the head: it shows in pg_locks as waiting.
    const second = pg.db.transaction().execute((trx) => appendAudit(trx, [entry('plan-a', 2)]))
    for (;;) {
      const { rows } = await sql<{
        n: number
      }>`select count(*)::int as n from pg_locks where not granted`.execute(pg.db)
      if (rows[0]!.n > 0) break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    releaseA()
    await Promise.all([first, second])
    const result = await verifyAuditChains(pg.db)
    expect(result.ok).toBe(true)
    expect(result.chains.map((chain) => [chain.chain, chain.rows])).toEqual([
      ['', 0],
      ['plan-a', 3],
      ['plan-b', 1],
    ])
  })
})
