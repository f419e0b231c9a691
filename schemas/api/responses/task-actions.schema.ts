/** @module The answers of actions on tasks: a batch approval, a 催办, a split into sub-tasks. */
import type { FromSchema } from 'json-schema-to-ts'
import { nullableText, text } from './primitives.ts'
import { taskSummarySchema } from './tasks.schema.ts'

/**
 * The answer to 批量审核通过 (POST /api/tasks/approve): one result per task asked, in order —
 * approved with its new summary, or refused with the error a single approval would have had.
 */
export const batchApproveResultSchema = {
  type: 'object',
  required: ['approved', 'failed', 'results'],
  additionalProperties: false,
  properties: {
    approved: { type: 'integer', minimum: 0 },
    failed: { type: 'integer', minimum: 0 },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'ok'],
        additionalProperties: false,
        properties: {
          id: text,
          ok: { type: 'boolean' },
          task: taskSummarySchema,
          error: {
            type: 'object',
            required: ['code', 'message'],
            additionalProperties: false,
            properties: {
              code: text,
              message: {
                type: 'object',
                required: ['zh', 'en'],
                additionalProperties: false,
                properties: { zh: text, en: text },
              },
            },
          },
        },
      },
    },
  },
} as const

/** The answer to a 催办 (POST /api/tasks/:id/urge). */
export const urgeResultSchema = {
  type: 'object',
  required: ['at', 'from'],
  additionalProperties: false,
  properties: {
    at: { ...text, description: '催办时间 / When' },
    from: { ...text, description: '以哪个单位催办 / Sent as this unit' },
  },
} as const

/** What a split made, or on a dry run would make (POST /api/tasks/:id/subtasks). */
export const splitResultSchema = {
  type: 'object',
  required: ['dryRun', 'parentId', 'depth', 'addedUnits', 'subTasks'],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean' },
    parentId: text,
    depth: { type: 'integer', minimum: 1, description: '层级 / Depth below the duty’s task' },
    addedUnits: {
      type: 'array',
      description: '随分解新增到计划的下级单位 / New units below added to the plan',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: text, name: text },
      },
    },
    subTasks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'unit', 'dueOn', 'instruction', 'share', 'timers'],
        additionalProperties: false,
        properties: {
          id: text,
          unit: {
            type: 'object',
            required: ['id', 'name'],
            additionalProperties: false,
            properties: { id: text, name: text },
          },
          dueOn: text,
          instruction: text,
          share: nullableText,
          timers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['kind', 'fireAt'],
              additionalProperties: false,
              properties: { kind: text, fireAt: text },
            },
          },
        },
      },
    },
  },
} as const

export type UrgeResult = FromSchema<typeof urgeResultSchema>
export type BatchApproveResult = FromSchema<typeof batchApproveResultSchema>
export type SplitResult = FromSchema<typeof splitResultSchema>
