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
    yaml: { type: 'string', minLength: 1, maxLength: 5_000_000, description: '政策配置 YAML / Policy config YAML' },
    sourceText: { type: 'string', maxLength: 5_000_000, description: '来源文件原文 / The source document' },
  },
} as const

/** Publishing: the text to validate and store, and the author's change note (「变更说明」). */
export const publishPolicyBody = {
  ...validatePolicyBody,
  properties: {
    ...validatePolicyBody.properties,
    note: { type: 'string', maxLength: 2000, description: '变更说明，随版本保存 / Change note, stored with the version' },
  },
} as const

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
      additionalProperties: {
        type: 'array',
        maxItems: 5000,
        items: {
          type: 'object',
          required: ['id', 'name'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
      },
    },
  },
} as const

export const TASK_EVENT_TYPES = ['START', 'SAVE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'COMPLETE'] as const

export const taskEventBody = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: TASK_EVENT_TYPES, description: '事件 / Event' },
    data: { type: 'object', description: '表单数据（按任务表单校验）/ Form data, checked against the task form' },
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: '退回理由 / Reason for a return' },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const

export const signOffBody = {
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 2000 } },
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
          period: { type: ['string', 'integer'], description: '期间：2021、2021-Q1、2021-03 / Period' },
          value: { type: ['number', 'string', 'boolean'], description: '数值（精确小数可用文本）/ Value (text keeps exact decimals)' },
        },
      },
    },
  },
} as const

export const computeAssessmentBody = {
  type: 'object',
  required: ['year'],
  additionalProperties: false,
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100, description: '考核年度 / Year assessed' } },
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
export type TaskEventBody = FromSchema<typeof taskEventBody>
export type SignOffBody = FromSchema<typeof signOffBody>
export type IndicatorValuesBody = FromSchema<typeof indicatorValuesBody>
export type ComputeAssessmentBody = FromSchema<typeof computeAssessmentBody>
export type ReviewAssessmentBody = FromSchema<typeof reviewAssessmentBody>
