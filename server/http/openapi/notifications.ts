/** @module The OpenAPI paths of the notification centre and a region's delivery channels. */
import { regionChannelsBody } from '../../../schemas/api/requests.schema.ts'
import { notificationListQuery } from '../../../schemas/api/queries.schema.ts'
import {
  channelListSchema,
  notificationListSchema,
  readResultSchema,
  unreadCountSchema,
} from '../../../schemas/api/responses.schema.ts'
import { errors, ok, path, queryParameters, read, write } from './operations.ts'

const csrf = [
  { $ref: '#/components/parameters/CsrfToken' },
  { $ref: '#/components/parameters/IdempotencyKey' },
]

export const notificationPaths = {
  '/api/notifications': {
    get: read(
      '我所在单位收到的通知，新的在前，分页 / The notifications of my units, newest first, paged',
      queryParameters(notificationListQuery),
      ok('通知与未读数 / Notifications and the unread count', notificationListSchema),
    ),
  },
  '/api/notifications/unread-count': {
    get: read(
      '我的未读通知数 / How many I have not read',
      [],
      ok('未读数 / Unread', unreadCountSchema),
    ),
  },
  '/api/notifications/read-all': {
    post: {
      summary: '全部标为已读（本人）/ Mark all read (for me)',
      parameters: csrf,
      responses: { '200': ok('已读条数 / How many became read', readResultSchema), ...errors },
    },
  },
  '/api/notifications/{id}/read': {
    post: {
      summary:
        '标为已读（本人；催办的发出者可见回执）/ Mark read (for me; a 催办’s sender sees the receipt)',
      parameters: [path('id'), ...csrf],
      responses: { '200': ok('已读条数 / How many became read', readResultSchema), ...errors },
    },
  },
  '/api/regions/{id}/channels': {
    get: read(
      '地区各单位的通知渠道（密钥已遮盖；地区管理员）/ The region’s delivery channels, secrets masked (region administrators)',
      [path('id')],
      ok('渠道 / Channels', channelListSchema),
    ),
    put: write(
      '设置地区各单位的通知渠道：邮件、钉钉、企业微信（地区管理员）/ Set the region’s delivery channels: e-mail, DingTalk, WeCom (region administrators)',
      regionChannelsBody,
      { parameters: [path('id'), ...csrf] },
      ok('渠道 / Channels', channelListSchema),
    ),
  },
}
