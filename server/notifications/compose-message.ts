/**
 * @module The text of a delivery: one notification, or a unit's digest of a day's reminders.
 * Every text in it came from people (a return's reason, a plan's name), so it is escaped for the
 * markdown the robots render: nobody can slip a link or a heading into another unit's message.
 */
import type { Kysely } from 'kysely'
import type { Database, NotificationTable } from '../db/database.ts'
import type { OutgoingMessage } from './channels/channel-sender.ts'

const KIND_NAMES: Record<NotificationTable['kind'], string> = {
  remind: '提醒',
  urge: '催办',
  supervise: '督办',
  circulate: '通报',
  returned: '退回',
  submitted: '待审核',
  'extension-requested': '延期申请',
  'extension-decided': '延期审批结果',
  assigned: '交办',
}

/** Escapes the characters markdown gives meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (char) => `\\${char}`).replace(/\s+/g, ' ')
}

/** The message for the notifications of one delivery (one, or a digest's several). */
export async function composeMessage(
  db: Kysely<Database>,
  notificationIds: string[],
  idempotencyKey: string,
  digestDay: string | null,
  publicUrl: string | undefined,
): Promise<OutgoingMessage> {
  const rows = await db
    .selectFrom('notification')
    .leftJoin('plan', 'plan.id', 'notification.plan_id')
    .select([
      'notification.id',
      'notification.kind',
      'notification.message',
      'notification.task_id',
      'notification.at',
      'plan.name as plan_name',
    ])
    .where('notification.id', 'in', notificationIds)
    .orderBy('notification.at')
    .orderBy('notification.id')
    .execute()
  const lines = rows.map((row) => {
    const link =
      publicUrl && row.task_id
        ? ` [查看任务](${publicUrl.replace(/\/$/, '')}/#/tasks/${encodeURIComponent(row.task_id)})`
        : ''
    return `- 【${KIND_NAMES[row.kind]}】${escapeMarkdown(row.plan_name ?? '')}：${escapeMarkdown(row.message)}${link}`
  })
  const first = rows[0]
  const title =
    digestDay !== null
      ? `落实 · ${digestDay} 提醒汇总（${rows.length} 条）`
      : `落实 · ${first ? KIND_NAMES[first.kind] : '通知'}`
  return { idempotencyKey, title, markdown: lines.join('\n') }
}
