/**
 * @module The data folder (`LUOSHI_DATA`) checked before anything opens it: created if missing,
 * then proven writable with a probe file — the database, its WAL and the attachments all live
 * there. A folder that cannot be created or written stops the start with a message that names
 * the folder and says what to do, instead of SQLite's "unable to open database file" later.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

/** A data folder luoshi cannot use; `message` is for the operator (zh, then en). */
export class DataFolderError extends Error {
  readonly folder: string
  readonly reason: 'cannot-create' | 'not-a-folder' | 'read-only'

  constructor(
    folder: string,
    reason: 'cannot-create' | 'not-a-folder' | 'read-only',
    message: string,
  ) {
    super(message)
    this.folder = folder
    this.reason = reason
    this.name = 'DataFolderError'
  }
}

const FIX_ZH =
  '请创建该文件夹并让运行 luoshi 的用户可以写入，或用 LUOSHI_DATA 指向一个可写的文件夹。'
const FIX_EN =
  'Create it and make it writable for the user running luoshi, or set LUOSHI_DATA to a writable folder.'

const describe = (error: unknown) => {
  const { code, message } = error as { code?: string; message?: string }
  return code ?? message ?? String(error)
}

/**
 * Makes sure `folder` exists and can be written, and that the database files in it (if any) can.
 * @throws {DataFolderError} naming the folder, what is wrong and the fix.
 */
export function prepareDataFolder(
  folder: string,
  files: string[] = ['luoshi.db', 'luoshi.db-wal', 'luoshi.db-shm'],
): void {
  try {
    mkdirSync(folder, { recursive: true })
  } catch (error) {
    throw new DataFolderError(
      folder,
      'cannot-create',
      `无法创建数据文件夹 ${folder}（${describe(error)}）。${FIX_ZH}\nCannot create the data folder ${folder} (${describe(error)}). ${FIX_EN}`,
    )
  }
  if (!statSync(folder).isDirectory()) {
    throw new DataFolderError(
      folder,
      'not-a-folder',
      `数据文件夹 ${folder} 不是文件夹。${FIX_ZH}\nThe data folder ${folder} is not a folder. ${FIX_EN}`,
    )
  }
  const probe = join(folder, `.luoshi-write-check-${process.pid}`)
  try {
    // access(W_OK) says yes on a read-only mount for root; only a real write tells.
    writeFileSync(probe, '')
    rmSync(probe)
  } catch (error) {
    throw new DataFolderError(
      folder,
      'read-only',
      `数据文件夹 ${folder} 不可写（${describe(error)}，只读或没有权限）。${FIX_ZH}\nThe data folder ${folder} cannot be written (${describe(error)}: read-only or no permission). ${FIX_EN}`,
    )
  }
  for (const name of files) {
    const file = join(folder, name)
    if (!existsSync(file)) continue
    try {
      accessSync(file, constants.W_OK)
    } catch (error) {
      throw new DataFolderError(
        folder,
        'read-only',
        `数据库文件 ${file} 不可写（${describe(error)}）。请让运行 luoshi 的用户可以写入该文件。\nThe database file ${file} cannot be written (${describe(error)}). Make it writable for the user running luoshi.`,
      )
    }
  }
}
