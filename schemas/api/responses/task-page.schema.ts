/**
 * @module One task's page: its summary with its form, data, history and allowed events, and
 * beside them its periodic progress reports and its 延期 requests.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { civilDate, instant, nullableDate, nullableText, text } from './primitives.ts'
import { taskSummarySchema } from './tasks.schema.ts'

/** One progress report (周期反馈) as the task page lists it. */
export const progressReportSchema = {
  type: 'object',
  required: ['id', 'period', 'percent', 'text', 'reportedBy', 'reportedByName', 'reportedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    period: { ...civilDate, description: '所报周期的报送截止日 / The report due date it answers' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    text,
    reportedBy: text,
    reportedByName: text,
    reportedAt: instant,
  },
} as const

/** A task's periodic progress reports: how often, the next due, the reports made. */
export const progressViewSchema = {
  type: 'object',
  required: [
    'every',
    'nextDue',
    'expectedPercent',
    'mayReport',
    'reports',
    'clearances',
    'mayClearRed',
  ],
  additionalProperties: false,
  properties: {
    every: {
      enum: ['week', 'month', 'quarter', null],
      description: '报送周期（null 不要求定期报送）/ How often (null: no periodic reports)',
    },
    nextDue: { ...nullableDate, description: '下次报送截止日 / Next report due' },
    expectedPercent: {
      type: ['integer', 'null'],
      description: '序时进度（按工作日）/ Progress expected by now, in working days',
    },
    mayReport: { type: 'boolean', description: '当前用户可报送进度 / This user may report' },
    reports: { type: 'array', items: progressReportSchema },
    clearances: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'clearedBy', 'clearedAt'],
        additionalProperties: false,
        properties: { reason: text, clearedBy: text, clearedAt: instant },
      },
      description: '解除红灯记录 / Red lights cleared by the office',
    },
    mayClearRed: { type: 'boolean', description: '当前用户可解除红灯 / This user may clear red' },
  },
} as const

/** One 延期申请 as the API shows it. */
export const extensionSchema = {
  type: 'object',
  required: ['id', 'status', 'dueFrom', 'dueTo', 'reason', 'reviewer', 'requestedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    status: { enum: ['pending', 'approved', 'refused'] },
    unit: text,
    requestedBy: text,
    requestedAt: text,
    dueFrom: { type: 'string', description: '申请时的截止日 / The due date when asked' },
    dueTo: { type: 'string', description: '申请的截止日 / The due date asked for' },
    reason: text,
    percent: { type: ['integer', 'null'] },
    progress: nullableText,
    reviewer: { ...text, description: '审批单位 / Who decides' },
    decidedBy: nullableText,
    decidedAt: nullableText,
    note: nullableText,
  },
} as const

/** One task's page: its summary and more (form, data, history, allowed events …). */
export const taskDetailSchema = {
  type: 'object',
  required: [...taskSummarySchema.required, 'form', 'data', 'allowedEvents', 'history'],
  properties: {
    ...taskSummarySchema.properties,
    form: {
      type: ['object', 'null'],
      description: '报告表单（JSON Schema）/ The report form (JSON Schema)',
    },
    data: { type: ['object', 'null'], description: '表单数据 / Form data' },
    note: {
      type: ['string', 'null'],
      description: '配置中写在该职责上的说明 / The note the config writes on the duty',
    },
    share: {
      type: ['string', 'null'],
      description:
        '分别负责时本任务单位自己的分工 / The assignee’s own share when leads each have theirs',
    },
    allowedEvents: {
      type: 'array',
      items: { enum: ['START', 'SAVE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'COMPLETE'] },
    },
    history: { type: 'array', items: { type: 'object' } },
    extensions: {
      type: 'array',
      items: extensionSchema,
      description: '延期申请（最新在前）/ Extension requests, latest first',
    },
    mayRequestExtension: { type: 'boolean', description: '可申请延期 / May ask for an extension' },
    mayDecideExtension: { type: 'boolean', description: '可审批延期 / May decide the pending one' },
    mayUrge: { type: 'boolean', description: '可催办 / May urge the unit' },
    closedOut: {
      type: ['object', 'null'],
      required: ['at', 'by'],
      properties: { at: { type: 'string' }, by: { type: 'string' }, byName: { type: 'string' } },
      description: '已销号：审核通过的时间与审核人 / Closed out: when and by whom',
    },
    closeOutEvidence: {
      enum: ['required', 'optional', null],
      description: '销号是否须附佐证材料 / Whether close-out needs an attachment',
    },
    urgeReads: {
      type: 'array',
      description: '每次催办的已读回执 / Who read each 催办, and when',
      items: {
        type: 'object',
        required: ['notificationId', 'at', 'recipient', 'reads'],
        additionalProperties: false,
        properties: {
          notificationId: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          recipient: { type: 'string' },
          reads: {
            type: 'array',
            items: {
              type: 'object',
              required: ['userId', 'name', 'readAt'],
              additionalProperties: false,
              properties: {
                userId: { type: 'string' },
                name: { type: 'string' },
                readAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    },
    split: {
      type: ['object', 'null'],
      description:
        '子任务：上级的要求与所属任务 / On a sub-task: what its parent asked, and which task',
    },
    subTasks: {
      type: 'array',
      items: { type: 'object' },
      description: '分解出的子任务及其状态、报送 / Its sub-tasks, their states and reports',
    },
    splitUnits: {
      type: 'array',
      items: { type: 'object' },
      description: '可分解到的下级单位 / Units below it may be split to now',
    },
    transferUnits: {
      type: 'array',
      items: { type: 'object' },
      description: '可转办到的单位（办公室）/ Units the office may transfer it to',
    },
    progress: progressViewSchema,
    reportFlag: {
      type: ['object', 'null'],
      required: ['version', 'errors'],
      properties: {
        version: { type: 'string' },
        errors: { type: 'array', items: { type: 'string' } },
      },
      description:
        '计划修订后，已报送内容不符合新表单：保留原报送并标注 / After a revision, the report fails the new form: kept as submitted, flagged',
    },
  },
} as const

export type ExtensionView = FromSchema<typeof extensionSchema>
export type ProgressReportView = FromSchema<typeof progressReportSchema>
export type ProgressView = FromSchema<typeof progressViewSchema>
export type TaskDetailView = FromSchema<typeof taskDetailSchema>
