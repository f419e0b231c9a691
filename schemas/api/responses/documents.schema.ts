/**
 * @module Answers of the office's documents: the ledger (台账) of a plan's tasks, the 督办单 of one
 * task and the 情况通报 of a period. The .xlsx and .docx files are built from these same answers,
 * so a printed page and a downloaded file never disagree.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { civilDate, count, idName, nullableDate, nullableText, text } from './primitives.ts'
import { TASK_LIGHTS } from './tasks.schema.ts'

/** One row of the ledger: one task, its supporting units folded in. */
export const ledgerRowSchema = {
  type: 'object',
  required: [
    'index',
    'taskId',
    'title',
    'period',
    'clause',
    'lead',
    'support',
    'dueOn',
    'duePhrase',
    'percent',
    'progress',
    'state',
    'stateName',
    'light',
    'lightName',
    'escalation',
    'escalationName',
    'overdue',
    'daysOverdue',
    'doneOn',
  ],
  additionalProperties: false,
  properties: {
    index: { type: 'integer', minimum: 1, description: '序号 / Row number' },
    taskId: text,
    title: { type: 'string', description: '任务 / Task' },
    period: text,
    clause: { ...nullableText, description: '条款 / Clause of the document' },
    lead: { ...idName, description: '牵头（承办）单位 / Lead unit' },
    support: { type: 'array', items: idName, description: '配合单位 / Supporting units' },
    dueOn: nullableDate,
    duePhrase: { ...nullableText, description: '文件原文的时限 / The deadline as written' },
    percent: { type: ['integer', 'null'], minimum: 0, maximum: 100 },
    progress: { ...nullableText, description: '最近一次进展 / The last progress reported' },
    state: text,
    stateName: { type: 'string', description: '状态（中文）/ State, in Chinese' },
    light: { enum: TASK_LIGHTS, description: '灯色 / Light (as the task badge)' },
    lightName: text,
    escalation: { type: 'integer', minimum: 0, maximum: 4, description: '督办级别 / Level' },
    escalationName: { ...nullableText, description: '提醒、催办、督办、通报' },
    overdue: { type: 'boolean' },
    daysOverdue: { ...count, description: '逾期天数（自然日）/ Days overdue' },
    doneOn: { ...nullableDate, description: '办结日期 / Finished on' },
  },
} as const

export const ledgerSchema = {
  type: 'object',
  required: ['plan', 'policyTitle', 'documentNumber', 'today', 'groupBy', 'total', 'groups'],
  additionalProperties: false,
  properties: {
    plan: idName,
    policyTitle: text,
    documentNumber: nullableText,
    today: civilDate,
    groupBy: { enum: ['phase', 'part'] },
    total: count,
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'name', 'total', 'rows'],
        additionalProperties: false,
        properties: {
          key: text,
          name: { type: 'string', description: '阶段或文件部分 / Phase or part' },
          total: {
            ...count,
            description:
              '该组在整个台账中的任务数（分页时可多于本页所列）/ Tasks of the group in the whole ledger (when paged, more than this page may list)',
          },
          rows: { type: 'array', items: ledgerRowSchema },
        },
      },
    },
    nextCursor: {
      type: ['string', 'null'],
      description:
        '分页时：下一页的游标，末页为 null / When paged: the cursor of the next page, null on the last',
    },
  },
} as const

/** One 提醒, 催办, 督办 or 通报 a task received. */
const urgingSchema = {
  type: 'object',
  required: ['at', 'kind', 'by', 'message'],
  additionalProperties: false,
  properties: {
    at: text,
    kind: { type: 'string', description: '提醒、催办、督办、通报' },
    by: text,
    message: nullableText,
  },
} as const

export const supervisionNoticeSchema = {
  type: 'object',
  required: [
    'number',
    'office',
    'issuedOn',
    'plan',
    'policyTitle',
    'task',
    'quote',
    'deliverables',
    'requirement',
    'replyBy',
    'urgings',
  ],
  additionalProperties: false,
  properties: {
    number: { type: 'string', description: '督办单编号 / Notice number' },
    office: { type: 'string', description: '发文单位 / Issuing office' },
    issuedOn: civilDate,
    plan: idName,
    policyTitle: text,
    task: ledgerRowSchema,
    quote: { ...nullableText, description: '文件原文 / The clause’s words' },
    deliverables: { type: 'array', items: text },
    requirement: { type: 'string', description: '办理要求 / What is required' },
    replyBy: { ...civilDate, description: '反馈时限 / Reply by' },
    urgings: { type: 'array', items: urgingSchema, description: '催办记录 / History' },
  },
} as const

const rankingRowSchema = {
  type: 'object',
  required: ['unit', 'total', 'red', 'yellow', 'done', 'onTime', 'onTimeRate'],
  additionalProperties: false,
  properties: {
    unit: idName,
    total: count,
    red: count,
    yellow: count,
    done: count,
    onTime: count,
    onTimeRate: { type: ['number', 'null'], description: '按时办结率（%）/ On-time rate' },
  },
} as const

export const bulletinSchema = {
  type: 'object',
  required: [
    'title',
    'opening',
    'closing',
    'office',
    'issuedOn',
    'from',
    'to',
    'plan',
    'counts',
    'ranking',
    'overdue',
  ],
  additionalProperties: false,
  properties: {
    title: text,
    opening: text,
    closing: text,
    office: text,
    issuedOn: civilDate,
    from: civilDate,
    to: civilDate,
    plan: idName,
    counts: {
      type: 'object',
      required: ['total', 'done', 'onTime', 'late', 'overdue', 'byLight'],
      additionalProperties: false,
      properties: {
        total: count,
        done: count,
        onTime: count,
        late: count,
        overdue: count,
        byLight: {
          type: 'object',
          required: [...TASK_LIGHTS],
          additionalProperties: false,
          properties: { green: count, blue: count, yellow: count, red: count },
        },
      },
    },
    ranking: {
      type: 'array',
      items: rankingRowSchema,
      description: '晾晒：红灯、黄灯多者在前，再按按时办结率 / Units, most red first',
    },
    overdue: { type: 'array', items: ledgerRowSchema, description: '逾期未办结 / Overdue' },
  },
} as const

export type LedgerRow = FromSchema<typeof ledgerRowSchema>
export type Ledger = FromSchema<typeof ledgerSchema>
export type SupervisionNotice = FromSchema<typeof supervisionNoticeSchema>
export type Bulletin = FromSchema<typeof bulletinSchema>
