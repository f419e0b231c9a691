/**
 * Notifications that reach people. `notification_read` records who read a unit's notification
 * and when (one row per person). `notify_channel` holds the delivery channels a region's
 * administrator configured for a unit: e-mail (an address), a 钉钉 or 企业微信 group robot (a
 * webhook URL, and for 钉钉 its signing secret). `outbox` holds one delivery per (notification,
 * channel), written in the transaction that made the notification, and is worked off by the
 * delivery worker: a row is claimed with a lease, sent, and marked sent; a reminder waits for its
 * unit's daily digest (`digest_key`), an escalation goes at once.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_read')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notification.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_read_pk', ['notification_id', 'user_id'])
    .execute()
  await db.schema
    .createTable('notify_channel')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id'))
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('notify_channel_unit')
    .on('notify_channel')
    .columns(['region_id', 'unit'])
    .execute()
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notification.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('digest_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_delivery', ['notification_id', 'channel_id'])
    .execute()
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['status', 'available_at'])
    .execute()
  await db.schema.createIndex('outbox_digest').on('outbox').column('digest_key').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute()
  await db.schema.dropTable('notify_channel').execute()
  await db.schema.dropTable('notification_read').execute()
}
