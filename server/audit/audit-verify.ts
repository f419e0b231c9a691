/**
 * @module Verifies the audit chains, each alone: every row links to the one before in its chain
 * and carries the HMAC of its fields under the audit key; the walk ends exactly at the chain's
 * head (rows cut from the end, or a head moved back, are found); and, given the signed
 * checkpoints, the chain reaches its highest one and holds the checkpointed hash at each
 * checkpointed row. {@link verifyAuditChains} does this for chain '' and every plan's chain.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import { auditKey } from './audit-key.ts'
import { auditHash, GENESIS_HASH } from './audit-log.ts'
import { chainOf } from './audit-checkpoint.ts'
import type { AuditCheckpoint, CheckpointFile } from './audit-checkpoint.ts'

export type AuditVerification =
  | {
      ok: true
      rows: number
      head: { seq: number; hash: string }
      checkpoint: AuditCheckpoint | null
    }
  | { ok: false; rows: number; brokenAt: number; reason: string; message: LocalizedText }

export interface VerifyOptions {
  /** The audit key (default: the one this process appends with). */
  key?: Buffer
  /** The checkpoint file's contents; without it only the chain and its head are checked. */
  checkpoints?: CheckpointFile
  /** The chain to walk: a plan id, or '' (the default) for the chain of what is of no one plan. */
  chain?: string
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

function broken(rows: number, brokenAt: number, message: LocalizedText): AuditVerification {
  return { ok: false, rows, brokenAt, reason: message.en, message }
}

/** A plan chain's head; none when it has rows but no head (seq 0 when it has neither). */
async function planChainHead(
  db: Kysely<Database>,
  chain: string,
): Promise<{ seq: number; hash: string; keyed: number } | undefined> {
  const head = await db
    .selectFrom('audit_chain')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .executeTakeFirst()
  if (head) return { ...head, keyed: 1 }
  const row = await db
    .selectFrom('audit_log')
    .select('chain_seq')
    .where('chain', '=', chain)
    .executeTakeFirst()
  return row ? undefined : { seq: 0, hash: GENESIS_HASH, keyed: 1 }
}

/** Walks one whole chain in order and reports the first problem found. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const key = options.key ?? auditKey()
  const chain = options.chain ?? ''
  const file = options.checkpoints
  if (file && file.badLines.length > 0) {
    return broken(0, 0, {
      zh: `检查点文件 ${file.file} 第 ${file.badLines.join('、')} 行不是用此密钥签名的检查点（被改动，或密钥不对）`,
      en: `line ${file.badLines.join(', ')} of the checkpoint file ${file.file} is not a checkpoint signed with this key (changed, or the wrong key)`,
    })
  }
  const head =
    chain === ''
      ? await db
          .selectFrom('audit_head')
          .select(['seq', 'hash', 'keyed'])
          .where('id', '=', 1)
          .executeTakeFirstOrThrow()
      : await planChainHead(db, chain)
  if (!head)
    return broken(0, 1, {
      zh: `计划 ${chain} 的审计链有记录却没有链头：链头被删除`,
      en: `the audit chain of plan ${chain} has rows but no head: its head was removed`,
    })
  if (head.keyed !== 1) {
    return broken(0, 0, {
      zh: '审计链尚未加密钥（升级前的链）：启动一次服务器即可校验并加密钥',
      en: 'the audit chain is not keyed yet (written before the upgrade): start the server once to check and key it',
    })
  }
  const expectAt = new Map<number, AuditCheckpoint>()
  for (const checkpoint of file?.checkpoints ?? [])
    if (chainOf(checkpoint) === chain) expectAt.set(checkpoint.seq, checkpoint)
  const highest = [...expectAt.values()].reduce<AuditCheckpoint | null>(
    (best, next) => (!best || next.seq > best.seq ? next : best),
    null,
  )
  const genesis = expectAt.get(0)
  if (genesis && genesis.hash !== GENESIS_HASH)
    return broken(0, 0, {
      zh: '检查点文件属于另一条审计链',
      en: 'the checkpoint file belongs to another audit chain',
    })

  let prev = GENESIS_HASH
  let expectedSeq = 1
  let rows = 0
  const pageSize = 5000
  for (let after = 0; ;) {
    // Up to the head read first: rows appended while the walk runs come with a newer head.
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', chain)
      .where('chain_seq', '>', after)
      .where('chain_seq', '<=', head.seq)
      .orderBy('chain_seq')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      rows++
      if (row.chain_seq !== expectedSeq)
        return broken(rows, expectedSeq, {
          zh: `缺少第 ${expectedSeq} 条记录`,
          en: `row ${expectedSeq} is missing`,
        })
      if (row.prev_hash !== prev)
        return broken(rows, row.chain_seq, {
          zh: `第 ${row.chain_seq} 条的 prev_hash 与上一条不符`,
          en: 'prev_hash does not match the previous row',
        })
      if (!same(auditHash(key, prev, row), row.hash)) {
        return broken(rows, row.chain_seq, {
          zh: `第 ${row.chain_seq} 条在写入后被改动（或用别的密钥重算过）`,
          en: 'the row was changed after it was written (or re-hashed without the key)',
        })
      }
      const checkpoint = expectAt.get(row.chain_seq)
      if (checkpoint && checkpoint.hash !== row.hash) {
        return broken(rows, row.chain_seq, {
          zh: `第 ${row.chain_seq} 条与 ${checkpoint.at} 的检查点不符`,
          en: `row ${row.chain_seq} differs from the checkpoint of ${checkpoint.at}`,
        })
      }
      prev = row.hash
      expectedSeq++
    }
    if (page.length < pageSize) break
    after = page.at(-1)!.chain_seq
  }
  const last = expectedSeq - 1
  if (last < head.seq) {
    return broken(rows, last + 1, {
      zh: `记录止于第 ${last} 条，而链头为第 ${head.seq} 条：末尾的记录被删除`,
      en: `the log ends at row ${last} but its head says ${head.seq}: rows were removed from the end`,
    })
  }
  if (prev !== head.hash)
    return broken(rows, head.seq, {
      zh: `链头与第 ${head.seq} 条记录的哈希不符`,
      en: `the head's hash does not match row ${head.seq}`,
    })
  if (highest && highest.seq > last) {
    return broken(rows, last + 1, {
      zh: `审计链只有 ${last} 条，而 ${highest.at} 的检查点已有 ${highest.seq} 条：末尾的记录被删除`,
      en: `the chain has ${last} rows but the checkpoint of ${highest.at} saw ${highest.seq}: rows were removed from the end`,
    })
  }
  return { ok: true, rows, head: { seq: head.seq, hash: head.hash }, checkpoint: highest }
}

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

/**
 * Verifies chain '' and every plan's chain, each alone (a row changed in one plan's chain is
 * reported for that chain only), and finds rows of a chain that has no head.
 */
export async function verifyAuditChains(
  db: Kysely<Database>,
  options: Omit<VerifyOptions, 'chain'> = {},
): Promise<AuditVerifications> {
  const heads = await db.selectFrom('audit_chain').select('chain').orderBy('chain').execute()
  const logged = await db.selectFrom('audit_log').select('chain').distinct().execute()
  const names = new Set([
    '',
    ...heads.map((head) => head.chain),
    ...logged.map((row) => row.chain),
    // A chain removed whole (head and rows) is still named by its checkpoints.
    ...(options.checkpoints?.checkpoints ?? []).map(chainOf),
  ])
  const chains: ChainVerification[] = []
  for (const chain of [...names].sort())
    chains.push({ chain, ...(await verifyAuditChain(db, { ...options, chain })) })
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
