/** @module A plan's progress for the leadership, and its escalations (督办 and 通报). */
import type { FromSchema } from 'json-schema-to-ts'
import { planSchema } from './plans.schema.ts'
import { taskSummarySchema } from './tasks.schema.ts'
import { civilDate, count, idName, instant, nullableText, text } from './primitives.ts'

/** Tasks by 三色预警 colour. */
const lightCounts = {
  type: 'object',
  required: ['green', 'blue', 'yellow', 'red'],
  additionalProperties: false,
  properties: { green: count, blue: count, yellow: count, red: count },
  description: '按三色预警计数 / Tasks by status colour',
} as const

/** A share done: tasks counted, done, left undone by a closed plan, and the percent (rounded down). */
const shareDone = {
  type: 'object',
  required: ['total', 'approved', 'closed', 'percent'],
  additionalProperties: false,
  properties: {
    total: count,
    approved: count,
    closed: { ...count, description: '计划关闭时未完成的任务 / Left undone when the plan closed' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
  },
} as const

/** A plan's progress for the leadership: each phase with its gate, each unit's counts, escalations. */
export const planProgressSchema = {
  type: 'object',
  required: ['plan', 'today', 'summary', 'phases', 'parts', 'units', 'escalations', 'unassigned'],
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
    asOf: {
      ...civilDate,
      description:
        "仅在历史回看时出现：各任务为该日终了时的状态，today 即该日 / Only when a past day was asked for: every task as it stood at that day's end, and today is that day",
    },
    summary: {
      type: 'object',
      description:
        '全计划：完成率按每项职责的任务计（与各阶段一致），逾期与灯色按全部任务计 / The whole plan: the share done counts each duty once (as the phases do); overdue and colours count every task',
      required: [...shareDone.required, 'overdue', 'unphased', 'lights'],
      additionalProperties: false,
      properties: {
        ...shareDone.properties,
        overdue: count,
        unphased: { ...shareDone, description: '不属于任何阶段的任务 / Tasks of no phase' },
        lights: lightCounts,
      },
    },
    parts: {
      type: 'array',
      description:
        '按文件结构（一、二、… 附件）统计的任务，与时间阶段无关 / Tasks by the document’s own parts, apart from phases',
      items: {
        type: 'object',
        required: ['part', 'title', 'duties', 'tasks'],
        additionalProperties: false,
        properties: {
          part: { ...text, description: '文件的部分，如 二、 / The part, e.g. 二、' },
          title: {
            ...nullableText,
            description:
              '配置 structure.parts 中该部分的标题，未命名为 null / The part’s heading from the config’s structure.parts, null if unnamed',
          },
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
        required: [
          'id',
          'name',
          'opensOn',
          'closesOn',
          'status',
          'late',
          'standing',
          'percent',
          'tasks',
          'gate',
        ],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          opensOn: civilDate,
          closesOn: civilDate,
          status: { enum: ['pending', 'open', 'closed'] },
          late: { type: 'boolean', description: '已过期仍未关闭 / Open past its end' },
          standing: {
            enum: ['pending', 'open', 'late', 'met', 'unfinished'],
            description:
              '未开始 / 进行中 / 逾期未关闭 / 已完成 / 已关闭未完成 — Not started, open, late, met, closed unfinished',
          },
          percent: { type: 'integer', minimum: 0, maximum: 100 },
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
        required: [
          'id',
          'name',
          'total',
          'approved',
          'overdue',
          'closed',
          'lights',
          'supervised',
          'percent',
          'onTimeRate',
        ],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          total: count,
          approved: count,
          overdue: count,
          lights: lightCounts,
          supervised: {
            ...count,
            description: '督办中（督办、通报）/ Under 督办 (levels 3 and 4)',
          },
          percent: { type: 'integer', minimum: 0, maximum: 100 },
          onTimeRate: {
            oneOf: [{ type: 'null' }, { type: 'integer', minimum: 0, maximum: 100 }],
            description:
              '按时完成率：到期或已完成的任务中按时完成的百分比 / On-time rate: of tasks due or done, the percent done by their date',
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
      description:
        '未办结任务的督办级别（与任务徽标同一口径）/ Open tasks by escalation level (as their badges show)',
      required: ['remind', 'urge', 'supervise', 'circulate', 'supervised'],
      additionalProperties: false,
      properties: {
        remind: count,
        urge: count,
        supervise: count,
        circulate: count,
        supervised: { ...count, description: '督办中：督办与通报 / Under 督办: levels 3 and 4' },
      },
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
  required: ['supervise', 'circulate', 'urgeable'],
  additionalProperties: false,
  properties: {
    supervise: { type: 'array', items: taskSummarySchema },
    circulate: { type: 'array', items: taskSummarySchema },
    urgeable: {
      type: 'array',
      items: { type: 'string' },
      description: '其中本人可催办的任务 / The listed tasks this reader may urge (催办)',
    },
  },
} as const

export type PlanProgressView = FromSchema<typeof planProgressSchema>
export type Escalations = FromSchema<typeof escalationsSchema>
