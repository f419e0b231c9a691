/**
 * @module `luoshi audit verify --data <folder>`: checks every audit chain (one per plan, one for
 * the rest) offline, from the data
 * folder alone — the database opened read-only, the key from `LUOSHI_AUDIT_KEY` or the key file,
 * the signed checkpoints from their file. Exits 0 when the chain is whole and reaches its newest
 * checkpoint, 1 when it is not (or something needed is missing), 2 on a usage error. With
 * `--from-checkpoint` each chain is checked from its newest signed checkpoint on: quick enough to
 * run often; the full run (without it) is the one that also finds a change before a checkpoint.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { auditCheckpointFile, readCheckpoints } from '../audit/audit-checkpoint.ts'
import { loadAuditKey } from '../audit/audit-key.ts'
import { verifyAuditChains } from '../audit/audit-verify.ts'
import type { AuditVerifications } from '../audit/audit-verify.ts'
import type { Database } from '../db/database.ts'

export const AUDIT_USAGE =
  '  luoshi audit verify --data <folder> [--from-checkpoint] [--json]  离线校验审计链（全量，或自最新检查点起）/ verify the audit chains offline (whole, or from the newest checkpoints)'

/** The value after a flag (`--data x`) or in it (`--data=x`). */
function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index >= 0) return args[index + 1]
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1)
}

function fail(json: boolean, zh: string, en: string): number {
  if (json) console.log(JSON.stringify({ ok: false, message: { zh, en } }))
  else console.error(`✗ ${zh}\n  ${en}`)
  return 1
}

async function openDatabase(dataDir: string): Promise<Kysely<Database>> {
  const url = process.env.LUOSHI_DATABASE_URL
  if (url) {
    const { createDb } = await import('../db/create-db.ts')
    return createDb({ kind: 'postgres', url })
  }
  // Read-only: verifying must never change what it verifies.
  const connection = new SQLite(join(dataDir, 'luoshi.db'), { readonly: true, fileMustExist: true })
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) })
}

/** Runs `luoshi audit <sub-command> …`; returns the exit code. */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args
  const json = rest.includes('--json')
  const fromCheckpoint = rest.includes('--from-checkpoint')
  const data = flag(rest, '--data')
  if (sub !== 'verify' || !data) {
    console.error(`用法 / usage:\n${AUDIT_USAGE}`)
    return 2
  }
  const dataDir = resolve(data)
  if (!process.env.LUOSHI_DATABASE_URL && !existsSync(join(dataDir, 'luoshi.db'))) {
    return fail(json, `${dataDir} 中没有数据库 luoshi.db`, `no database luoshi.db in ${dataDir}`)
  }
  let key: Buffer
  try {
    key = loadAuditKey({ dataDir }).key
  } catch (error) {
    const [zh, en] = (error instanceof Error ? error.message : String(error)).split(' / ')
    return fail(json, zh ?? '', en ?? zh ?? '')
  }
  const file = auditCheckpointFile(dataDir)
  if (!existsSync(file)) {
    return fail(
      json,
      `找不到检查点文件 ${file}：无法确认链尾未被截断`,
      `no checkpoint file at ${file}: a cut tail cannot be ruled out`,
    )
  }
  const db = await openDatabase(dataDir)
  let result: AuditVerifications
  try {
    result = await verifyAuditChains(db, {
      key,
      checkpoints: readCheckpoints(file, key),
      fromCheckpoint,
    })
  } finally {
    await db.destroy()
  }
  if (json) {
    console.log(JSON.stringify(result, null, 2))
    return result.ok ? 0 : 1
  }
  const named = (chain: string) => (chain === '' ? '' : `（计划 ${chain}）`)
  const namedEn = (chain: string) => (chain === '' ? '' : ` of plan ${chain}`)
  let failed = 0
  for (const chain of result.chains) {
    if (!chain.ok) {
      failed++
      fail(
        false,
        `审计链${named(chain.chain)}校验失败：${chain.message.zh}`,
        `audit chain${namedEn(chain.chain)} verification failed: ${chain.message.en}`,
      )
    }
  }
  if (failed > 0) return 1
  const global = result.chains.find((chain) => chain.chain === '')
  const checkpoint = global?.ok ? global.checkpoint : null
  const chains = result.chains.length
  if (fromCheckpoint) {
    console.log(
      `✓ 自最新检查点起，${chains} 条链的 ${result.rows} 条记录完整，各与其链头一致（检查点之前的记录未校验：全量校验请去掉 --from-checkpoint）\n` +
        `  from the newest checkpoints on, ${result.rows} rows in ${chains} ${chains === 1 ? 'chain' : 'chains'} are intact, each ending at its head (rows before the checkpoints were not checked: drop --from-checkpoint to verify everything)`,
    )
    return 0
  }
  console.log(
    `✓ 审计链完整：${result.rows} 条记录，分属 ${chains} 条链（每个计划一条，其余一条），各与其链头一致` +
      (checkpoint ? `，覆盖 ${checkpoint.at} 的检查点（第 ${checkpoint.seq} 条）` : '') +
      '\n' +
      `  the audit chains are intact: ${result.rows} rows in ${chains} ${chains === 1 ? 'chain' : 'chains'} (one for each plan, one for the rest), each ending at its head` +
      (checkpoint ? `, reaching the checkpoint of ${checkpoint.at} (row ${checkpoint.seq})` : ''),
  )
  return 0
}
