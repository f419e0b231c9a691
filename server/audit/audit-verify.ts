/**
 * @module Verifies the audit chain: every row links to the one before and carries the HMAC of
 * its fields under the audit key; the walk ends exactly at the head row (rows cut from the end,
 * or a head moved back, are found); and, given the signed checkpoints, the chain reaches the
 * highest one and holds the checkpointed hash at each checkpointed row.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import { auditKey } from './audit-key.ts'
import { auditHash, GENESIS_HASH } from './audit-log.ts'
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
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

function broken(rows: number, brokenAt: number, message: LocalizedText): AuditVerification {
  return { ok: false, rows, brokenAt, reason: message.en, message }
}

/** Walks the whole chain in order and reports the first problem found. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const key = options.key ?? auditKey()
  const file = options.checkpoints
  if (file && file.badLines.length > 0) {
    return broken(0, 0, {
      zh: `检查点文件 ${file.file} 第 ${file.badLines.join('、')} 行不是用此密钥签名的检查点（被改动，或密钥不对）`,
      en: `line ${file.badLines.join(', ')} of the checkpoint file ${file.file} is not a checkpoint signed with this key (changed, or the wrong key)`,
    })
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash', 'keyed'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  if (head.keyed !== 1) {
    return broken(0, 0, {
      zh: '审计链尚未加密钥（升级前的链）：启动一次服务器即可校验并加密钥',
      en: 'the audit chain is not keyed yet (written before the upgrade): start the server once to check and key it',
    })
  }
  const expectAt = new Map<number, AuditCheckpoint>()
  for (const checkpoint of file?.checkpoints ?? []) expectAt.set(checkpoint.seq, checkpoint)
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
      .where('seq', '>', after)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const row of page) {
      rows++
      if (row.seq !== expectedSeq)
        return broken(rows, expectedSeq, {
          zh: `缺少第 ${expectedSeq} 条记录`,
          en: `row ${expectedSeq} is missing`,
        })
      if (row.prev_hash !== prev)
        return broken(rows, row.seq, {
          zh: `第 ${row.seq} 条的 prev_hash 与上一条不符`,
          en: 'prev_hash does not match the previous row',
        })
      if (!same(auditHash(key, prev, row), row.hash)) {
        return broken(rows, row.seq, {
          zh: `第 ${row.seq} 条在写入后被改动（或用别的密钥重算过）`,
          en: 'the row was changed after it was written (or re-hashed without the key)',
        })
      }
      const checkpoint = expectAt.get(row.seq)
      if (checkpoint && checkpoint.hash !== row.hash) {
        return broken(rows, row.seq, {
          zh: `第 ${row.seq} 条与 ${checkpoint.at} 的检查点不符`,
          en: `row ${row.seq} differs from the checkpoint of ${checkpoint.at}`,
        })
      }
      prev = row.hash
      expectedSeq++
    }
    if (page.length < pageSize) break
    after = page.at(-1)!.seq
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
