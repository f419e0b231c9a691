/**
 * @module Keys a chain written before the audit key existed. At start the server checks the
 * unkeyed chain (plain sha256 links, ending at its head) and, only if it is whole, re-hashes every
 * row with the key in one write through the server's group committer; from then on every row must
 * carry the HMAC. A chain that is unkeyed although checkpoints exist was downgraded by someone
 * without the key: refused.
 */
import type { Store } from '../db/group-commit.ts'
import type { CheckpointFile } from './audit-checkpoint.ts'
import { auditHash, GENESIS_HASH, unkeyedAuditHash } from './audit-log.ts'

/**
 * Re-keys an unkeyed chain; does nothing to a keyed one. Returns the number of rows re-keyed.
 * @throws Error (zh / en) when the unkeyed chain is broken or checkpoints say it was keyed before.
 */
export async function keyAuditChain(
  store: Store,
  key: Buffer,
  checkpoints: CheckpointFile,
): Promise<number> {
  return store.writes.run(async (trx) => {
    const head = await trx
      .selectFrom('audit_head')
      .select(['seq', 'hash', 'keyed'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
    if (head.keyed === 1) return 0
    if (checkpoints.checkpoints.length > 0 || checkpoints.badLines.length > 0) {
      throw new Error(
        `审计链未加密钥，但检查点文件 ${checkpoints.file} 表明它曾加过密钥：链被人改写过，拒绝启动 / ` +
          `the audit chain is unkeyed but the checkpoint file ${checkpoints.file} shows it was keyed before: it was rewritten; refusing to start`,
      )
    }
    // Everything written before keying is in chain '' (plans' chains began keyed).
    const rows = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('chain', '=', '')
      .orderBy('chain_seq')
      .execute()
    let prev = GENESIS_HASH
    for (const [index, row] of rows.entries()) {
      if (
        row.chain_seq !== index + 1 ||
        row.prev_hash !== prev ||
        unkeyedAuditHash(prev, row) !== row.hash
      ) {
        throw new Error(
          `升级前的审计链在第 ${index + 1} 条处断开，无法加密钥 / the audit chain from before the upgrade is broken at row ${index + 1}; it cannot be keyed`,
        )
      }
      prev = row.hash
    }
    if (rows.length !== head.seq || prev !== head.hash) {
      throw new Error(
        `升级前的审计链与链头不符（${rows.length} 条，链头 ${head.seq}）/ the audit chain from before the upgrade does not end at its head (${rows.length} rows, head ${head.seq})`,
      )
    }
    prev = GENESIS_HASH
    for (const row of rows) {
      const hash = auditHash(key, prev, row)
      await trx
        .updateTable('audit_log')
        .set({ prev_hash: prev, hash })
        .where('seq', '=', row.seq)
        .execute()
      prev = hash
    }
    await trx.updateTable('audit_head').set({ hash: prev, keyed: 1 }).where('id', '=', 1).execute()
    return rows.length
  })
}
