/**
 * @module Walks one audit chain alone, through its index, in its own order: every row links to the
 * one before and carries the HMAC of its fields under the audit key; the walk ends exactly at the
 * chain's head (rows cut from the end, or a head moved back, are found); and, given the signed
 * checkpoints, the chain reaches its highest one and holds the checkpointed hash at each
 * checkpointed row. It reports the first problem with its row and reason.
 *
 * From a checkpoint (`fromCheckpoint`), the walk starts at the chain's highest signed checkpoint
 * instead of row 1: that row must still be there with the signed hash and its own HMAC, and every
 * row after it is checked as above. It reads only what was written since, so it can run often;
 * what it cannot see — a row before the checkpoint changed — a full verification finds.
 */
import type { Kysely } from 'kysely'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import { chainOf } from './audit-checkpoint.ts'
import type { AuditCheckpoint, CheckpointFile } from './audit-checkpoint.ts'
import {
  CANONICAL_AUDIT_FIELDS,
  canonicalAuditText,
  GENESIS_HASH,
  hasherFor,
} from './audit-hash.ts'
import { auditKey } from './audit-key.ts'

export type AuditVerification =
  | {
      ok: true
      rows: number
      /** The first row checked: 1, or the row of the checkpoint a walk from a checkpoint began at. */
      from: number
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
  /** Start at the chain's highest signed checkpoint instead of row 1 (needs `checkpoints`). */
  fromCheckpoint?: boolean
}

export function broken(rows: number, brokenAt: number, message: LocalizedText): AuditVerification {
  return { ok: false, rows, brokenAt, reason: message.en, message }
}

/** The problem with a checkpoint file as a whole, if any: a line not signed with this key. */
export function badCheckpointFile(file: CheckpointFile | undefined): AuditVerification | null {
  if (!file || file.badLines.length === 0) return null
  return broken(0, 0, {
    zh: `检查点文件 ${file.file} 第 ${file.badLines.join('、')} 行不是用此密钥签名的检查点（被改动，或密钥不对）`,
    en: `line ${file.badLines.join(', ')} of the checkpoint file ${file.file} is not a checkpoint signed with this key (changed, or the wrong key)`,
  })
}

/** The chain's highest checkpoint (the first written, among equals), or null. */
export function highestCheckpoint(
  checkpoints: readonly AuditCheckpoint[],
  chain: string,
): AuditCheckpoint | null {
  let best: AuditCheckpoint | null = null
  for (const checkpoint of checkpoints)
    if (chainOf(checkpoint) === chain && (!best || checkpoint.seq > best.seq)) best = checkpoint
  return best
}

/** A chain's head: chain '''s row, or a plan chain's; none when it has rows but no head. */
async function chainHead(
  db: Kysely<Database>,
  chain: string,
): Promise<{ seq: number; hash: string; keyed: number } | undefined> {
  if (chain === '')
    return db
      .selectFrom('audit_head')
      .select(['seq', 'hash', 'keyed'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
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

/** Walks one chain in order (whole, or from its highest checkpoint) and reports the first problem found. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const hasher = hasherFor(options.key ?? auditKey())
  const chain = options.chain ?? ''
  const file = options.checkpoints
  const badFile = badCheckpointFile(file)
  if (badFile) return badFile
  const head = await chainHead(db, chain)
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
  const highest = highestCheckpoint(file?.checkpoints ?? [], chain)
  const genesis = expectAt.get(0)
  if (genesis && genesis.hash !== GENESIS_HASH)
    return broken(0, 0, {
      zh: '检查点文件属于另一条审计链',
      en: 'the checkpoint file belongs to another audit chain',
    })

  // From a checkpoint: its row is read and checked first, on the signed hash, then the rest.
  const start = options.fromCheckpoint && highest && highest.seq > 0 ? highest : null
  if (start && head.seq < start.seq) {
    return broken(0, head.seq + 1, {
      zh: `审计链只有 ${head.seq} 条，而 ${start.at} 的检查点已有 ${start.seq} 条：末尾的记录被删除`,
      en: `the chain has ${head.seq} rows but the checkpoint of ${start.at} saw ${start.seq}: rows were removed from the end`,
    })
  }
  if (!start) {
    // The walk reads from row 1 on: a row numbered below 1 would be passed over unless looked for.
    const first = await db
      .selectFrom('audit_log')
      .select('chain_seq')
      .where('chain', '=', chain)
      .orderBy('chain_seq')
      .limit(1)
      .executeTakeFirst()
    if (first && first.chain_seq < 1)
      return broken(0, first.chain_seq, {
        zh: `链中有编号为 ${first.chain_seq} 的记录，排在第 1 条之前：它是被插入的`,
        en: `a row numbered ${first.chain_seq} stands before row 1: it was inserted`,
      })
  }
  let prev = GENESIS_HASH
  let expectedSeq = start ? start.seq : 1
  let rows = 0
  const pageSize = 5000
  for (let after = expectedSeq - 1; ;) {
    // Up to the head read first: rows appended while the walk runs come with a newer head.
    const page = await db
      .selectFrom('audit_log')
      .select([...CANONICAL_AUDIT_FIELDS, 'prev_hash', 'hash'])
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
      // The checkpoint's row: its signed hash stands in for the rows before it.
      if (start && row.chain_seq === start.seq) prev = row.prev_hash
      if (row.prev_hash !== prev)
        return broken(rows, row.chain_seq, {
          zh: `第 ${row.chain_seq} 条的 prev_hash 与上一条不符`,
          en: 'prev_hash does not match the previous row',
        })
      // A plain comparison: the verdict itself says whether the hashes match, so timing hides nothing.
      if (hasher.hmac(prev, canonicalAuditText(row)) !== row.hash) {
        return broken(rows, row.chain_seq, {
          zh: `第 ${row.chain_seq} 条在写入后被改动（或用别的密钥重算过）`,
          en: 'the row was changed after it was written (or re-hashed without the key)',
        })
      }
      const checkpoint = start && row.chain_seq === start.seq ? start : expectAt.get(row.chain_seq)
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
  return {
    ok: true,
    rows,
    from: start ? start.seq : 1,
    head: { seq: head.seq, hash: head.hash },
    checkpoint: highest,
  }
}
