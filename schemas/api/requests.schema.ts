/**
 * @module JSON Schemas of the HTTP request bodies. Routes validate with them (Ajv, at the edge),
 * their TypeScript types come from them, and /api/openapi.json is built from them.
 */
import type { FromSchema } from 'json-schema-to-ts'

const id = { type: 'string', minLength: 1, maxLength: 200 } as const

export const loginBody = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 100 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const

export const validatePolicyBody = {
  type: 'object',
  required: ['yaml'],
  additionalProperties: false,
  properties: {
    yaml: {
      type: 'string',
      minLength: 1,
      maxLength: 5_000_000,
      description: '政策配置 YAML / Policy config YAML',
    },
    sourceText: {
      type: 'string',
      maxLength: 5_000_000,
      description: '来源文件原文 / The source document',
    },
  },
} as const

/** Publishing: the text to validate and store, and the author's change note (「变更说明」). */
export const publishPolicyBody = {
  ...validatePolicyBody,
  properties: {
    ...validatePolicyBody.properties,
    note: {
      type: 'string',
      maxLength: 2000,
      description: '变更说明，随版本保存 / Change note, stored with the version',
    },
    regionId: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description:
        '新政策发布到的地区（默认：本人所在地区；不属于任何地区的作者默认按配置中的地区匹配）；已有政策始终在其地区 / The region a new policy is published into (default: your region; for an account above every region, the one the config names); an existing policy stays in its region',
    },
  },
} as const

/** A member of a group: a unit of the config (its id and name), or a new unit of the plan. */
const memberUnit = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 },
    name: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const

const memberList = { type: 'array', maxItems: 5000, items: memberUnit } as const

export const startPlanBody = {
  type: 'object',
  required: ['policyId', 'version'],
  additionalProperties: false,
  properties: {
    policyId: id,
    version: id,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    members: {
      type: 'object',
      description: '文件未列名单的组织的成员单位 / Members for groups the document leaves open',
      additionalProperties: memberList,
    },
  },
} as const

/** A group's full new list of members in a running plan (PUT …/groups/:groupId/members). */
export const planMembersBody = {
  type: 'object',
  required: ['members'],
  additionalProperties: false,
  properties: {
    members: {
      ...memberList,
      description:
        '该组织的全部成员单位（配置中的单位或新单位）/ Every member of the group: config units or new units',
    },
  },
} as const

const renameMap = (zh: string, en: string) =>
  ({
    type: 'object',
    maxProperties: 2000,
    propertyNames: { minLength: 1, maxLength: 200 },
    additionalProperties: id,
    description: `${zh}：旧标识 → 新标识 / ${en}: old id → new id`,
  }) as const

/** Moving a running plan to a newer published version of its policy (or previewing it). */
export const planMigrationBody = {
  type: 'object',
  required: ['toVersion'],
  additionalProperties: false,
  properties: {
    toVersion: {
      type: 'string',
      minLength: 1,
      maxLength: 50,
      description: '目标版本号（同一政策已发布的更新版本）/ The newer published version to move to',
    },
    renames: {
      type: 'object',
      additionalProperties: false,
      description: '改了标识的元素 / Elements whose id changed',
      properties: {
        responsibilities: renameMap('职责', 'Responsibilities'),
        phases: renameMap('阶段', 'Phases'),
        indicators: renameMap('指标', 'Indicators'),
        assessmentItems: renameMap(
          '考核项（写作 考核/考核项）',
          'Assessment items (as assessment/item)',
        ),
      },
    },
    dryRun: { type: 'boolean', description: '仅预览，不写入 / Preview only: write nothing' },
    planRevision: {
      type: 'integer',
      minimum: 0,
      description:
        '预览时计划的修订号；应用时必填 / The plan revision the preview showed; required to apply',
    },
  },
} as const

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

const lifecycleReason = {
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

/** Suspend a running plan (POST /api/plans/:id/suspend). */
export const suspendPlanBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: { ...lifecycleReason, description: '暂停原因 / Why the plan is suspended' },
  },
} as const

/** Activate an optional duty (POST /api/plans/:id/duties/:dutyId/activate). */
export const activateDutyBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: {
      ...lifecycleReason,
      description: '认定条件成熟的依据 / Why the duty’s condition now holds',
    },
  },
} as const

