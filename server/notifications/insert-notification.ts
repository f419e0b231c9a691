/**
 * @module The one place a notification is written. With it, in the same transaction, go its
 * deliveries: one outbox row per channel its recipient unit has, so a notification is delivered
 * if and only if the event that made it commits. A reminder waits for its unit's daily digest on
 * that channel (国务院办公厅 2024 rules on lightening the burden at the grassroots: no storm of
 * reminders); 督办 (supervise) and 通报 (circulate) go at once.
 */
import type { Transaction } from 'kysely'
import type { Database, NotificationTable } from '../db/database.ts'
import { newId } from '../ids.ts'

export type NotificationKind = NotificationTable['kind']

/** Kinds that go at once; every other kind is gathered into the unit's daily digest. */
export const IMMEDIATE_KINDS: ReadonlySet<NotificationKind> = new Set(['supervise', 'circulate'])

/** The hour (Asia/Shanghai) a day's digest goes out; a reminder after it waits for the next day. */
export const DIGEST_HOUR = 17

const SHANGHAI_MS = 8 * 3_600_000

export interface NewNotification {
  planId: string
  taskId: string | null
  /** The unit (or body) notified. */
  recipient: string
  kind: NotificationKind
  message: string
  at: string
  /** The person who sent it (a 催办, an extension request or decision); none for the system. */
  sender?: string | null
}

/**
 * Writes the notification and its deliveries inside the caller's transaction.
 * @returns the notification's id
 */
export async function insertNotification(
  trx: Transaction<Database>,
  notification: NewNotification,
): Promise<string> {
  const id = newId()
  const { planId, taskId, recipient, kind, message, at } = notification
  await trx
    .insertInto('notification')
    .values({
      id,
      plan_id: planId,
      task_id: taskId,
      recipient,
      kind,
      message,
      at,
      sender: notification.sender ?? null,
    })
    .execute()
  const channels = await trx
    .selectFrom('notify_channel')
    .innerJoin('policy', 'policy.region_id', 'notify_channel.region_id')
    .innerJoin('plan', 'plan.policy_id', 'policy.id')
    .select(['notify_channel.id'])
    .where('plan.id', '=', planId)
    .where('notify_channel.unit', '=', recipient)
    .orderBy('notify_channel.id')
    .execute()
  for (const channel of channels) {
    const row = newId()
    const digest = IMMEDIATE_KINDS.has(kind) ? null : await digestFor(trx, channel.id, at)
    await trx
      .insertInto('outbox')
      .values({
        id: row,
        notification_id: id,
        channel_id: channel.id,
        idempotency_key: digest ? `digest.${digest.key.replace('/', '.')}` : `n.${row}`,
        digest_key: digest?.key ?? null,
        status: 'pending',
        available_at: digest?.sendAt ?? at,
        created_at: at,
      })
      .execute()
  }
  return id
}

/**
 * The digest a reminder made at `at` joins: that day's (Asia/Shanghai) before the digest hour,
 * else the next day's — or a later one, when that day's digest has already gone out (a timer that
 * fired late), so that a unit never gets two digests on one channel in one day.
 */
async function digestFor(
  trx: Transaction<Database>,
  channelId: string,
  at: string,
): Promise<{ key: string; sendAt: string }> {
  const local = new Date(new Date(at).getTime() + SHANGHAI_MS)
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  if (local.getUTCHours() >= DIGEST_HOUR) day += 86_400_000
  for (;;) {
    const key = `${channelId}/${new Date(day).toISOString().slice(0, 10)}`
    const started = await trx
      .selectFrom('outbox')
      .select('id')
      .where('digest_key', '=', key)
      .where('status', '!=', 'pending')
      .limit(1)
      .executeTakeFirst()
    if (!started) {
      const sendAt = new Date(day + DIGEST_HOUR * 3_600_000 - SHANGHAI_MS).toISOString()
      return { key, sendAt }
    }
    day += 86_400_000
  }
}
