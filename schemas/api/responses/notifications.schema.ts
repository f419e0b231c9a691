/** @module Answers of the notification centre and of a region's delivery channels. */
import type { FromSchema } from 'json-schema-to-ts'
import { count, instant, nullableText, text } from './primitives.ts'

const kind = {
  enum: [
    'remind',
    'urge',
    'supervise',
    'circulate',
    'returned',
    'submitted',
    'extension-requested',
    'extension-decided',
    'assigned',
  ],
  description:
    '提醒、催办、督办、通报、退回、待审核 / Remind, urge, supervise, circulate, returned, submitted',
} as const

export const notificationSchema = {
  type: 'object',
  required: [
    'id',
    'planId',
    'planName',
    'taskId',
    'taskTitle',
    'recipient',
    'kind',
    'message',
    'at',
    'readAt',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    planId: text,
    planName: text,
    taskId: nullableText,
    taskTitle: { ...nullableText, description: '任务名称 / The task’s title' },
    recipient: { type: 'string', description: '收件单位 / The unit notified' },
    kind,
    message: text,
    at: instant,
    readAt: {
      type: ['string', 'null'],
      format: 'date-time',
      description: '本人已读时间；未读为 null / When I read it; null while unread',
    },
  },
} as const

export const notificationListSchema = {
  type: 'object',
  required: ['notifications', 'unread', 'total'],
  additionalProperties: false,
  properties: {
    notifications: { type: 'array', items: notificationSchema },
    unread: { ...count, description: '本人未读条数 / How many I have not read' },
    total: { ...count, description: '全部条数 / How many in all' },
  },
} as const

export const unreadCountSchema = {
  type: 'object',
  required: ['unread'],
  additionalProperties: false,
  properties: { unread: count },
} as const

export const readResultSchema = {
  type: 'object',
  required: ['read'],
  additionalProperties: false,
  properties: { read: { ...count, description: '新标记为已读的条数 / How many became read' } },
} as const

export const channelSchema = {
  type: 'object',
  required: ['id', 'unit', 'kind', 'target', 'secret'],
  additionalProperties: false,
  properties: {
    id: text,
    unit: text,
    kind: { enum: ['email', 'dingtalk', 'wecom'] },
    target: {
      type: 'string',
      description:
        '邮箱地址，或 Webhook 地址（令牌已遮盖）/ The address, or the webhook URL with its token masked',
    },
    secret: {
      type: ['string', 'null'],
      description: '加签密钥（已遮盖）；未设为 null / The signing secret, masked; null when none',
    },
  },
} as const

export const channelListSchema = {
  type: 'object',
  required: ['channels'],
  additionalProperties: false,
  properties: { channels: { type: 'array', items: channelSchema } },
} as const

export type NotificationView = FromSchema<typeof notificationSchema>
export type NotificationList = FromSchema<typeof notificationListSchema>
export type ChannelView = FromSchema<typeof channelSchema>
export type ChannelList = FromSchema<typeof channelListSchema>
