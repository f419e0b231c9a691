/**
 * @module The delivery worker: works off the outbox. A delivery (one row, or every row of a
 * unit's digest for a day on one channel) is claimed with a lease in one write, sent outside any
 * transaction, and marked sent in the next write — so several processes never send one row
 * twice while its lease holds. A failed send is retried with exponential backoff and given up
 * after `maxAttempts`, its last error kept (free of secrets).
 *
 * At-least-once window: a process that dies after the receiver accepted a message and before
 * the mark commits leaves the lease to expire, and the message is sent again by whoever claims
 * it next. The window is the time of one small write; for e-mail the repeat carries the same
 * Message-ID (the idempotency key), so a mail server or client can drop it. A process that dies
 * after claiming and before sending loses nothing: the lease expires and the message goes once.
 */
import type { ExpressionBuilder } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database, NotifyChannelRow, OutboxRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { newId } from '../ids.ts'
import type { SmtpSettings } from './channels/channel-sender.ts'
import { channelSender } from './channels/registry.ts'
import { composeMessage } from './compose-message.ts'

export interface DeliveryOptions {
  /** Who holds the leases this worker takes. */
  owner?: string
  /** How long a claim holds before another worker may take the delivery over (60 s). */
  leaseMs?: number
  /** Attempts before a delivery is given up (6). */
  maxAttempts?: number
  /** The wait after the first failure, doubled after each further one (60 s). */
  backoffMs?: number
  smtp?: SmtpSettings | undefined
  /** The address people open luoshi at, for links in messages (`LUOSHI_PUBLIC_URL`). */
  publicUrl?: string | undefined
  /**
   * Stops the worker where it stands, as if the process ended: a claimed delivery keeps its
   * lease (and is taken over once it expires). Checked after each claim and after each send.
   */
  signal?: AbortSignal
  /** Where a failure is reported; the line never holds a secret. */
  log?: (line: string) => void
  /** Deliveries looked at in one run at most (500); the next run goes on with the rest. */
  batch?: number
}

export interface DeliveryRun {
  sent: number
  retried: number
  failed: number
}

