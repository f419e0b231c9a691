/**
 * @module A region's delivery channels: which units are reached by e-mail, 钉钉 or 企业微信, and
 * where. Set by the region's administrators (or a system administrator); a webhook's token and a
 * signing secret are kept on the server and only ever answered masked.
 */
import type { Kysely, Transaction } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, NotifyChannelRow } from '../db/database.ts'
import { AppError, forbidden, notFound } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { newId } from '../ids.ts'
import type { RegionChannelsBody } from '../../schemas/api/requests.schema.ts'
import type { ChannelView } from '../../schemas/api/responses.schema.ts'
import { maskSecret } from './channels/channel-sender.ts'
import { channelSender } from './channels/registry.ts'
import { findRegion } from '../regions/region-store.ts'

/** The channel as answered: its target and secret masked. */
export function channelView(row: NotifyChannelRow): ChannelView {
  return {
    id: row.id,
    unit: row.unit,
    kind: row.kind,
    target: channelSender(row.kind).mask(row.target),
    secret: row.secret === null ? null : maskSecret(row.secret),
  }
}

/**
 * Refuses anyone but the region's administrators and system administrators.
 * @throws AppError 404 for an unknown region, 403 for someone who does not administer it
 */
export async function refuseUnlessAdministers(
  db: Kysely<Database> | Transaction<Database>,
  user: CurrentUser,
  regionId: string,
): Promise<void> {
  if (!(await findRegion(db, regionId)))
    throw notFound({ zh: '没有这个地区', en: 'No such region' })
  const administers =
    (user.roles.includes('admin') && user.regionId === null) ||
    (user.roles.includes('region-admin') && user.regionId === regionId)
  if (!administers)
    throw forbidden({
      zh: '只有本地区的管理员可以设置通知渠道',
      en: "Only the region's administrators set its notification channels",
    })
}

export async function listChannels(
  db: Kysely<Database> | Transaction<Database>,
  regionId: string,
): Promise<ChannelView[]> {
  const rows = await db
    .selectFrom('notify_channel')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('unit')
    .orderBy('kind')
    .orderBy('id')
    .execute()
  return rows.map(channelView)
}

/**
 * Replaces the region's channels with those given. A channel named by `id` keeps its stored
 * target and secret where the body leaves them out. Deliveries still waiting on a removed
 * channel are given up. Audited (targets masked).
 * @throws AppError 422 `invalid-body` with every problem, each at its JSON pointer
 */
export async function replaceChannels(
  trx: Transaction<Database>,
  regionId: string,
  body: RegionChannelsBody,
  by: { actor: string; now: Date },
): Promise<ChannelView[]> {
  const stored = new Map(
    (
      await trx.selectFrom('notify_channel').selectAll().where('region_id', '=', regionId).execute()
    ).map((row) => [row.id, row]),
  )
  const issues: RequestIssue[] = []
  const at = by.now.toISOString()
  const next: NotifyChannelRow[] = body.channels.map((channel, index) => {
    const pointer = `/channels/${index}`
    const kept = channel.id === undefined ? undefined : stored.get(channel.id)
    if (channel.id !== undefined && (!kept || kept.kind !== channel.kind))
      issues.push({
        pointer: `${pointer}/id`,
        message: {
          zh: '本地区没有这个同类渠道：新渠道请删去 id',
          en: 'No channel of this kind with this id in the region: leave id out for a new one',
        },
      })
    const target = channel.target ?? kept?.target
    const secret = channel.secret !== undefined ? channel.secret : (kept?.secret ?? null)
    if (target === undefined)
      issues.push({
        pointer: `${pointer}/target`,
        message: { zh: '新渠道须填写 target', en: 'A new channel needs its target' },
      })
    else
      for (const { field, zh, en } of channelSender(channel.kind).check(target, secret))
        issues.push({ pointer: `${pointer}/${field}`, message: { zh, en } })
    return {
      id: kept?.id ?? newId(),
      region_id: regionId,
      unit: channel.unit,
      kind: channel.kind,
      target: target ?? '',
      secret,
      created_at: kept?.created_at ?? at,
      created_by: kept?.created_by ?? by.actor,
    }
  })
  const ids = new Set(next.map((row) => row.id))
  if (ids.size !== next.length)
    issues.push({
      pointer: '/channels',
      message: { zh: '同一渠道 id 出现了两次', en: 'A channel id appears twice' },
    })
  if (issues.length > 0)
    throw new AppError(
      422,
      'invalid-body',
      { zh: '通知渠道设置有误', en: 'The notification channels are not right' },
      { issues },
    )
  const removed = [...stored.keys()].filter((id) => !ids.has(id))
  if (removed.length > 0) {
    await trx
      .updateTable('outbox')
      .set({
        status: 'failed',
        last_error: 'the channel was removed',
        lease_owner: null,
        lease_until: null,
      })
      .where('channel_id', 'in', removed)
      .where('status', 'in', ['pending', 'sending'])
      .execute()
    await trx.deleteFrom('notify_channel').where('id', 'in', removed).execute()
  }
  for (const row of next) {
    if (stored.has(row.id))
      await trx
        .updateTable('notify_channel')
        .set({ unit: row.unit, target: row.target, secret: row.secret })
        .where('id', '=', row.id)
        .execute()
    else await trx.insertInto('notify_channel').values(row).execute()
  }
  const views = next.map(channelView)
  await appendAudit(trx, [
    {
      at,
      actor: by.actor,
      action: 'region.channels',
      entity: 'region',
      entityId: regionId,
      payload: { channels: views, removed },
    },
  ])
  return views
}
