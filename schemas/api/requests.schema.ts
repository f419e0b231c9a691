/**
 * @module JSON Schemas of the HTTP request bodies. Routes validate with them (Ajv, at the edge),
 * their TypeScript types come from them, and /api/openapi.json is built from them.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { lifecycleReason } from './requests/tasks.schema.ts'

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
export type SuspendPlanBody = FromSchema<typeof suspendPlanBody>
export type ActivateDutyBody = FromSchema<typeof activateDutyBody>
export type ResumePlanBody = FromSchema<typeof resumePlanBody>
export type ClosePlanBody = FromSchema<typeof closePlanBody>
export type IndicatorValuesBody = FromSchema<typeof indicatorValuesBody>
export type ComputeAssessmentBody = FromSchema<typeof computeAssessmentBody>
export type ReviewAssessmentBody = FromSchema<typeof reviewAssessmentBody>

export * from './requests/accounts.schema.ts'
export * from './requests/tasks.schema.ts'
