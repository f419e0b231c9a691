/**
 * @module Verifies the audit chains, each alone: chain '' and every plan's chain, each whole from
 * row 1 to its head and reaching its highest signed checkpoint (audit-chain-walk.ts says what is
 * checked). A full verification first reads the whole log once in its own order
 * (audit-chain-scan.ts, on threads for a large log); every chain that pass cannot call
 * whole is then walked alone through its index, which reports the row and the reason. With
 * `fromCheckpoint`, each chain is walked from its highest signed checkpoint only.
 */
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import { chainOf } from './audit-checkpoint.ts'
import { auditKey } from './audit-key.ts'
import type { ChainExpectation } from './audit-chain-scan.ts'
import { badCheckpointFile, highestCheckpoint, verifyAuditChain } from './audit-chain-walk.ts'
import type { AuditVerification, VerifyOptions } from './audit-chain-walk.ts'
import { scanAuditLog } from './audit-scan-run.ts'

export { verifyAuditChain } from './audit-chain-walk.ts'
export type { AuditVerification, VerifyOptions } from './audit-chain-walk.ts'

/** Chain by chain: what {@link verifyAuditChain} found, with the chain's name. */
export type ChainVerification = AuditVerification & { chain: string }

/** Every chain verified: ok only when each is; the first broken chain's finding on top. */
export type AuditVerifications =
  | { ok: true; rows: number; chains: ChainVerification[] }
  | {
      ok: false
      rows: number
      chain: string
      brokenAt: number
      reason: string
      message: LocalizedText
      chains: ChainVerification[]
    }

export interface VerifyAllOptions extends Omit<VerifyOptions, 'chain'> {
  /** Threads for the pass over a large log (default: the cores, up to 4; 1 = none). */
  workers?: number
}

const WALKS_AT_ONCE = 4

/** The heads as the pass starts: chain '' (with whether it is keyed) and every plan's chain. */
async function readHeads(db: Kysely<Database>) {
  const global = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'keyed'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const plans = await db.selectFrom('audit_chain').select(['chain', 'seq', 'hash']).execute()
  return { global, plans }
}

/** Every chain there is: with a head, with rows, or named by a checkpoint (a chain removed whole). */
async function allChains(db: Kysely<Database>, options: VerifyAllOptions): Promise<string[]> {
  const heads = await db.selectFrom('audit_chain').select('chain').execute()
  // The chains of the log, one index seek each: `select distinct` would read the whole index.
  const { rows: logged } = await sql<{ chain: string }>`
    with recursive named(chain) as (
      select min(chain) from audit_log
      union all
      select (select min(chain) from audit_log where chain > named.chain) from named
      where named.chain is not null
    )
    select chain from named where chain is not null`.execute(db)
  return [
    ...new Set([
      '',
      ...heads.map((head) => head.chain),
      ...logged.map((row) => row.chain),
      ...(options.checkpoints?.checkpoints ?? []).map(chainOf),
    ]),
  ]
}

/** The chains found whole by the pass, as the walk would have reported them; the rest to walk. */
async function fastPass(
  db: Kysely<Database>,
  key: Buffer,
  options: VerifyAllOptions,
): Promise<{ found: ChainVerification[]; walk: string[] }> {
  const checkpoints = options.checkpoints?.checkpoints ?? []
  const { global, plans } = await readHeads(db)
  const heads = new Map<string, { seq: number; hash: string }>(
    plans.map((head) => [head.chain, { seq: head.seq, hash: head.hash }]),
  )
  const walk: string[] = []
  // An unkeyed chain '' is the walk's to explain.
  if (global.keyed === 1) heads.set('', { seq: global.seq, hash: global.hash })
  else walk.push('')
  // A chain named by its checkpoints but without a head lost it, or lost everything: walked.
  for (const chain of new Set(checkpoints.map(chainOf)))
    if (!heads.has(chain) && chain !== '') walk.push(chain)
  const expected: ChainExpectation[] = [...heads].map(([chain, head]) => ({
    chain,
    head,
    checkpoints: checkpoints
      .filter((c) => chainOf(c) === chain)
      .map((c) => ({ seq: c.seq, hash: c.hash })),
  }))
  const outcome = await scanAuditLog(db, key, expected, options.workers)
  const found = outcome.whole.map((whole): ChainVerification => ({
    chain: whole.chain,
    ok: true,
    rows: whole.rows,
    from: 1,
    head: heads.get(whole.chain)!,
    checkpoint: highestCheckpoint(checkpoints, whole.chain),
  }))
  return { found, walk: [...walk, ...outcome.walk] }
}

/**
 * Verifies chain '' and every plan's chain, each alone (a row changed in one plan's chain is
 * reported for that chain only), and finds rows of a chain that has no head.
 */
export async function verifyAuditChains(
  db: Kysely<Database>,
  options: VerifyAllOptions = {},
): Promise<AuditVerifications> {
  const key = options.key ?? auditKey()
  const walkOptions = { ...options, key }
  let chains: ChainVerification[] = []
  let walk: string[]
  if (options.fromCheckpoint || badCheckpointFile(options.checkpoints)) {
    // From checkpoints each chain reads only its tail; a bad checkpoint file is every chain's verdict.
    walk = await allChains(db, options)
  } else {
    const pass = await fastPass(db, key, options)
    chains = pass.found
    walk = pass.walk
  }
  // A few walks at once: on PostgreSQL each waits on its round trips, and the pool has connections.
  const queue = [...new Set(walk)]
  const walker = async () => {
    for (let chain = queue.shift(); chain !== undefined; chain = queue.shift())
      chains.push({ chain, ...(await verifyAuditChain(db, { ...walkOptions, chain })) })
  }
  await Promise.all(Array.from({ length: WALKS_AT_ONCE }, walker))
  chains.sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0))
  const rows = chains.reduce((sum, result) => sum + result.rows, 0)
  const first = chains.find((result) => !result.ok)
  if (!first || first.ok) return { ok: true, rows, chains }
  return {
    ok: false,
    rows,
    chain: first.chain,
    brokenAt: first.brokenAt,
    reason: first.reason,
    message: first.message,
    chains,
  }
}
