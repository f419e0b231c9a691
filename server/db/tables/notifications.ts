/**
 * @module Notifications, who read them, the channels they go out on and the outbox. The Database
 * type (../database.ts) gathers every table.
 */
import type { ColumnType } from 'kysely'

export interface NotificationTable {
  id: string
  plan_id: string
  task_id: string | null
  recipient: string
  kind:
    | 'remind'
    | 'urge'
    | 'supervise'
    | 'circulate'
    | 'returned'
    | 'submitted'
    | 'extension-requested'
    | 'extension-decided'
    /** A sub-task given to the unit, or a task transferred to or from it. */
    | 'assigned'
  message: string
  at: string
  /** The user who sent it (a 催办 by a person, a 延期 request or decision); null for the system's. */
  sender: ColumnType<string | null, string | null | undefined, string | null>
}

/** Who read a unit's notification, and when: one row per person. */
export interface NotificationReadTable {
  notification_id: string
  user_id: string
  read_at: string
}

/** A way to reach a unit outside luoshi (notifications/channels/). */
export type ChannelKind = 'email' | 'dingtalk' | 'wecom'

/** A delivery channel a region's administrator configured for one of its units. */
export interface NotifyChannelTable {
  id: string
  region_id: string
  unit: string
  kind: ChannelKind
  /** An e-mail address, or a robot's webhook URL (secret: its token is in it). */
  target: string
  /** 钉钉 signing secret (加签); never answered in full. */
  secret: string | null
  created_at: string
  created_by: string
}

/** Where a delivery is: waiting (or retrying), leased by a worker, sent, or given up. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed'

/** One delivery of a notification over one channel (notifications/delivery-worker.ts). */
export interface OutboxTable {
  id: string
  notification_id: string
  channel_id: string
  /** The message's key: the Message-ID of a mail; shared by the rows of one digest. */
  idempotency_key: string
  /** `<channel>/<day>` for a reminder that goes out in its unit's daily digest; null: at once. */
  digest_key: string | null
  status: OutboxStatus
  /** Not sent before this instant: the digest's hour, or the next retry. */
  available_at: string
  attempts: ColumnType<number, number | undefined, number>
  lease_owner: string | null
  lease_until: string | null
  last_error: string | null
  sent_at: string | null
  created_at: string
}
