/**
 * @module Signed checkpoints of the audit chain's head, appended to a file the database
 * connection cannot touch (by default `<data>/audit-checkpoints.jsonl`; `LUOSHI_AUDIT_CHECKPOINT_FILE`
 * moves it). Each line is `{ seq, hash, at, mac }` (with `chain`, the plan id, for a plan's chain),
 * the MAC an HMAC-SHA256 under the audit key.
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
  /** The plan whose chain this is; absent for chain '' (lines written before chains had names). */
  chain?: string
}

/** The chain a checkpoint is of ('' when it names none). */
export const chainOf = (checkpoint: AuditCheckpoint): string => checkpoint.chain ?? ''

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
  const chain = chainOf(checkpoint)
  return createHmac('sha256', key)
    .update(
      `luoshi-audit-checkpoint\n${chain === '' ? '' : `${chain}\n`}${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.at}`,
    )
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
      const checkpoint: AuditCheckpoint = { seq: parsed.seq, hash: parsed.hash, at: parsed.at }
      if (parsed.chain !== undefined) checkpoint.chain = String(parsed.chain)
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

/** The committed head of every chain: chain '' and each plan's. */
async function chainHeads(
  db: Kysely<Database>,
): Promise<Array<{ chain: string; seq: number; hash: string }>> {
  const global = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow()
  const plans = await db.selectFrom('audit_chain').select(['chain', 'seq', 'hash']).execute()
  return [{ chain: '', ...global }, ...plans]
}

/**
 * Writes a checkpoint of each chain's committed head unless the newest one of that chain already
 * names it. A head behind its chain's highest checkpoint is refused, never written over: that is a
 * truncated chain, and the file keeps the evidence. Returns the outcome of chain '' (`chain`), or
 * of the chain given.
 */
export async function checkpointHead(
  db: Kysely<Database>,
  key: Buffer,
  file: string,
  now: Date,
  chain = '',
): Promise<CheckpointOutcome> {
  const outcome = (await checkpointHeads(db, key, file, now)).get(chain)
  if (!outcome) throw new Error(`no audit chain ${chain}`)
  return outcome
}

/** {@link checkpointHead} for every chain; the outcomes by chain. */
export async function checkpointHeads(
  db: Kysely<Database>,
  key: Buffer,
  file: string,
  now: Date,
): Promise<Map<string, CheckpointOutcome>> {
  const heads = await chainHeads(db)
  const { checkpoints } = readCheckpoints(file, key)
  const highest = new Map<string, AuditCheckpoint>()
  const newest = new Map<string, AuditCheckpoint>()
  for (const checkpoint of checkpoints) {
    const chain = chainOf(checkpoint)
    const best = highest.get(chain)
    if (!best || checkpoint.seq > best.seq) highest.set(chain, checkpoint)
    newest.set(chain, checkpoint)
  }
  const outcomes = new Map<string, CheckpointOutcome>()
  for (const head of heads) {
    const top = highest.get(head.chain)
    if (top && head.seq < top.seq) {
      outcomes.set(head.chain, { refused: { head: head.seq, checkpoint: top } })
      continue
    }
    const last = newest.get(head.chain)
    if (last && last.seq === head.seq && last.hash === head.hash) {
      outcomes.set(head.chain, { unchanged: last })
      continue
    }
    const checkpoint: AuditCheckpoint = {
      seq: head.seq,
      hash: head.hash,
      at: now.toISOString(),
      ...(head.chain === '' ? {} : { chain: head.chain }),
    }
    appendCheckpoint(file, key, checkpoint)
    outcomes.set(head.chain, { written: checkpoint })
  }
  return outcomes
}

/**
 * Checkpoints every chain's head now, every `intervalMs`, and once more when stopped (at shutdown, after
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
      for (const [chain, outcome] of await checkpointHeads(db, key, file, clock.now())) {
        if (!('refused' in outcome)) continue
        const name = chain === '' ? '' : ` ${chain}`
        console.error(
          `审计链${name}比检查点短：链头 ${outcome.refused.head}，检查点 ${outcome.refused.checkpoint.seq}（${outcome.refused.checkpoint.at}）/ ` +
            `the audit chain${name} is shorter than a checkpoint: head ${outcome.refused.head}, checkpoint ${outcome.refused.checkpoint.seq} (${outcome.refused.checkpoint.at}) — run luoshi audit verify`,
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
