/** @module Answers about a plan itself: the plan, its phases, the list and page of plans, starting one and signing off a phase. */
import type { FromSchema } from 'json-schema-to-ts'
import { civilDate, instant, nullableText, text } from './primitives.ts'

/** A plan's lifecycle: running ⇄ suspended → closed → archived (server/plans/plan-lifecycle.ts). */
export const PLAN_STATUSES = ['running', 'suspended', 'closed', 'archived'] as const

const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const

export const planSchema = {
  type: 'object',
  required: [
    'id',
    'policy_version_id',
    'policy_id',
    'name',
    'status',
    'extra_units',
    'started_at',
    'started_by',
    'suspended_at',
    'closed_at',
    'closed_by',
    'close_reason',
    'archived_at',
    'archived_by',
    'revision',
    'shift_years',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    policy_version_id: text,
    policy_id: text,
    name: text,
    status: {
      enum: PLAN_STATUSES,
      description:
        '运行中、已暂停、已关闭、已归档 / Running, suspended, closed (its period over), archived (read-only)',
    },
    extra_units: {
      type: 'string',
      description: 'JSON：启动时补充的成员单位 / JSON: members supplied at start',
    },
    started_at: instant,
    started_by: text,
    suspended_at: {
      ...nullableInstant,
      description: '本次暂停开始时间 / When the current suspension began',
    },
    closed_at: { ...nullableInstant, description: '关闭时间 / When it was closed' },
    closed_by: { ...nullableText, description: '关闭人 / Who closed it' },
    close_reason: { ...nullableText, description: '关闭原因 / Why it was closed' },
    archived_at: { ...nullableInstant, description: '归档时间 / When it was archived' },
    archived_by: { ...nullableText, description: '归档人 / Who archived it' },
    revision: {
      type: 'integer',
      minimum: 0,
      description:
        '计划构成的修订号（迁移、成员调整时递增）/ Advances with every change of the plan’s make-up',
    },
    shift_years: {
      type: 'integer',
      description:
        '日期顺延年数（演示计划按移后的日历运行；0 为文件原定日期）/ Whole years the plan’s calendar is moved from its version’s dates (0: the document’s own)',
    },
  },
} as const

export const planPhaseSchema = {
  type: 'object',
  required: [
    'plan_id',
    'phase_id',
    'name',
    'opens_on',
    'closes_on',
    'status',
    'opened_at',
    'closed_at',
  ],
  additionalProperties: false,
  properties: {
    plan_id: text,
    phase_id: text,
    name: text,
    opens_on: civilDate,
    closes_on: civilDate,
    status: { enum: ['pending', 'open', 'closed'] },
    opened_at: { type: ['string', 'null'], format: 'date-time' },
    closed_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const planListSchema = {
  type: 'object',
  required: ['plans'],
  additionalProperties: false,
  properties: { plans: { type: 'array', items: planSchema } },
} as const

export const planDetailSchema = {
  type: 'object',
  required: ['plan', 'policy', 'phases'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    policy: {
      type: 'object',
      required: ['id', 'title', 'version'],
      additionalProperties: false,
      properties: { id: text, title: text, version: text },
    },
    phases: { type: 'array', items: planPhaseSchema },
  },
} as const

export const startPlanResultSchema = {
  type: 'object',
  required: ['plan', 'tasks', 'unassigned'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    tasks: { type: 'integer', description: '建立的任务数 / Tasks created' },
    unassigned: {
      type: 'array',
      items: text,
      description: '未给成员单位的组织 / Groups left without members',
    },
  },
} as const

export const signOffResultSchema = {
  type: 'object',
  required: ['closed'],
  additionalProperties: false,
  properties: {
    closed: { type: 'boolean', description: '阶段是否因此关闭 / Whether the phase closed' },
  },
} as const

export type PlanView = FromSchema<typeof planSchema>
export type PlanDetailView = FromSchema<typeof planDetailSchema>
export type StartPlanResult = FromSchema<typeof startPlanResultSchema>
export type SignOffResult = FromSchema<typeof signOffResultSchema>
