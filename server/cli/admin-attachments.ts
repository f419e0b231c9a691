/**
 * @module `luoshi admin attachments [--remove] [--min-age-minutes <n>] [--data <folder>]`: with
 * attachments in an S3-compatible bucket (`LUOSHI_ATTACHMENTS=s3`), lists the objects no
 * attachment row names — left by uploads refused after their object went up — and, with
 * `--remove`, deletes them; and reports rows whose object is missing (a bucket and a database
 * restored to different points), exiting 1 then. Objects younger than the grace period (an hour)
 * are left alone: their row may be about to commit. The database store needs no sweep: a file's
 * bytes commit with its row.
 */
import { openAttachmentStore } from '../attachments/attachment-stores.ts'
import { checkAttachmentObjects, DEFAULT_GRACE_MS } from '../attachments/orphans.ts'
import { attachmentsFromEnv } from '../attachments/s3-options.ts'
import { S3AttachmentStore } from '../attachments/s3-store.ts'
import { dataFolderOf, openAdminDatabase } from './admin-database.ts'
import { flag, messageOf, positional, refuse } from './cli-args.ts'

export const ATTACHMENTS_USAGE = `  luoshi admin attachments [--remove] [--min-age-minutes <n>] [--data <folder>]  列出（--remove 则删除）对象存储中无记录的附件对象 / list (with --remove, delete) objects in the attachment bucket that no row names`

/** `luoshi admin attachments …`; returns the exit code. */
export async function attachmentsCommand(args: string[]): Promise<number> {
  if (positional(args, ['--data', '--min-age-minutes']).length > 0) {
    console.error(`用法 / usage:\n${ATTACHMENTS_USAGE}`)
    return 2
  }
  const minutesText = flag(args, '--min-age-minutes')
  const minutes = minutesText === undefined ? DEFAULT_GRACE_MS / 60_000 : Number(minutesText)
  if (!Number.isFinite(minutes) || minutes < 0)
    return refuse(
      `--min-age-minutes 须为不小于 0 的数：${minutesText}`,
      `--min-age-minutes must be a number of at least 0: ${minutesText}`,
    )
  let store
  try {
    store = await openAttachmentStore(attachmentsFromEnv())
  } catch (error) {
    return refuse(
      `附件存储设置有误：${messageOf(error)}`,
      `The attachment store: ${messageOf(error)}`,
    )
  }
  if (!(store instanceof S3AttachmentStore)) {
    console.log(
      '附件存于数据库，与其记录在同一事务中写入，没有需要清理的对象 / attachments are kept in the database, written in their row’s transaction: nothing to sweep',
    )
    return 0
  }
  const remove = args.includes('--remove')
  let opened: Awaited<ReturnType<typeof openAdminDatabase>> | undefined
  try {
    opened = await openAdminDatabase(dataFolderOf(args))
    const found = await checkAttachmentObjects(opened.db, store, {
      now: new Date(),
      graceMs: minutes * 60_000,
      remove,
    })
    for (const orphan of found.orphans)
      console.log(`${orphan.key}\t${orphan.size}\t${orphan.lastModified.toISOString()}`)
    const bytes = found.orphans.reduce((sum, orphan) => sum + orphan.size, 0)
    console.log(
      remove
        ? `✓ 已删除 ${found.orphans.length} 个无记录的对象（${bytes} 字节）/ removed ${found.orphans.length} object(s) without a row (${bytes} bytes)`
        : `无记录的对象 ${found.orphans.length} 个（${bytes} 字节）；加 --remove 删除 / ${found.orphans.length} object(s) without a row (${bytes} bytes); add --remove to delete them`,
    )
    if (found.young > 0)
      console.log(
        `另有 ${found.young} 个对象不足 ${minutes} 分钟，可能正在上传，未计入 / ${found.young} younger than ${minutes} minutes left alone (their upload may be under way)`,
      )
    if (found.missing.length === 0) return 0
    return refuse(
      `${found.missing.length} 条附件记录在存储桶中找不到对象（${found.missing.slice(0, 5).join('、')}）：存储桶与数据库可能恢复到了不同时点，请从存储桶的版本或复制中找回`,
      `${found.missing.length} attachment row(s) have no object in the bucket (${found.missing.slice(0, 5).join(', ')}): the bucket and the database may have been restored to different points; recover them from the bucket's versions or replica`,
    )
  } catch (error) {
    return refuse(`检查失败：${messageOf(error)}`, `The check failed: ${messageOf(error)}`)
  } finally {
    await opened?.close()
  }
}
