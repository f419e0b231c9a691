/**
 * @module Storage faults as answers a user can act on. A full disk is a 507 `storage-full`; a
 * database or folder that cannot be written (read-only, gone, an I/O error) is a 503
 * `storage-unavailable`. Either way nothing was saved, and the client may retry once an operator
 * has freed space or fixed the mount — which the message says, instead of a generic 500.
 */
import { AppError } from '../errors.ts'

/** SQLite result codes (better-sqlite3 reports extended ones, e.g. `SQLITE_IOERR_WRITE`). */
const SQLITE_FULL = /^SQLITE_FULL/
const SQLITE_UNAVAILABLE = /^SQLITE_(IOERR|READONLY|CANTOPEN)/
/** PostgreSQL SQLSTATEs: 53100 disk_full; 58030 io_error, 25006 read_only_sql_transaction. */
const PG_FULL = new Set(['53100'])
const PG_UNAVAILABLE = new Set(['58030', '25006'])
/** errno codes of file system calls. */
const FS_FULL = new Set(['ENOSPC', 'EDQUOT'])
const FS_UNAVAILABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'EIO'])

/** Which kind of storage fault an error is, if any. */
export function storageFault(error: unknown): 'full' | 'unavailable' | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, syscall } = error as { code?: unknown; syscall?: unknown }
  if (typeof code !== 'string') return undefined
  if (SQLITE_FULL.test(code) || PG_FULL.has(code)) return 'full'
  if (SQLITE_UNAVAILABLE.test(code) || PG_UNAVAILABLE.has(code)) return 'unavailable'
  // Only Node's system errors carry `syscall`: an errno code from anywhere else is not a fault
  // of the disk.
  if (typeof syscall !== 'string') return undefined
  if (FS_FULL.has(code)) return 'full'
  if (FS_UNAVAILABLE.has(code)) return 'unavailable'
  return undefined
}

/**
 * The error to answer for a storage fault, or undefined when `error` is not one.
 *
 * @example
 * const answer = storageError(error)
 * if (answer) return c.json(answer.toJSON(), answer.status)
 */
export function storageError(error: unknown): AppError | undefined {
  const fault = storageFault(error)
  if (fault === 'full') {
    return new AppError(507, 'storage-full', {
      zh: '服务器存储空间已满，本次修改未保存。请联系管理员释放磁盘空间后重试。',
      en: 'The server’s storage is full and this change was not saved. Ask the administrator to free disk space, then try again.',
    })
  }
  if (fault === 'unavailable') {
    return new AppError(503, 'storage-unavailable', {
      zh: '服务器存储暂时无法写入（只读、不可访问或读写错误），本次修改未保存。请联系管理员后重试。',
      en: 'The server’s storage cannot be written (read-only, inaccessible or an I/O error) and this change was not saved. Ask the administrator, then try again.',
    })
  }
  return undefined
}
