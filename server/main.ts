/**
 * @module `npm start`: opens (and migrates) the database, loads the demo on first start (saying
 * what it is doing: bootstrap/progress.ts), serves the API on 127.0.0.1:8787 and runs the timer
 * scheduler.
 *
 * Environment: `PORT` (8787), `HOST` (127.0.0.1), `LUOSHI_DATA` (./data, the SQLite folder),
 * `LUOSHI_DATABASE_URL` (postgres://… to use PostgreSQL instead; `LUOSHI_PG_POOL_SIZE` and
 * `LUOSHI_PG_STATEMENT_TIMEOUT_MS`, see db/create-db.ts), `LUOSHI_NOW` (an ISO instant:
 * run the clock from there, to replay a past plan), `LUOSHI_DEMO=0` (skip the demo),
 * `LUOSHI_SHUTDOWN_MS` (10000: how long SIGTERM/SIGINT wait for requests in flight),
 * `LUOSHI_TRUST_PROXY` and `LUOSHI_SESSION_IDLE_MINUTES` (see http/security-options.ts),
 * `LUOSHI_OIDC_*` (single sign-on; see auth/oidc-options.ts),
 * `LUOSHI_AUDIT_KEY` / `LUOSHI_AUDIT_KEY_FILE`, `LUOSHI_AUDIT_CHECKPOINT_FILE` and
 * `LUOSHI_AUDIT_CHECKPOINT_MINUTES` (see audit/), `LUOSHI_SMTP_*` and `LUOSHI_PUBLIC_URL` (delivery of
 * notifications; see notifications/), `LUOSHI_ATTACHMENTS` and `LUOSHI_S3_*` (where attachments
 * are kept; see attachments/s3-options.ts).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.ts'
import { prepareDataFolder } from './data-folder.ts'
import { openAttachmentStore } from './attachments/attachment-stores.ts'
import { attachmentsFromEnv } from './attachments/s3-options.ts'
import { importAttachmentFiles } from './attachments/import-files.ts'
import {
  auditCheckpointFile,
  readCheckpoints,
  startAuditCheckpointer,
} from './audit/audit-checkpoint.ts'
import { installAuditKey, loadAuditKey } from './audit/audit-key.ts'
import { keyAuditChain } from './audit/audit-upgrade.ts'
import { DEMO_PASSWORD, seedDemo } from './bootstrap/seed-demo.ts'
import { terminalProgress } from './bootstrap/progress.ts'
import { systemClock } from './clock.ts'
import type { Clock } from './clock.ts'
import { createDb } from './db/create-db.ts'
import type { DatabaseConfig } from './db/create-db.ts'
import { withStartupLock } from './db/startup-lock.ts'
import { GroupCommitter } from './db/group-commit.ts'
import { migrateToLatest } from './db/migrate.ts'
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './db/checkpointer.ts'
import { listen } from './http/listen.ts'
import { DEFAULT_DRAIN_MS, stopServer } from './shutdown.ts'
import { securityFromEnv } from './http/security-options.ts'
import { oidcFromEnv } from './auth/oidc-options.ts'
import { startScheduler } from './timers/scheduler.ts'
import { startDeliveryWorker } from './notifications/delivery-worker.ts'
import { smtpFromEnv } from './notifications/channels/email.ts'
import { hasActiveAdmin } from './users/user-admin.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** A clock that runs from `LUOSHI_NOW` at real speed. */
function clockFromEnv(): Clock {
  const start = process.env.LUOSHI_NOW
  if (!start) return systemClock
  const offset = new Date(start).getTime() - Date.now()
  if (Number.isNaN(offset)) throw new Error(`LUOSHI_NOW is not an instant: ${start}`)
  return { now: () => new Date(Date.now() + offset) }
}

/** Minutes between audit checkpoints (`LUOSHI_AUDIT_CHECKPOINT_MINUTES`, default 5). */
function auditCheckpointMinutes(): number {
  const minutes = Number(process.env.LUOSHI_AUDIT_CHECKPOINT_MINUTES ?? 5)
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new Error(
      `LUOSHI_AUDIT_CHECKPOINT_MINUTES must be a positive number: ${process.env.LUOSHI_AUDIT_CHECKPOINT_MINUTES}`,
    )
  return minutes
}

