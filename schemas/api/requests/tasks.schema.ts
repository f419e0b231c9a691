/**
 * @module JSON Schemas of the request bodies about one task: its events, batch approval, 延期,
 * 催办, progress reports, clearing a red light, sign-off, splitting and transfer. Re-exported by
 * requests.schema.ts.
 */
import type { FromSchema } from 'json-schema-to-ts'
export const TASK_EVENT_TYPES = [
  'START',
  'SAVE',
  'SUBMIT',
  'RESUBMIT',
  'APPROVE',
  'RETURN',
  'COMPLETE',
] as const

export const taskEventBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: TASK_EVENT_TYPES, description: '事件 / Event' },
    data: {
      type: 'object',
      description: '表单数据（按任务表单校验）/ Form data, checked against the task form',
    },
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      description: '退回理由 / Reason for a return',
    },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const

/** 批量审核通过 (POST /api/tasks/approve): several submitted reports approved at once. */
export const batchApproveBody = {
  type: 'object',
  required: ['taskIds'],
  additionalProperties: false,
  properties: {
    taskIds: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 64 },
      description: '要通过的任务（≤ 200）/ The tasks to approve (≤ 200)',
    },
    comment: { type: 'string', maxLength: 2000, description: '审核意见 / A comment on each' },
  },
} as const

const civilDate = { type: 'string', format: 'date' } as const
const statement = { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } as const

/** 延期申请 (POST /api/tasks/:id/extension): a new due date, before the deadline. */
export const extensionRequestBody = {
  type: 'object',
  required: ['dueOn', 'reason'],
  additionalProperties: false,
  properties: {
    dueOn: { ...civilDate, description: '申请的新截止日 / The due date asked for' },
    reason: { ...statement, description: '延期理由 / Why more time is needed' },
    percent: {
      type: 'integer',
      minimum: 0,
      maximum: 100,
      description: '已完成百分比 / Percent done',
    },
    progress: { ...statement, description: '进展情况 / Progress so far' },
  },
} as const

/** The reviewer's decision on a pending 延期申请 (POST /api/tasks/:id/extension/decision). */
export const extensionDecisionBody = {
  type: 'object',
  required: ['approve'],
  additionalProperties: false,
  properties: {
    approve: { type: 'boolean', description: 'true 同意，false 不同意 / Approve or refuse' },
    note: { type: 'string', maxLength: 2000, description: '审批意见 / Note' },
  },
} as const

/** 催办 by a person (POST /api/tasks/:id/urge). */
export const urgeBody = {
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: {
    message: {
      ...statement,
      maxLength: 500,
      description: '催办内容 / What the unit is urged to do',
    },
  },
} as const

/** 周期反馈: a unit's progress report on its task. */
export const progressReportBody = {
  type: 'object',
  required: ['percent', 'text'],
  additionalProperties: false,
  properties: {
    percent: {
      type: 'integer',
      minimum: 0,
      maximum: 100,
      description: '完成百分比（0–100）/ Percent complete',
    },
    text: {
      type: 'string',
      minLength: 1,
      maxLength: 4000,
      pattern: '\\S',
      description: '进展情况 / What has been done',
    },
  },
} as const

/** 解除红灯: the office clears an overdue task's red light, saying why. */
export const lightClearanceBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      pattern: '\\S',
      description: '解除理由 / Why the red light is cleared',
    },
  },
} as const

export const signOffBody = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 2000 } },
} as const

/** A reason given for a change of course (转办, 暂停, 关闭, 归档): some text, at most 500 characters. */
export const lifecycleReason = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
} as const

/** Split a task into sub-tasks for units below its owner (POST /api/tasks/:id/subtasks). */
export const subTasksBody = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      description: '分解到的单位 / One row per unit below',
      items: {
        type: 'object',
        required: ['unit', 'dueOn', 'instruction'],
        additionalProperties: false,
        properties: {
          unit: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            description: '下级单位 / Unit below',
          },
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            pattern: '\\S',
            description:
              '新增单位的名称（配置中没有的下级单位）/ Name of a new unit below, one the config lacks',
          },
          dueOn: {
            ...civilDate,
            description: '截止日期，不晚于本任务 / Deadline, not after the task’s',
          },
          instruction: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
            pattern: '\\S',
            description: '任务要求 / What the unit is to do',
          },
          share: { type: 'string', maxLength: 200, description: '分担份额 / Share of the work' },
        },
      },
    },
    dryRun: { type: 'boolean', description: '只预览，不创建 / Preview only' },
  },
} as const

/** Move a task to the right unit (POST /api/tasks/:id/transfer, 转办). */
export const transferTaskBody = {
  type: 'object',
  required: ['toUnit', 'reason'],
  additionalProperties: false,
  properties: {
    toUnit: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: '转至单位 / Unit it moves to',
    },
    reason: { ...lifecycleReason, description: '转办理由 / Why it moves' },
  },
} as const

export type TaskEventBody = FromSchema<typeof taskEventBody>
export type SubTasksBody = FromSchema<typeof subTasksBody>
export type TransferTaskBody = FromSchema<typeof transferTaskBody>
export type SignOffBody = FromSchema<typeof signOffBody>
export type ExtensionRequestBody = FromSchema<typeof extensionRequestBody>
export type ExtensionDecisionBody = FromSchema<typeof extensionDecisionBody>
export type UrgeBody = FromSchema<typeof urgeBody>
export type ProgressReportBody = FromSchema<typeof progressReportBody>
export type LightClearanceBody = FromSchema<typeof lightClearanceBody>
