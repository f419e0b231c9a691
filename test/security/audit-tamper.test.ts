/**
 * A full verification reports each kind of tampering done straight in the database — an edited
 * row, a deleted row, two rows swapped in their chain, a row moved to another chain, a row
 * inserted before row 1, a forged checkpoint, a tail cut after a checkpoint — for its chain and row, the same whether the log is
 * read in this thread or on worker threads; rows merely out of the log's order still verify.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import {
  auditCheckpointFile,
  checkpointHeads,
  readCheckpoints,
} from '../../server/audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from '../../server/audit/audit-key.ts'
import { appendAudit } from '../../server/audit/audit-log.ts'
import { scanWithWorkers } from '../../server/audit/audit-scan-run.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { Database } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'

let dataDir: string
let db: Kysely<Database>
let key: Buffer
let file: string

/**
 * Texts a canonical form must quote exactly: quotes, backslashes, controls, emoji, U+2028, and
 * lone surrogates (stored as U+FFFD).
 */
const AWKWARD = [
  'say "hi"',
  'C:\\path',
  'tab\there\nnew\u0001',
  '😀 中文',
  'line\u2028sep',
  "it's",
  'lone \ud800 high',
  'lone \udc00 low',
]

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'audit-tamper-'))
  key = loadAuditKey({ dataDir, create: true, env: {} }).key
  installAuditKey(key)
  db = await createDb({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') })
  await migrateToLatest(db)
  file = auditCheckpointFile(dataDir, {})
  for (let n = 1; n <= 8; n++) {
    await appendAudit(db, [
      entry(n, 'plan-a'),
      entry(n, 'plan-b'),
      { ...entry(n, undefined), entity: 'user' },
    ])
  }
  await checkpointHeads(db, key, file, new Date('2026-01-01T01:00:00Z'))
})

