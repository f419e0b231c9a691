/**
 * @module A task as lists show it: its 三色预警 light, its summary, and the task list with its
 * counts. The task page and the answers of task actions build on the summary.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { nullableDate, nullableText, text } from './primitives.ts'

/** 三色预警, in rising urgency (domain/supervision/task-light.ts computes it). */
export const TASK_LIGHTS = ['green', 'blue', 'yellow', 'red'] as const

export const taskSummarySchema = {
  type: 'object',
  required: [
    'id',
    'planId',
    'sourceId',
    'kind',
    'title',
    'assignee',
    'role',
    'period',
    'phaseId',
    'state',
    'version',
    'opensOn',
    'dueOn',
    'duePhrase',
    'overdue',
    'escalation',
    'light',
    'dueSoon',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    planId: text,
    sourceId: { type: 'string', description: '职责或程序编号 / Responsibility or procedure id' },
    kind: {
      type: 'string',
      description: 'responsibility | procedure | indicator-entry | rectification',
    },
    title: text,
    assignee: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id: text, name: text },
    },
    role: { type: 'string', description: 'lead | support | applicant | sub' },
    period: { type: 'string', description: 'once, 2018-Q3, 2019, 2019-04' },
    phaseId: nullableText,
    state: text,
    version: { type: 'integer', description: 'If-Match 用 / For If-Match' },
    opensOn: nullableDate,
    dueOn: nullableDate,
    duePhrase: {
      ...nullableText,
      description: '文件原文的期限 / The deadline as the document writes it',
    },
    overdue: { type: 'boolean' },
    escalation: {
      type: 'integer',
      minimum: 0,
      maximum: 4,
      description:
        '当前督办级别：0 无，1 提醒，2 催办，3 督办，4 通报；已办结、撤销或关闭的任务为 0 / Standing escalation level; 0 once the task is done, withdrawn or closed',
    },
    originalDueOn: {
      ...nullableDate,
      description: '延期前的截止日（未延期为 null）/ The due date before an approved extension',
    },
    light: {
      enum: TASK_LIGHTS,
      description:
        '三色预警：green 正常、blue 临期、yellow 滞后或被退回、red 逾期 / Status colour: on track, due soon, behind or returned, overdue',
    },
    dueSoon: {
      type: 'boolean',
      description:
        '临期：尚未办结且在若干个工作日内到期（与蓝灯同一定义）/ Due soon: still owed and due within the working days the blue light counts',
    },
    clause: {
      ...nullableText,
      description: '文件条款，如「四、(二)」/ The clause of the document, e.g. 四、(二)',
    },
    reportFlagged: {
      type: 'boolean',
      description:
        '已报送内容不符合修订后的表单（保留原样）/ Its report fails the revised form (kept as is)',
    },
  },
} as const

export const taskListSchema = {
  type: 'object',
  required: ['counts', 'tasks'],
  additionalProperties: false,
  properties: {
    counts: {
      type: 'object',
      required: ['total', 'overdue', 'dueSoon', 'escalated', 'byState', 'byLight'],
      additionalProperties: false,
      properties: {
        total: { type: 'integer' },
        overdue: { type: 'integer' },
        dueSoon: { type: 'integer', description: '临期 / Due soon' },
        escalated: { type: 'integer' },
        byState: { type: 'object', additionalProperties: { type: 'integer' } },
        byLight: {
          type: 'object',
          required: [...TASK_LIGHTS],
          additionalProperties: false,
          properties: Object.fromEntries(
            TASK_LIGHTS.map((light) => [light, { type: 'integer' }]),
          ) as {
            [L in (typeof TASK_LIGHTS)[number]]: { type: 'integer' }
          },
          description: '按三色预警计数（筛选前）/ Counts by light, before the light filter',
        },
      },
    },
    tasks: { type: 'array', items: taskSummarySchema },
    nextCursor: {
      type: ['string', 'null'],
      description:
        '分页时：下一页的游标（null 为最后一页）/ When paged: the cursor of the next page (null on the last)',
    },
  },
} as const

export type TaskSummary = FromSchema<typeof taskSummarySchema>
export type TaskList = FromSchema<typeof taskListSchema>
