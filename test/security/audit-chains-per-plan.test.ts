/**
 * One audit chain per plan: entries about a plan join its chain, the rest chain ''; each chain is
 * verified alone, so a row changed in plan A's chain is reported for plan A only; each chain has
 * its own signed checkpoints, and a plan's chain cut below its checkpoint is caught.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import {
  auditCheckpointFile,
  checkpointHeads,
  readCheckpoints,
} from '../../server/audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import * as auditChains from '../../server/db/migrations/2026_12_08_0710_audit_chains.ts'

let dataDir: string
let db: Kysely<Database>
let key: Buffer
let file: string

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'luoshi-chains-'))
  key = loadAuditKey({ dataDir, create: true, env: {} }).key
  installAuditKey(key)
  db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
  await migrateToLatest(db)
  file = auditCheckpointFile(dataDir, {})
  for (let n = 1; n <= 5; n++) {
    // One transaction's entries may span chains: each goes to its own.
    await appendAudit(db, [
      entry(n, 'plan-a'),
      entry(n, 'plan-b'),
      { ...entry(n, undefined), entity: 'user' },
    ])
  }
})

afterEach(async () => {
  await db.destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

function entry(n: number, planId: string | undefined) {
  return {
    at: `2026-01-01T00:00:0${n}Z`,
    actor: 'someone',
    action: 'task.save',
    entity: 'task',
    entityId: `${planId ?? 'none'}-t${n}`,
    payload: { n },
    ...(planId ? { planId } : {}),
  }
}

const verify = () => verifyAuditChains(db, { key, checkpoints: readCheckpoints(file, key) })

describe('one audit chain per plan', () => {
  it('numbers each chain from 1 and verifies each alone', async () => {
    const rows = await db
      .selectFrom('audit_log')
      .select(['chain', 'chain_seq'])
      .where('chain', '=', 'plan-a')
      .orderBy('chain_seq')
      .execute()
    expect(rows.map((row) => row.chain_seq)).toEqual([1, 2, 3, 4, 5])
    const result = await verify()
    expect(result.ok).toBe(true)
    expect(result.rows).toBe(15)
    expect(result.chains.map((chain) => [chain.chain, chain.ok, chain.rows])).toEqual([
      ['', true, 5],
      ['plan-a', true, 5],
      ['plan-b', true, 5],
    ])
  })

  it('reports a row changed in plan A for plan A only', async () => {
    await db
      .updateTable('audit_log')
      .set({ payload: '{"forged":true}' })
      .where('chain', '=', 'plan-a')
      .where('chain_seq', '=', 3)
      .execute()
    const result = await verify()
    expect(result).toMatchObject({ ok: false, chain: 'plan-a', brokenAt: 3 })
    expect(result.chains.map((chain) => [chain.chain, chain.ok])).toEqual([
      ['', true],
      ['plan-a', false],
      ['plan-b', true],
    ])
  })

  it('checkpoints each chain, and catches a plan chain cut below its checkpoint with its head moved back', async () => {
    const written = await checkpointHeads(db, key, file, new Date('2026-01-01T01:00:00Z'))
    expect([...written.keys()].sort()).toEqual(['', 'plan-a', 'plan-b'])
    expect(readCheckpoints(file, key).checkpoints.map((c) => [c.chain ?? '', c.seq])).toEqual([
      ['', 5],
      ['plan-a', 5],
      ['plan-b', 5],
    ])
    const fourth = await db
      .selectFrom('audit_log')
      .select('hash')
      .where('chain', '=', 'plan-b')
      .where('chain_seq', '=', 4)
      .executeTakeFirstOrThrow()
    await db
      .deleteFrom('audit_log')
      .where('chain', '=', 'plan-b')
      .where('chain_seq', '=', 5)
      .execute()
    await db
      .updateTable('audit_chain')
      .set({ seq: 4, hash: fourth.hash })
      .where('chain', '=', 'plan-b')
      .execute()
    expect(await verify()).toMatchObject({ ok: false, chain: 'plan-b', brokenAt: 5 })
    // A later checkpoint of that chain is refused rather than written below the old one.
    const again = await checkpointHeads(db, key, file, new Date('2026-01-01T02:00:00Z'))
    expect(again.get('plan-b')).toHaveProperty('refused')
  })

  it('catches a plan chain whose head row was removed', async () => {
    await db.deleteFrom('audit_chain').where('chain', '=', 'plan-a').execute()
    expect(await verify()).toMatchObject({ ok: false, chain: 'plan-a' })
  })

  it('keeps the rows written before the chains verifiable: they become the chain of the rest, unchanged', async () => {
    await db.deleteFrom('audit_log').where('chain', '<>', '').execute()
    await db.deleteFrom('audit_chain').execute()
    // Before chains, `seq` numbered the one chain from 1.
    await sql`update audit_log set seq = chain_seq`.execute(db)
    await auditChains.down(db)
    await auditChains.up(db)
    const result = await verify()
    expect(result).toMatchObject({ ok: true, rows: 5 })
    expect(result.chains.map((chain) => chain.chain)).toEqual([''])
    await appendAudit(db, [entry(6, 'plan-a'), { ...entry(6, undefined), entity: 'user' }])
    expect(await verify()).toMatchObject({ ok: true, rows: 7 })
  })
})
