/**
 * @module `luoshi admin backup <file>` and `luoshi admin restore <file>`: the SQLite database of a
 * data folder — accounts, plans, the audit log and the attachments' bytes, all in it — copied
 * while the server runs, through SQLite's online backup (a consistent snapshot; writers carry on),
 * and put back with the server stopped.
 *
 * The signed audit checkpoints go with it (`<file>.checkpoints.jsonl`), copied before the
 * snapshot is taken, so every checkpoint in the copy is at or below the heads the snapshot holds
 * and the restored chains verify against it. The audit key does not: it is kept apart from the
 * database on purpose, and a restored folder needs the same key (`LUOSHI_AUDIT_KEY`, or the key
 * file copied by the operator). PostgreSQL is backed up with its own tools (pg_dump /
 * pg_restore: docs/deployment.md). With attachments in an S3-compatible bucket
 * (`LUOSHI_ATTACHMENTS=s3`) the backup holds their rows but not their objects, and says so: the
 * bucket is kept by its own versioning or replication.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { auditCheckpointFile } from '../audit/audit-checkpoint.ts'
import { prepareDataFolder } from '../data-folder.ts'
import { dataFolderOf } from './admin-database.ts'
import { messageOf, positional, refuse } from './cli-args.ts'

export const BACKUP_USAGE = `  luoshi admin backup <file> [--data <folder>]  在线备份 SQLite 数据库（含附件与审计检查点）/ back up the SQLite database online (attachments and audit checkpoints included)
  luoshi admin restore <file> [--data <folder>] [--replace]  停机后恢复备份（--replace 把现有数据库移到一旁）/ restore a backup with the server stopped (--replace moves the current database aside)`

/** The checkpoint copy that travels with a backup file. */
export const checkpointsOf = (file: string): string => `${file}.checkpoints.jsonl`

function refusePostgres(): number | undefined {
  if (!process.env.LUOSHI_DATABASE_URL) return undefined
  return refuse(
    'LUOSHI_DATABASE_URL 指向 PostgreSQL：请用 pg_dump / pg_restore 备份和恢复（见 docs/deployment.md）',
    'LUOSHI_DATABASE_URL points at PostgreSQL: back it up and restore it with pg_dump / pg_restore (see docs/deployment.md)',
  )
}

/** `luoshi admin backup <file> [--data <folder>]`; returns the exit code. */
export async function backupCommand(args: string[]): Promise<number> {
  const [file, ...extra] = positional(args, ['--data'])
  if (!file || extra.length > 0) {
    console.error(`用法 / usage:\n${BACKUP_USAGE}`)
    return 2
  }
  const postgres = refusePostgres()
  if (postgres !== undefined) return postgres
  const dataDir = dataFolderOf(args)
  const database = join(dataDir, 'luoshi.db')
  if (!existsSync(database))
    return refuse(`${dataDir} 中没有数据库 luoshi.db`, `no database luoshi.db in ${dataDir}`)
  if (existsSync(file))
    return refuse(
      `${file} 已存在，未覆盖：请换一个文件名`,
      `${file} exists and was not overwritten: name another file`,
    )
  const checkpoints = auditCheckpointFile(dataDir)
  try {
    // Before the snapshot: checkpoints only ever name heads already committed.
    if (existsSync(checkpoints)) copyFileSync(checkpoints, checkpointsOf(file))
    const source = new SQLite(database, { readonly: true, fileMustExist: true })
    try {
      await source.backup(file)
    } finally {
      source.close()
    }
  } catch (error) {
    rmSync(file, { force: true })
    rmSync(checkpointsOf(file), { force: true })
    return refuse(`备份失败：${messageOf(error)}`, `The backup failed: ${messageOf(error)}`)
  }
  console.log(
    `✓ 已备份到 ${file}${existsSync(checkpointsOf(file)) ? `（审计检查点：${checkpointsOf(file)}）` : ''}；审计密钥请另行保管\n` +
      `  backed up to ${file}${existsSync(checkpointsOf(file)) ? ` (audit checkpoints: ${checkpointsOf(file)})` : ''}; keep the audit key apart`,
  )
  if (process.env.LUOSHI_ATTACHMENTS?.trim() === 's3')
    console.log(
      '  注意：附件对象在 S3 兼容存储中，不在本备份内，请用存储桶的版本控制或复制保管（见 docs/deployment.md）\n' +
        '  note: the attachments’ objects are in the S3-compatible bucket, not in this backup: keep them with the bucket’s versioning or replication (see docs/deployment.md)',
    )
  return 0
}

/** `luoshi admin restore <file> [--data <folder>] [--replace]`; returns the exit code. */
export async function restoreCommand(args: string[]): Promise<number> {
  const [file, ...extra] = positional(args, ['--data'])
  if (!file || extra.length > 0) {
    console.error(`用法 / usage:\n${BACKUP_USAGE}`)
    return 2
  }
  const postgres = refusePostgres()
  if (postgres !== undefined) return postgres
  if (!existsSync(file)) return refuse(`找不到备份文件 ${file}`, `no backup file at ${file}`)
  try {
    const backup = new SQLite(file, { readonly: true, fileMustExist: true })
    try {
      const check = backup.pragma('integrity_check', { simple: true })
      if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`)
      backup.prepare('select seq from audit_head where id = 1').get()
    } finally {
      backup.close()
    }
  } catch (error) {
    return refuse(
      `${file} 不是完好的 luoshi 备份：${messageOf(error)}`,
      `${file} is not a sound luoshi backup: ${messageOf(error)}`,
    )
  }
  const dataDir = dataFolderOf(args)
  try {
    prepareDataFolder(dataDir)
  } catch (error) {
    return refuse(
      `数据目录不可用：${messageOf(error)}`,
      `The data folder cannot be used: ${messageOf(error)}`,
    )
  }
  const database = join(dataDir, 'luoshi.db')
  const checkpoints = auditCheckpointFile(dataDir)
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  if (existsSync(database)) {
    if (!args.includes('--replace'))
      return refuse(
        `${dataDir} 中已有数据库：请先停止服务器，再加 --replace（现有数据库会被移到一旁，不会删除）`,
        `${dataDir} already holds a database: stop the server, then add --replace (the current database is moved aside, not deleted)`,
      )
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(database + suffix))
        renameSync(database + suffix, `${database}.before-restore-${stamp}${suffix}`)
  }
  if (existsSync(checkpoints)) renameSync(checkpoints, `${checkpoints}.before-restore-${stamp}`)
  const part = `${database}.restoring`
  try {
    copyFileSync(file, part)
    renameSync(part, database)
    if (existsSync(checkpointsOf(file))) copyFileSync(checkpointsOf(file), checkpoints)
  } catch (error) {
    rmSync(part, { force: true })
    return refuse(`恢复失败：${messageOf(error)}`, `The restore failed: ${messageOf(error)}`)
  }
  console.log(
    `✓ 已从 ${file} 恢复到 ${database}；启动服务器前请确认审计密钥与备份时相同，可用 luoshi audit verify 校验\n` +
      `  restored ${file} into ${database}; make sure the audit key is the one of the backup, and check with luoshi audit verify`,
  )
  return 0
}
