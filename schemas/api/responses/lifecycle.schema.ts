/** @module Answers of a plan's lifecycle: suspend, resume, close (or its preview), archive. */
import type { FromSchema } from 'json-schema-to-ts'
import { planSchema } from './plans.schema.ts'
import { taskSummarySchema } from './tasks.schema.ts'
import { count, instant, nullableDate, nullableText, text } from './primitives.ts'

const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const

/** A suspend or an archive: the plan as it now is. */
export const planMovedSchema = {
  type: 'object',
  required: ['plan'],
  additionalProperties: false,
  properties: { plan: planSchema },
} as const

const missedTimer = {
  type: 'object',
  required: ['id', 'kind', 'taskId', 'fireAt'],
  additionalProperties: false,
  properties: {
    id: text,
    kind: {
      enum: [
        'remind',
        'overdue',
        'escalate',
        'period-open',
        'phase-open',
        'phase-end',
        'progress-due',
      ],
    },
    taskId: nullableText,
    fireAt: instant,
  },
} as const

/** A resume, and what became of the timers that fell due during the suspension. */
export const resumeResultSchema = {
  type: 'object',
  required: ['plan', 'suspendedAt', 'fireMissed', 'fired', 'cancelled', 'rescheduled'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    suspendedAt: nullableInstant,
    fireMissed: { type: 'boolean' },
    fired: {
      type: 'array',
      items: missedTimer,
      description: '现在触发的定时器（各一次）/ Timers fired now, once each',
    },
    cancelled: {
      type: 'array',
      items: missedTimer,
      description: '取消的提醒与督办 / Reminders and escalations cancelled',
    },
    rescheduled: {
      ...count,
      description: '从下一级继续催办的任务数 / Tasks whose escalation goes on from a later step',
    },
  },
} as const

/** A close, or its preview: the open tasks it ends. */
export const closeResultSchema = {
  type: 'object',
  required: ['dryRun', 'plan', 'endsOn', 'ended', 'openTasks', 'timers'],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean' },
    plan: planSchema,
    endsOn: { ...nullableDate, description: '有效期截止日 / Last day of the effective period' },
    ended: { type: 'boolean', description: '有效期已届满 / The effective period has ended' },
    openTasks: {
      type: 'array',
      items: taskSummarySchema,
      description: '未完成的任务（关闭后为「未完成关闭」）/ Open tasks, ended closed by a close',
    },
    timers: { ...count, description: '将取消的定时器 / Pending timers a close cancels' },
  },
} as const

/** What the plan's page needs to offer its lifecycle actions. */
export const planLifecycleSchema = {
  type: 'object',
  required: [
    'status',
    'suspendedAt',
    'closedAt',
    'closeReason',
    'archivedAt',
    'mayGovern',
    'mayForceClose',
    'endsOn',
    'ended',
    'suspensions',
  ],
  additionalProperties: false,
  properties: {
    status: planSchema.properties.status,
    suspendedAt: nullableInstant,
    closedAt: nullableInstant,
    closeReason: nullableText,
    archivedAt: nullableInstant,
    mayGovern: {
      type: 'boolean',
      description: '可暂停、恢复、关闭、归档 / May suspend, resume, close and archive',
    },
    mayForceClose: {
      type: 'boolean',
      description: '可在届满前强制关闭 / May close before the period ends',
    },
    endsOn: nullableDate,
    ended: { type: 'boolean' },
    suspensions: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'suspendedAt',
          'suspendedBy',
          'reason',
          'resumedAt',
          'resumedBy',
          'fireMissed',
          'missedFired',
          'missedCancelled',
        ],
        additionalProperties: false,
        properties: {
          suspendedAt: instant,
          suspendedBy: text,
          reason: text,
          resumedAt: nullableInstant,
          resumedBy: nullableText,
          fireMissed: { type: ['boolean', 'null'] },
          missedFired: { type: ['integer', 'null'] },
          missedCancelled: { type: ['integer', 'null'] },
        },
      },
    },
  },
} as const

export type PlanMoved = FromSchema<typeof planMovedSchema>
export type ResumeResultView = FromSchema<typeof resumeResultSchema>
export type CloseResultView = FromSchema<typeof closeResultSchema>
export type PlanLifecycleView = FromSchema<typeof planLifecycleSchema>
