/**
 * @module Signed checkpoints of the audit chain's head, appended to a file the database
 * connection cannot touch (by default `<data>/audit-checkpoints.jsonl`; `LUOSHI_AUDIT_CHECKPOINT_FILE`
 * moves it). Each line is `{ seq, hash, at, mac }`, the MAC an HMAC-SHA256 under the audit key.
 * Verification holds the chain to every checkpoint: a chain cut shorter than one, or a row at a
 * checkpointed position that changed, fails even if the chain is consistent with itself.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'

export interface AuditCheckpoint {
  seq: number
  hash: string
  at: string
}

/** The checkpoints read from a file: those whose signature holds, and the lines that did not. */
export interface CheckpointFile {
  file: string
  checkpoints: AuditCheckpoint[]
  /** 1-based line numbers that are not a checkpoint signed with this key. */
  badLines: number[]
}

/** Where the checkpoint file is for a data folder (`LUOSHI_AUDIT_CHECKPOINT_FILE` wins). */
export function auditCheckpointFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LUOSHI_AUDIT_CHECKPOINT_FILE || join(dataDir, 'audit-checkpoints.jsonl'))
}

function mac(key: Buffer, checkpoint: AuditCheckpoint): string {
  return createHmac('sha256', key)
    .update(`luoshi-audit-checkpoint\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.at}`)
    .digest('hex')
}

/** Reads and checks every line; a missing file has no checkpoints. */
export function readCheckpoints(file: string, key: Buffer): CheckpointFile {
  const result: CheckpointFile = { file, checkpoints: [], badLines: [] }
  if (!existsSync(file)) return result
  const lines = readFileSync(file, 'utf8').split('\n')
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue
    try {
      const parsed = JSON.parse(line) as AuditCheckpoint & { mac: string }
      const checkpoint = { seq: parsed.seq, hash: parsed.hash, at: parsed.at }
      const expected = Buffer.from(mac(key, checkpoint), 'hex')
      const given = Buffer.from(String(parsed.mac), 'hex')
      if (
        !Number.isInteger(checkpoint.seq) ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      )
        throw new Error('bad signature')
      result.checkpoints.push(checkpoint)
    } catch {
      result.badLines.push(index + 1)
    }
  }
  return result
}

/** Appends one signed checkpoint and syncs it to disk. The file is created with mode 0600. */
export function appendCheckpoint(file: string, key: Buffer, checkpoint: AuditCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true })
  const fd = openSync(file, 'a', 0o600)
  try {
    writeSync(fd, JSON.stringify({ ...checkpoint, mac: mac(key, checkpoint) }) + '\n')
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export type CheckpointOutcome =
  | { written: AuditCheckpoint }
  | { unchanged: AuditCheckpoint }
  | { refused: { head: number; checkpoint: AuditCheckpoint } }

/**
 * Writes a checkpoint of the committed head unless the newest one already names it. A head
 * behind the highest checkpoint is refused, never written over: that is a truncated chain, and
 * the file keeps the evidence.
 */
export async function checkpointHead(
  db: Kysely<Database>,
  key: Buffer,
  file: string,
  now: Date,
): Promise<CheckpointOutcome> {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const { checkpoints } = readCheckpoints(file, key)
  const highest = checkpoints.reduce<AuditCheckpoint | undefined>(
    (best, next) => (!best || next.seq > best.seq ? next : best),
    undefined,
  )
  if (highest && head.seq < highest.seq) return { refused: { head: head.seq, checkpoint: highest } }
  const newest = checkpoints.at(-1)
  if (newest && newest.seq === head.seq && newest.hash === head.hash) return { unchanged: newest }
  const checkpoint = { seq: head.seq, hash: head.hash, at: now.toISOString() }
  appendCheckpoint(file, key, checkpoint)
  return { written: checkpoint }
}

/**
 * Checkpoints the head now, every `intervalMs`, and once more when stopped (at shutdown, after
 * the last write). Problems are logged, never thrown: the server keeps serving.
 */
export function startAuditCheckpointer(
  db: Kysely<Database>,
  key: Buffer,
  file: string,
  clock: Clock,
  intervalMs: number,
): () => Promise<void> {
  const run = async () => {
    try {
      const outcome = await checkpointHead(db, key, file, clock.now())
      if ('refused' in outcome) {
        console.error(
          `审计链比检查点短：链头 ${outcome.refused.head}，检查点 ${outcome.refused.checkpoint.seq}（${outcome.refused.checkpoint.at}）/ ` +
            `the audit chain is shorter than a checkpoint: head ${outcome.refused.head}, checkpoint ${outcome.refused.checkpoint.seq} (${outcome.refused.checkpoint.at}) — run luoshi audit verify`,
        )
      }
    } catch (error) {
      console.error(
        `审计检查点写入失败 / could not write the audit checkpoint to ${file}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  let running = run()
  const timer = setInterval(() => {
    running = running.then(run)
  }, intervalMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
    await run()
  }
}
