/**
 * A verification from the newest signed checkpoint of each chain reads only what was written since:
 * it reports a change at or after the checkpoint and a tail cut after it, for its chain and row;
 * a change before the checkpoint is left to the full verification, which finds it. The route takes
 * `?from=checkpoint` and refuses another `from`. The row hash computed without createHmac is the
 * HMAC-SHA256 createHmac computes.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import {
  auditCheckpointFile,
  checkpointHeads,
  readCheckpoints,
} from '../../server/audit/audit-checkpoint.ts'
import { AuditHasher } from '../../server/audit/audit-hash.ts'
import { installAuditKey, loadAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'

let dataDir: string
let db: Kysely<Database>
let key: Buffer
let file: string

const entry = (n: number, planId: string) => ({
  at: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`,
  actor: 'someone',
  action: 'task.save',
  entity: 'task',
  entityId: `${planId}-t${n}`,
  payload: { n },
  planId,
})

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'audit-from-checkpoint-'))
  key = loadAuditKey({ dataDir, create: true, env: {} }).key
  installAuditKey(key)
  db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
  await migrateToLatest(db)
  file = auditCheckpointFile(dataDir, {})
  // Rows 1–8 of each plan's chain, a checkpoint at 8, then rows 9–11 written since.
  for (let n = 1; n <= 11; n++) {
    await appendAudit(db, [entry(n, 'plan-a'), entry(n, 'plan-b')])
    if (n === 8) await checkpointHeads(db, key, file, new Date('2026-01-01T01:00:00Z'))
  }
})

afterEach(async () => {
  await db.destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

const verify = (fromCheckpoint: boolean) =>
  verifyAuditChains(db, { key, checkpoints: readCheckpoints(file, key), fromCheckpoint })

const edit = (chain: string, seq: number) =>
  db
    .updateTable('audit_log')
    .set({ actor: 'someone else' })
    .where('chain', '=', chain)
    .where('chain_seq', '=', seq)
    .execute()

/** Cuts a chain's rows after `keep` and, with `moveHead`, moves its head back to row `keep`. */
async function cut(chain: string, keep: number, moveHead: boolean): Promise<void> {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('chain', '=', chain)
    .where('chain_seq', '=', keep)
    .executeTakeFirstOrThrow()
  await db
    .deleteFrom('audit_log')
    .where('chain', '=', chain)
    .where('chain_seq', '>', keep)
    .execute()
  if (moveHead)
    await db
      .updateTable('audit_chain')
      .set({ seq: keep, hash: last.hash })
      .where('chain', '=', chain)
      .execute()
}

describe('verifying from the newest checkpoint', () => {
  it('checks each chain from its checkpoint’s row to its head', async () => {
    const result = await verify(true)
    expect(result).toMatchObject({ ok: true, rows: 8 })
    expect(result.chains.map((c) => [c.chain, c.ok, c.rows, c.ok && c.from])).toEqual([
      ['', true, 0, 1],
      ['plan-a', true, 4, 8],
      ['plan-b', true, 4, 8],
    ])
  })

  it('reports a row changed since the checkpoint, and the checkpoint’s own row changed', async () => {
    await edit('plan-a', 10)
    await edit('plan-b', 8)
    const result = await verify(true)
    expect(result.chains.map((c) => [c.chain, c.ok, c.ok ? null : c.brokenAt])).toEqual([
      ['', true, null],
      ['plan-a', false, 10],
      ['plan-b', false, 8],
    ])
  })

  it('leaves a row changed before the checkpoint to the full verification, which reports it', async () => {
    await edit('plan-a', 3)
    expect(await verify(true)).toMatchObject({ ok: true })
    expect(await verify(false)).toMatchObject({ ok: false, chain: 'plan-a', brokenAt: 3 })
  })

  it('reports a tail cut after the checkpoint below the head', async () => {
    await cut('plan-a', 8, false)
    expect(await verify(true)).toMatchObject({
      ok: false,
      chain: 'plan-a',
      brokenAt: 9,
      reason: 'the log ends at row 8 but its head says 11: rows were removed from the end',
    })
  })

  it('reports a tail cut below the checkpoint with the head moved back', async () => {
    await cut('plan-b', 6, true)
    expect(await verify(true)).toMatchObject({
      ok: false,
      chain: 'plan-b',
      brokenAt: 7,
      reason:
        'the chain has 6 rows but the checkpoint of 2026-01-01T01:00:00.000Z saw 8: rows were removed from the end',
    })
  })

  it('reports the checkpoint’s row deleted', async () => {
    await db
      .deleteFrom('audit_log')
      .where('chain', '=', 'plan-a')
      .where('chain_seq', '=', 8)
      .execute()
    expect(await verify(true)).toMatchObject({
      ok: false,
      chain: 'plan-a',
      brokenAt: 8,
      reason: 'row 8 is missing',
    })
  })
})

describe('GET /api/audit/verify?from=', () => {
  it('verifies from the checkpoints with from=checkpoint, and answers 400 to another from', async () => {
    const t = await makeTestApp()
    try {
      const admin = await loginAs(t, 'admin', { roles: ['admin'] })
      // Without a checkpoint file each chain is checked from row 1.
      const result = await (await admin.get('/api/audit/verify?from=checkpoint')).json()
      expect(result).toMatchObject({ ok: true, chains: [{ chain: '', ok: true, from: 1 }] })
      const refused = await admin.get('/api/audit/verify?from=yesterday')
      expect(refused.status).toBe(400)
      expect((await refused.json()).error).toMatchObject({
        code: 'bad-request',
        message: { zh: expect.stringContaining('from 只能是 checkpoint') },
      })
    } finally {
      await t.writes.close()
      await t.db.destroy()
    }
  })
})

describe('the row hash', () => {
  it('is the HMAC-SHA256 createHmac computes, for short, block-sized and long keys and any text, from strings or bytes', () => {
    const texts = [
      '',
      'ascii',
      '中文 😀',
      'lone \ud800 surrogate',
      'x'.repeat(5000),
      '\u0000\u2028',
    ]
    for (const size of [1, 32, 64, 65, 200]) {
      const secret = randomBytes(size)
      const hasher = new AuditHasher(secret)
      for (const prev of texts)
        for (const text of texts) {
          const expected = createHmac('sha256', secret).update(prev).update(text).digest('hex')
          expect(hasher.hmac(prev, text)).toBe(expected)
          // The same from the bytes, as the PostgreSQL verification hashes a row.
          expect(hasher.hmacOfBytes(Buffer.concat([Buffer.from(prev), Buffer.from(text)]))).toBe(
            expected,
          )
        }
    }
  })
})