afterEach(async () => {
  await db.destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

function entry(n: number, planId: string | undefined) {
  const awkward = AWKWARD[n % AWKWARD.length]!
  return {
    at: `2026-01-01T00:00:0${n}Z`,
    actor: `someone ${awkward}`,
    action: 'task.save',
    entity: 'task',
    entityId: `${planId ?? 'none'}-t${n}`,
    payload: { n, note: awkward },
    ...(planId ? { planId } : {}),
  }
}

const row = (chain: string, seq: number) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('chain', '=', chain)
    .where('chain_seq', '=', seq)
    .executeTakeFirstOrThrow()

/** Each chain's verdict as [chain, ok, brokenAt]. */
const verdicts = (result: Awaited<ReturnType<typeof verifyAuditChains>>) =>
  result.chains.map((c) => [c.chain, c.ok, c.ok ? null : c.brokenAt])

describe.each([
  ['in this thread', 1],
  ['on worker threads', 2],
])('a full verification read %s', (_, workers) => {
  const verify = () =>
    verifyAuditChains(db, { key, checkpoints: readCheckpoints(file, key), workers })

  it('finds every chain whole from row 1, awkward texts included', async () => {
    const result = await verify()
    expect(result).toMatchObject({ ok: true, rows: 24 })
    expect(result.chains.map((c) => [c.chain, c.ok, c.rows, c.ok && c.from])).toEqual([
      ['', true, 8, 1],
      ['plan-a', true, 8, 1],
      ['plan-b', true, 8, 1],
    ])
  })

  it('reports an edited row for its chain and row', async () => {
    await db
      .updateTable('audit_log')
      .set({ actor: 'someone else' })
      .where('chain', '=', 'plan-a')
      .where('chain_seq', '=', 3)
      .execute()
    const result = await verify()
    expect(result).toMatchObject({
      ok: false,
      chain: 'plan-a',
      brokenAt: 3,
      reason: 'the row was changed after it was written (or re-hashed without the key)',
    })
    expect(verdicts(result)).toEqual([
      ['', true, null],
      ['plan-a', false, 3],
      ['plan-b', true, null],
    ])
  })

  it('reports a deleted row for its chain and row', async () => {
    await db
      .deleteFrom('audit_log')
      .where('chain', '=', 'plan-b')
      .where('chain_seq', '=', 4)
      .execute()
    expect(await verify()).toMatchObject({
      ok: false,
      chain: 'plan-b',
      brokenAt: 4,
      reason: 'row 4 is missing',
    })
  })

  it('reports two rows swapped in their chain at the first of them', async () => {
    const swap = async (from: number, to: number) =>
      db
        .updateTable('audit_log')
        .set({ chain_seq: to })
        .where('chain', '=', '')
        .where('chain_seq', '=', from)
        .execute()
    await swap(5, -5)
    await swap(6, 5)
    await swap(-5, 6)
    expect(await verify()).toMatchObject({
      ok: false,
      chain: '',
      brokenAt: 5,
      reason: 'prev_hash does not match the previous row',
    })
  })

  it('reports a row moved to another chain in both: missing from one, not its own in the other', async () => {
    const moved = await row('plan-a', 5)
    const headB = await row('plan-b', 8)
    await db
      .updateTable('audit_log')
      .set({ chain: 'plan-b', chain_seq: 9, prev_hash: headB.hash })
      .where('seq', '=', moved.seq)
      .execute()
    await db
      .updateTable('audit_chain')
      .set({ seq: 9, hash: moved.hash })
      .where('chain', '=', 'plan-b')
      .execute()
    const result = await verify()
    expect(result).toMatchObject({ ok: false, chain: 'plan-a', brokenAt: 5 })
    expect(verdicts(result)).toEqual([
      ['', true, null],
      ['plan-a', false, 5],
      ['plan-b', false, 9],
    ])
  })

  it('reports a row inserted before row 1 of its chain', async () => {
    const first = await row('plan-b', 1)
    const { seq: _seq, ...copy } = first
    await db
      .insertInto('audit_log')
      .values({ ...copy, chain_seq: 0 })
      .execute()
    expect(await verify()).toMatchObject({
      ok: false,
      chain: 'plan-b',
      brokenAt: 0,
      reason: 'a row numbered 0 stands before row 1: it was inserted',
    })
  })

  it('reports a forged checkpoint line, signed without the key', async () => {
    const forged = { seq: 8, hash: 'f'.repeat(64), at: '2026-01-01T02:00:00.000Z', chain: 'plan-a' }
    const mac = createHmac('sha256', randomBytes(32))
      .update(`luoshi-audit-checkpoint\nplan-a\n8\n${forged.hash}\n${forged.at}`)
      .digest('hex')
    appendFileSync(file, JSON.stringify({ ...forged, mac }) + '\n')
    expect(await verify()).toMatchObject({
      ok: false,
      brokenAt: 0,
      reason: expect.stringContaining('line 4 of the checkpoint file'),
    })
  })

  it('reports a tail cut after a checkpoint, the head moved back, at the first row cut', async () => {
    const sixth = await row('plan-b', 6)
    await db
      .deleteFrom('audit_log')
      .where('chain', '=', 'plan-b')
      .where('chain_seq', '>', 6)
      .execute()
    await db
      .updateTable('audit_chain')
      .set({ seq: 6, hash: sixth.hash })
      .where('chain', '=', 'plan-b')
      .execute()
    const result = await verify()
    expect(result).toMatchObject({ ok: false, chain: 'plan-b', brokenAt: 7 })
    expect(result.ok ? '' : result.reason).toContain(
      'the checkpoint of 2026-01-01T01:00:00.000Z saw 8',
    )
  })

  it('still verifies rows that stand out of the log’s order but in their chain’s', async () => {
    // `seq` (the log's order) is not hashed: only each chain's own order is.
    const second = await row('plan-a', 2)
    await db.updateTable('audit_log').set({ seq: 1000 }).where('seq', '=', second.seq).execute()
    expect(await verify()).toMatchObject({ ok: true, rows: 24 })
  })
})

describe('the pass on worker threads, the log cut into three stretches', () => {
  // 24 rows, seq 1 … 24: stretches up to 8, 9 … 16 and from 17; every chain runs through all three.
  const scan = (heads: Awaited<ReturnType<typeof expected>>) =>
    scanWithWorkers({ kind: 'sqlite', file: join(dataDir, 'luoshi.db') }, key, heads, 3, 24)

  async function expected() {
    const heads = await db.selectFrom('audit_chain').select(['chain', 'seq', 'hash']).execute()
    const global = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .executeTakeFirstOrThrow()
    return [{ chain: '', seq: global.seq, hash: global.hash }, ...heads].map((h) => ({
      chain: h.chain,
      head: { seq: h.seq, hash: h.hash },
      checkpoints: [],
    }))
  }

  it('finds the whole chains whole and hands a changed one and a headless one back to be walked', async () => {
    const intact = await scan(await expected())
    expect(intact.whole.map((c) => [c.chain, c.rows]).sort()).toEqual([
      ['', 8],
      ['plan-a', 8],
      ['plan-b', 8],
    ])
    expect(intact.walk).toEqual([])
    await db
      .updateTable('audit_log')
      .set({ payload: '{}' })
      .where('chain', '=', 'plan-a')
      .where('chain_seq', '=', 2)
      .execute()
    const tampered = await scan((await expected()).filter((c) => c.chain !== 'plan-b'))
    expect(tampered.whole.map((c) => c.chain)).toEqual([''])
    // plan-b's rows belong to no expected chain (as if its head were gone): walked too.
    expect(tampered.walk.sort()).toEqual(['plan-a', 'plan-b'])
  })

  it('hands back a chain whose row where two stretches meet was deleted', async () => {
    // Row 9 is the first of the second stretch; each stretch alone is whole without it.
    const cut = await db
      .selectFrom('audit_log')
      .select(['chain', 'chain_seq'])
      .where('seq', '=', 9)
      .executeTakeFirstOrThrow()
    expect(cut.chain_seq).toBeGreaterThan(1)
    await db.deleteFrom('audit_log').where('seq', '=', 9).execute()
    const outcome = await scan(await expected())
    expect(outcome.whole.map((c) => c.chain).sort()).toEqual(
      ['', 'plan-a', 'plan-b'].filter((chain) => chain !== cut.chain),
    )
    expect(outcome.walk).toEqual([cut.chain])
  })
})
