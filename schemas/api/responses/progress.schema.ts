/** @module A plan's progress for the leadership, and its escalations (督办 and 通报). */
import type { FromSchema } from 'json-schema-to-ts'
import { planSchema, taskSummarySchema } from './plans-and-tasks.schema.ts'
import { civilDate, count, idName, instant, nullableText, text } from './primitives.ts'

/** A plan's progress for the leadership: each phase with its gate, each unit's counts, escalations. */
export const planProgressSchema = {
  type: 'object',
  required: ['plan', 'today', 'phases', 'parts', 'units', 'escalations', 'unassigned'],
  additionalProperties: false,
  properties: {
    plan: {
      type: 'object',
      required: ['id', 'name', 'policyId', 'startedAt', 'status'],
      additionalProperties: false,
      properties: {
        id: text,
        name: text,
        policyId: text,
        startedAt: instant,
        status: planSchema.properties.status,
      },
    },
    today: civilDate,
    parts: {
      type: 'array',
      description:
        '按文件结构（一、二、… 附件）统计的任务，与时间阶段无关 / Tasks by the document’s own parts, apart from phases',
      items: {
        type: 'object',
        required: ['part', 'duties', 'tasks'],
        additionalProperties: false,
        properties: {
          part: { ...text, description: '文件的部分，如 二、 / The part, e.g. 二、' },
          duties: count,
          tasks: {
            type: 'object',
            required: ['total', 'approved', 'closed'],
            additionalProperties: false,
            properties: { total: count, approved: count, closed: count },
          },
        },
      },
    },
    phases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'opensOn', 'closesOn', 'status', 'late', 'tasks', 'gate'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          opensOn: civilDate,
          closesOn: civilDate,
          status: { enum: ['pending', 'open', 'closed'] },
          late: { type: 'boolean', description: '已过期仍未关闭 / Open past its end' },
          tasks: {
            type: 'object',
            required: ['total', 'approved', 'closed'],
            additionalProperties: false,
            properties: {
              total: count,
              approved: count,
              closed: {
                ...count,
                description: '计划关闭时未完成的任务 / Left undone when the plan closed',
              },
            },
          },
          gate: {
            type: 'object',
            description: '阶段关口 / The phase gate',
            required: [
              'windowEnded',
              'openTasks',
              'signOffRequired',
              'signedOff',
              'milestonesPending',
              'holds',
              'signOffBody',
              'milestones',
            ],
            additionalProperties: false,
            properties: {
              windowEnded: { type: 'boolean' },
              openTasks: count,
              signOffRequired: {
                ...nullableText,
                description: '须签认的机构 / The body that signs off',
              },
              signedOff: { type: 'boolean' },
              milestonesPending: { type: 'array', items: text },
              holds: {
                type: 'boolean',
                description: '关口条件均已满足 / Every gate condition holds',
              },
              signOffBody: { oneOf: [{ type: 'null' }, idName] },
              milestones: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'name', 'due'],
                  additionalProperties: false,
                  properties: { id: text, name: text, due: nullableText },
                },
              },
            },
          },
        },
      },
    },
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'total', 'approved', 'overdue', 'closed', 'lights'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          total: count,
          approved: count,
          overdue: count,
          lights: {
            type: 'object',
            required: ['green', 'blue', 'yellow', 'red'],
            additionalProperties: false,
            properties: { green: count, blue: count, yellow: count, red: count },
            description: '按三色预警计数 / Tasks by status colour',
          },
          closed: {
            ...count,
            description: '计划关闭时未完成的任务 / Left undone when the plan closed',
          },
        },
      },
    },
    escalations: {
      type: 'object',
      required: ['supervise', 'circulate'],
      additionalProperties: false,
      properties: { supervise: count, circulate: count },
    },
    unassigned: {
      type: 'object',
      description: '无人承办的工作 / Work nobody holds',
      required: ['groups', 'duties'],
      additionalProperties: false,
      properties: {
        groups: {
          type: 'array',
          description:
            '没有成员单位的组织及其承担的职责 / Groups with no member, and the duties they own',
          items: {
            type: 'object',
            required: ['id', 'name', 'duties'],
            additionalProperties: false,
            properties: { id: text, name: text, duties: { type: 'array', items: idName } },
          },
        },
        duties: {
          type: 'array',
          description: '没有承办单位的职责及其牵头方 / Duties with no assignee, and who leads them',
          items: {
            type: 'object',
            required: ['id', 'name', 'owners'],
            additionalProperties: false,
            properties: { id: text, name: text, owners: { type: 'array', items: idName } },
          },
        },
      },
    },
  },
} as const

/** Open tasks escalated to 督办 (level 3) and 通报 (level 4), at most 200 each. */
export const escalationsSchema = {
  type: 'object',
  required: ['supervise', 'circulate'],
  additionalProperties: false,
  properties: {
    supervise: { type: 'array', items: taskSummarySchema },
    circulate: { type: 'array', items: taskSummarySchema },
  },
} as const

export type PlanProgressView = FromSchema<typeof planProgressSchema>
export type Escalations = FromSchema<typeof escalationsSchema>