/** Resume a suspended plan (POST /api/plans/:id/resume). */
export const resumePlanBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fireMissed: {
      type: 'boolean',
      description:
        'true：暂停期间到期的提醒、催办、督办、通报现在各触发一次；默认取消 / Fire the reminders and escalations that fell due while suspended, once each (default: cancel them)',
    },
  },
} as const

/** Close a plan at the end of its effective period, or preview the close (POST …/close). */
export const closePlanBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: {
      ...lifecycleReason,
      description:
        '关闭原因，写入每个未完成任务 / Why, written on each open task (required unless dryRun)',
    },
    dryRun: {
      type: 'boolean',
      description:
        'true：只列出将关闭的未完成任务，不写入 / List the open tasks a close would end, write nothing',
    },
    force: {
      type: 'boolean',
      description:
        '有效期届满前强制关闭（仅系统管理员、地区管理员）/ Close before the effective period ends (system or region administrators only)',
    },
  },
} as const

/** Archive a closed plan (POST /api/plans/:id/archive). */
export const archivePlanBody = {
  type: 'object',
  additionalProperties: false,
  properties: {},
} as const

/** The most values one PUT takes; larger batches go through the import. */
export const MAX_PUT_VALUES = 10_000

export const indicatorValuesBody = {
  type: 'object',
  required: ['values'],
  additionalProperties: false,
  properties: {
    values: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_PUT_VALUES,
      items: {
        type: 'object',
        required: ['element', 'unit', 'period', 'value'],
        additionalProperties: false,
        properties: {
          element: { ...id, description: '数据项编号或名称 / Input (data element) id or name' },
          unit: { ...id, description: '单位编号或名称，或 region / Unit id or name, or region' },
          period: {
            type: ['string', 'integer'],
            description: '期间：2021、2021-Q1、2021-03 / Period',
          },
          value: {
            type: ['number', 'string', 'boolean'],
            description: '数值（精确小数可用文本）/ Value (text keeps exact decimals)',
          },
        },
      },
    },
  },
} as const

export const computeAssessmentBody = {
  type: 'object',
  required: ['year'],
  additionalProperties: false,
  properties: {
    year: {
      type: 'integer',
      minimum: 2000,
      maximum: 2100,
      description: '考核年度 / Year assessed',
    },
  },
} as const

export const reviewAssessmentBody = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 2000, description: '审核意见 / Review note' } },
} as const

export type LoginBody = FromSchema<typeof loginBody>
export type ValidatePolicyBody = FromSchema<typeof validatePolicyBody>
export type PublishPolicyBody = FromSchema<typeof publishPolicyBody>
export type StartPlanBody = FromSchema<typeof startPlanBody>
export type PlanMembersBody = FromSchema<typeof planMembersBody>
export type PlanMigrationBody = FromSchema<typeof planMigrationBody>
export type TaskEventBody = FromSchema<typeof taskEventBody>
export type SubTasksBody = FromSchema<typeof subTasksBody>
export type TransferTaskBody = FromSchema<typeof transferTaskBody>
export type SignOffBody = FromSchema<typeof signOffBody>
export type ExtensionRequestBody = FromSchema<typeof extensionRequestBody>
export type ExtensionDecisionBody = FromSchema<typeof extensionDecisionBody>
export type UrgeBody = FromSchema<typeof urgeBody>
export type SuspendPlanBody = FromSchema<typeof suspendPlanBody>
export type ActivateDutyBody = FromSchema<typeof activateDutyBody>
export type ResumePlanBody = FromSchema<typeof resumePlanBody>
export type ClosePlanBody = FromSchema<typeof closePlanBody>
export type IndicatorValuesBody = FromSchema<typeof indicatorValuesBody>
export type ComputeAssessmentBody = FromSchema<typeof computeAssessmentBody>
export type ReviewAssessmentBody = FromSchema<typeof reviewAssessmentBody>
export type ProgressReportBody = FromSchema<typeof progressReportBody>
export type LightClearanceBody = FromSchema<typeof lightClearanceBody>

export * from './requests/accounts.schema.ts'