export async function main(): Promise<void> {
  const clock = clockFromEnv()
  const security = securityFromEnv()
  const oidc = oidcFromEnv()
  const attachmentsConfig = attachmentsFromEnv()
  const dataDir = resolve(process.env.LUOSHI_DATA ?? join(ROOT, 'data'))
  prepareDataFolder(dataDir)
  const url = process.env.LUOSHI_DATABASE_URL
  const file = join(dataDir, 'luoshi.db')
  const config: DatabaseConfig = url
    ? { kind: 'postgres', url }
    : { kind: 'sqlite', file, autoCheckpointPages: FALLBACK_AUTOCHECKPOINT_PAGES }
  // Before the database: a bucket that does not answer stops the start with the variable to fix.
  const attachments = await openAttachmentStore(attachmentsConfig)
  const db = await createDb(config)
  const progress = terminalProgress()
  // The audit key lives outside the database; a chain from before keying is checked and re-keyed.
  const { key: auditKey } = loadAuditKey({ dataDir, create: true })
  installAuditKey(auditKey)
  const checkpointFile = auditCheckpointFile(dataDir)
  // One committer for every write: keying the audit chain and the demo seeding now, then requests
  // and the timer scheduler.
  const writes = new GroupCommitter(db)
  const files = join(dataDir, 'attachments')
  // Processes starting together on one database prepare it one after another (db/startup-lock.ts).
  const accounts = await withStartupLock(config, db, async () => {
    progress.step('迁移数据库 / migrating the database')
    await migrateToLatest(db)
    progress.done(`数据库就绪 / database ready: ${url ? 'PostgreSQL' : file}`)
    const rekeyed = await keyAuditChain(
      { db, writes },
      auditKey,
      readCheckpoints(checkpointFile, auditKey),
    )
    if (rekeyed > 0) console.log(`审计链已加密钥 / keyed the audit chain: ${rekeyed} rows`)
    const moved = await importAttachmentFiles({ db, writes }, attachments, files)
    if (moved.imported + moved.removed > 0)
      console.log(
        `附件已移入数据库 / attachments moved into the database: ${moved.imported}, ${moved.removed} file(s) without a row removed`,
      )
    return process.env.LUOSHI_DEMO === '0'
      ? []
      : await seedDemo({ db, writes }, clock, join(ROOT, 'policies'), progress)
  })
  const reads = url
    ? db
    : await createDb({ kind: 'sqlite', file, autoCheckpointPages: FALLBACK_AUTOCHECKPOINT_PAGES })
  const stopCheckpointer = url ? async () => undefined : startCheckpointer(file)
  const webRoot = join(ROOT, 'dist', 'web')
  if (!existsSync(join(webRoot, 'index.html')))
    console.warn(
      'dist/web is missing: run `npm run build` to serve the web app (npm start does it)',
    )
  const app = createApp(
    {
      db,
      reads,
      clock,
      writes,
      files,
      attachments,
      security,
      auditCheckpointFile: checkpointFile,
      ...(oidc ? { oidc } : {}),
    },
    { webRoot },
  )
  const stopScheduler = startScheduler({ db, writes }, clock)
  const stopDelivery = startDeliveryWorker({ db, writes }, clock, {
    smtp: smtpFromEnv(),
    publicUrl: process.env.LUOSHI_PUBLIC_URL,
  })
  // Wall time, not LUOSHI_NOW: a checkpoint records when it was really taken.
  const stopAuditCheckpoints = startAuditCheckpointer(
    reads,
    auditKey,
    checkpointFile,
    systemClock,
    auditCheckpointMinutes() * 60_000,
  )
  const port = Number(process.env.PORT ?? 8787)
  const hostname = process.env.HOST ?? '127.0.0.1'
  const { requests, address } = listen(app.fetch, { port, hostname })
  const info = await address
  let stopping = false
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return console.log(`luoshi: ${signal} again — already stopping`)
    stopping = true
    // The last checkpoint is taken after the queued writes committed, before the database closes.
    const stopBackground = async () => {
      await stopScheduler()
      await stopDelivery()
      await stopAuditCheckpoints()
    }
    const drainMs = Number(process.env.LUOSHI_SHUTDOWN_MS ?? DEFAULT_DRAIN_MS)
    await stopServer(
      { requests, writes, stopScheduler: stopBackground, db, reads, stopCheckpointer },
      { drainMs },
    )
    process.exit(0)
  }
  // A signal listener cannot wait: shutdown ends the process itself, and a failure in it is an
  // unhandled rejection, which ends the process too.
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  // Before the start line, which whoever waits for the server reads as "ready".
  if (process.env.LUOSHI_DEMO === '0' && !(await hasActiveAdmin(reads))) {
    const data = url ? 'LUOSHI_DATABASE_URL=… ' : ''
    console.log(
      `尚无系统管理员，请先创建 / no administrator yet — create the first one:\n  ${data}npx luoshi admin create <username> --data ${dataDir}`,
    )
  }
  if (attachmentsConfig.kind === 's3')
    console.log(
      `附件存于 S3 兼容存储 / attachments are kept in the S3-compatible store: ${attachmentsConfig.s3.endpoint.origin}, bucket ${attachmentsConfig.s3.bucket}`,
    )
  // Announced only once the signals are handled: whoever waits for this line may stop the server
  // at once, and a SIGTERM before the handlers exist would kill it without draining.
  console.log(
    `luoshi 已启动 / started: http://${hostname}:${info.port}  (data: ${url ? 'PostgreSQL' : file})`,
  )
  if (accounts.length) {
    console.log(
      `登录 / log in: open http://${hostname}:${info.port} as admin, author or <region>.<unit-id> such as pingnan.county-finance-bureau — password ${DEMO_PASSWORD} (${accounts.length} demo accounts; see README)`,
    )
  }
}

if (import.meta.main) {
  main().catch((error) => {
    // The message says what is wrong and what to do; a stack trace would only bury it.
    console.error(
      `luoshi 无法启动 / cannot start:\n${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
}