const claimable = (now: string) => (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.or([
    eb.and([eb('status', '=', 'pending'), eb('available_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
  ])

/** Sends every delivery that is due at the clock's time; resolves with what became of them. */
export async function runDueDeliveries(
  store: Store,
  clock: Clock,
  options: DeliveryOptions = {},
): Promise<DeliveryRun> {
  const { db, writes } = store
  const owner = options.owner ?? `deliver-${process.pid}-${newId().slice(0, 6)}`
  const leaseMs = options.leaseMs ?? 60_000
  const maxAttempts = options.maxAttempts ?? 6
  const backoffMs = options.backoffMs ?? 60_000
  const log = options.log ?? console.error
  const signal = options.signal ?? new AbortController().signal
  const result: DeliveryRun = { sent: 0, retried: 0, failed: 0 }
  const batch = options.batch ?? 500
  const tried = new Set<string>()
  for (;;) {
    if (signal.aborted || tried.size >= batch) return result
    const now = clock.now()
    const nowText = now.toISOString()
    const next = await db
      .selectFrom('outbox')
      .select(['id', 'digest_key'])
      .where(claimable(nowText))
      .$if(tried.size > 0, (q) => q.where('id', 'not in', [...tried]))
      .orderBy('available_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    if (!next) return result
    const until = new Date(now.getTime() + leaseMs).toISOString()
    const claimed = await writes.run(async (trx) => {
      await trx
        .updateTable('outbox')
        .set({ status: 'sending', lease_owner: owner, lease_until: until })
        .where(claimable(nowText))
        .where((eb) =>
          next.digest_key ? eb('digest_key', '=', next.digest_key) : eb('id', '=', next.id),
        )
        .execute()
      return trx
        .selectFrom('outbox')
        .selectAll()
        .where('lease_owner', '=', owner)
        .where('lease_until', '=', until)
        .where('status', '=', 'sending')
        .where((eb) =>
          next.digest_key ? eb('digest_key', '=', next.digest_key) : eb('id', '=', next.id),
        )
        .execute()
    })
    for (const row of claimed) tried.add(row.id)
    tried.add(next.id)
    if (claimed.length === 0) continue
    if (signal.aborted) return result
    const outcome = await deliver(store, claimed, now, signal, options)
    if (signal.aborted) return result
    const ids = claimed.map((row) => row.id)
    const attempts = Math.max(...claimed.map((row) => row.attempts)) + 1
    await writes.run(async (trx) => {
      const mine = trx
        .updateTable('outbox')
        .where('id', 'in', ids)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'sending')
      if (outcome.ok)
        await mine
          .set({
            status: 'sent',
            sent_at: clock.now().toISOString(),
            attempts,
            last_error: null,
            lease_owner: null,
            lease_until: null,
          })
          .execute()
      else if (attempts >= maxAttempts || outcome.final)
        await mine
          .set({
            status: 'failed',
            attempts,
            last_error: outcome.error,
            lease_owner: null,
            lease_until: null,
          })
          .execute()
      else
        await mine
          .set({
            status: 'pending',
            attempts,
            last_error: outcome.error,
            available_at: new Date(now.getTime() + backoffMs * 2 ** (attempts - 1)).toISOString(),
            lease_owner: null,
            lease_until: null,
          })
          .execute()
    })
    if (outcome.ok) result.sent++
    else {
      if (attempts >= maxAttempts || outcome.final) result.failed++
      else result.retried++
      log(
        JSON.stringify({
          level: attempts >= maxAttempts || outcome.final ? 'error' : 'warn',
          event: 'outbox.delivery-failed',
          idempotencyKey: claimed[0]!.idempotency_key,
          channel: claimed[0]!.channel_id,
          attempt: attempts,
          maxAttempts,
          error: outcome.error,
        }),
      )
    }
  }
}

type Outcome = { ok: true } | { ok: false; error: string; final: boolean }

async function deliver(
  store: Store,
  rows: OutboxRow[],
  now: Date,
  signal: AbortSignal,
  options: DeliveryOptions,
): Promise<Outcome> {
  const first = rows[0]!
  const channel = await store.db
    .selectFrom('notify_channel')
    .selectAll()
    .where('id', '=', first.channel_id)
    .executeTakeFirst()
  if (!channel) return { ok: false, error: 'the channel was removed', final: true }
  const message = await composeMessage(
    store.db,
    rows.map((row) => row.notification_id),
    first.idempotency_key,
    first.digest_key ? first.digest_key.slice(first.digest_key.indexOf('/') + 1) : null,
    options.publicUrl,
  )
  try {
    await channelSender(channel.kind).send(channel, message, {
      smtp: options.smtp,
      now,
      signal,
    })
    return { ok: true }
  } catch (error) {
    return { ok: false, error: scrub(error, channel, options.smtp), final: false }
  }
}

/** The error's message without the channel's target or secret or the SMTP password in it. */
function scrub(error: unknown, channel: NotifyChannelRow, smtp: SmtpSettings | undefined): string {
  let text = error instanceof Error ? error.message : String(error)
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : ''
  if (cause) text = `${text} (${cause})`
  const secrets = [
    channel.secret,
    smtp?.password,
    ...(channel.kind === 'email' ? [] : [channel.target]),
  ]
  for (const secret of secrets) if (secret) text = text.split(secret).join('…')
  // A webhook's token may also appear url-encoded or as a bare query value.
  text = text.replace(/(access_token|key|sign|timestamp)=[^&\s)]+/g, '$1=…')
  return text.slice(0, 500)
}

/**
 * Polls the outbox every `intervalMs` and sends what is due. Returns a stop function, which lets
 * a delivery in flight finish and be marked.
 */
export function startDeliveryWorker(
  store: Store,
  clock: Clock,
  options: DeliveryOptions = {},
  intervalMs = 5000,
): () => Promise<void> {
  const owner = options.owner ?? `deliver-${newId().slice(0, 8)}`
  let running: Promise<unknown> = Promise.resolve()
  let stopped = false
  const log = options.log ?? console.error
  const handle = setInterval(() => {
    running = running.then(() =>
      stopped ? undefined : runDueDeliveries(store, clock, { ...options, owner }).catch(log),
    )
  }, intervalMs)
  handle.unref()
  return async () => {
    stopped = true
    clearInterval(handle)
    await running
  }
}
