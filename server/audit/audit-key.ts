/**
 * @module The audit chain's key. Every row's hash is an HMAC-SHA256 under a key kept outside the
 * database, so whoever can write the database (and recompute sha256) still cannot forge a chain
 * that verifies. The key comes from `LUOSHI_AUDIT_KEY`, or from a key file — by default
 * `<data>/audit.key`, created with mode 0600 at first start; `LUOSHI_AUDIT_KEY_FILE` moves it.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/** The key, and where it came from (for messages; never the key itself). */
export interface AuditKey {
  key: Buffer
  source: string
}

/** Where the key file is for a data folder (`LUOSHI_AUDIT_KEY_FILE` wins). */
export function auditKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LUOSHI_AUDIT_KEY_FILE || join(dataDir, 'audit.key'))
}

/** A key given as text: 64 hex digits are 32 bytes; anything else of 32+ characters is its UTF-8. */
function parseKey(text: string, source: string): Buffer {
  const trimmed = text.trim()
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex')
  if (trimmed.length >= 32) return Buffer.from(trimmed, 'utf8')
  throw new Error(
    `审计密钥太短（${source}）：至少 32 个字符 / the audit key in ${source} is too short: use at least 32 characters (or 64 hex digits)`,
  )
}

/**
 * Loads the audit key: `LUOSHI_AUDIT_KEY`, else the key file. With `create`, a missing key file is
 * made (32 random bytes as hex, mode 0600); without it (offline verification) a missing key is
 * an error.
 * @throws Error naming the file or variable when there is no usable key.
 */
export function loadAuditKey(options: {
  dataDir: string
  env?: NodeJS.ProcessEnv
  create?: boolean
}): AuditKey {
  const env = options.env ?? process.env
  if (env.LUOSHI_AUDIT_KEY)
    return { key: parseKey(env.LUOSHI_AUDIT_KEY, 'LUOSHI_AUDIT_KEY'), source: 'LUOSHI_AUDIT_KEY' }
  const file = auditKeyFile(options.dataDir, env)
  if (!existsSync(file)) {
    if (!options.create)
      throw new Error(
        `找不到审计密钥 ${file}（或设置 LUOSHI_AUDIT_KEY）/ no audit key at ${file} (or set LUOSHI_AUDIT_KEY)`,
      )
    mkdirSync(dirname(file), { recursive: true })
    try {
      // 'wx': never overwrite a key another process has just written.
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    console.warn(
      `审计密钥文件可被他人读取，请 chmod 600 / the audit key file ${file} is readable by group or others: chmod 600 it`,
    )
  }
  return { key: parseKey(readFileSync(file, 'utf8'), file), source: file }
}

let installed: Buffer | undefined

/** Sets the key every append in this process signs with (the server does it once at start). */
export function installAuditKey(key: Buffer): void {
  installed = key
}

/**
 * The key appends sign with: the installed one, else `LUOSHI_AUDIT_KEY`.
 * @throws Error when neither is there: an audit row is never written unkeyed.
 */
export function auditKey(): Buffer {
  if (installed) return installed
  if (process.env.LUOSHI_AUDIT_KEY)
    return (installed = parseKey(process.env.LUOSHI_AUDIT_KEY, 'LUOSHI_AUDIT_KEY'))
  throw new Error(
    'no audit key is loaded: the server loads it at start (installAuditKey / LUOSHI_AUDIT_KEY)',
  )
}
