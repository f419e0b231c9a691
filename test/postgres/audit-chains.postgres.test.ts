/**
 * On PostgreSQL, writers of different plans do not queue on one audit chain head: while one
 * transaction holds plan A's chain (appended, not committed), a transaction appending to plan B
 * commits; a second writer of plan A waits for the first. Every chain verifies afterwards, and a
 * row edited or deleted straight in the database is reported for its chain and row, by the full
 * verification and by the one from the newest checkpoint. The pass on worker threads reads
 * PostgreSQL through clients of its own, the server building each row's canonical text.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { checkpointHeads, readCheckpoints } from '../../server/audit/audit-checkpoint.ts'
import { installAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { scanWithWorkers } from '../../server/audit/audit-scan-run.ts'
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

  it('reports an edited and a deleted row for their chains and rows, in full and from the checkpoint', async () => {
    const key = Buffer.alloc(32, 7)
    const folder = mkdtempSync(join(tmpdir(), 'audit-pg-checkpoints-'))
    const file = join(folder, 'audit-checkpoints.jsonl')
    try {
      for (let n = 3; n <= 6; n++)
        await appendAudit(pg.db, [entry('plan-a', n), entry('plan-b', n)])
      await checkpointHeads(pg.db, key, file, new Date('2026-01-01T01:00:00Z'))
      for (let n = 7; n <= 8; n++)
        await appendAudit(pg.db, [entry('plan-a', n), entry('plan-b', n)])
      const verify = (fromCheckpoint: boolean) =>
        verifyAuditChains(pg.db, { key, checkpoints: readCheckpoints(file, key), fromCheckpoint })
      expect(await verify(false)).toMatchObject({ ok: true, rows: 16 })
      await pg.db
        .updateTable('audit_log')
        .set({ payload: '{"forged":true}' })
        .where('chain', '=', 'plan-a')
        .where('chain_seq', '=', 9)
        .execute()
      await pg.db
        .deleteFrom('audit_log')
        .where('chain', '=', 'plan-b')
        .where('chain_seq', '=', 2)
        .execute()
      const full = await verify(false)
      expect(full.chains.map((c) => [c.chain, c.ok, c.ok ? null : c.brokenAt])).toEqual([
        ['', true, null],
        ['plan-a', false, 9],
        ['plan-b', false, 2],
      ])
      // From the checkpoints (row 7 of plan-a, 5 of plan-b): the row deleted before one is not seen.
      const since = await verify(true)
      expect(since.chains.map((c) => [c.chain, c.ok, c.ok ? c.from : c.brokenAt])).toEqual([
        ['', true, 1],
        ['plan-a', false, 9],
        ['plan-b', true, 5],
      ])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('checks every chain on worker threads, awkward text read as bytes and quoted as the hash did, and hands a changed chain back', async () => {
    // Quotes, backslashes, controls, emoji, U+2028: to_json must quote them as JSON.stringify does.
    const awkward = [
      'say "hi"',
      'C:\\path',
      'tab\there\nnew\u0001\u001f',
      '😀 中文',
      'line\u2028sep',
      "it's",
      '</script>',
    ]
    for (const [n, text] of awkward.entries())
      await appendAudit(pg.db, [
        { ...entry('plan-c', n), actor: text, payload: { text } },
        { ...entry('plan-d', n), entityId: text },
      ])
    const expected = async () => {
      const heads = await pg.db.selectFrom('audit_chain').select(['chain', 'seq', 'hash']).execute()
      const global = await pg.db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .executeTakeFirstOrThrow()
      return [{ chain: '', seq: global.seq, hash: global.hash }, ...heads]
        .filter((h) => h.chain === '' || h.chain === 'plan-c' || h.chain === 'plan-d')
        .map((h) => ({ chain: h.chain, head: { seq: h.seq, hash: h.hash }, checkpoints: [] }))
    }
    const where = { kind: 'postgres' as const, url: pg.url }
    const { last } = await pg.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('last'))
      .executeTakeFirstOrThrow()
    // Three stretches of the log, each read by a thread through a client of its own.
    const scan = async () =>
      scanWithWorkers(where, Buffer.alloc(32, 7), await expected(), 3, Number(last))
    const intact = await scan()
    expect(intact.whole.map((c) => [c.chain, c.rows]).sort()).toEqual([
      ['', 0],
      ['plan-c', awkward.length],
      ['plan-d', awkward.length],
    ])
    // plan-a and plan-b were not expected: their rows go back to be walked.
    expect(intact.walk.sort()).toEqual(['plan-a', 'plan-b'])
    await pg.db
      .updateTable('audit_log')
      .set({ actor: 'someone else' })
      .where('chain', '=', 'plan-c')
      .where('chain_seq', '=', 3)
      .execute()
    const tampered = await scan()
    expect(tampered.whole.map((c) => c.chain).sort()).toEqual(['', 'plan-d'])
    expect(tampered.walk.sort()).toEqual(['plan-a', 'plan-b', 'plan-c'])
    // The whole verification on threads gives the walk's verdict for the changed row.
    const result = await verifyAuditChains(pg.db, { key: Buffer.alloc(32, 7), workers: 2 })
    expect(result.chains.find((c) => c.chain === 'plan-c')).toMatchObject({
      ok: false,
      brokenAt: 3,
    })
    expect(result.chains.find((c) => c.chain === 'plan-d')).toMatchObject({
      ok: true,
      rows: awkward.length,
    })
  })
})
