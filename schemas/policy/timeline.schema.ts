/** @module The `timeline` section: phases with their windows and gates, and milestones. */
import {
  dueSchema,
  idSchema,
  noteSchema,
  refListSchema,
  refSchema,
  sourceSchema,
  textSchema,
  unspecifiedSchema,
  windowSchema,
} from './common.schema.ts'

export const phaseSchema = {
  type: 'object',
  required: ['id', 'name', 'window'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: { ...textSchema, description: '阶段名称 / Phase name' },
    window: {
      description:
        '阶段时间：短语（如 2018年8—12月）、起止日期，或明确「未规定」/ Phase window, or unspecified',
      oneOf: [...windowSchema.oneOf, unspecifiedSchema],
    },
    after: { ...refListSchema, description: '前置阶段 / Phases that must close first' },
    gate: {
      type: 'object',
      additionalProperties: false,
      description: '阶段关闭条件 / What closes the phase',
      properties: {
        tasksApproved: {
          type: 'boolean',
          description: '阶段内任务全部审核通过（缺省 true）/ All tasks approved (default true)',
        },
        signOff: {
          ...refSchema,
          description: '须由该机构或单位签认（审批）/ Body or unit that signs off',
        },
        milestones: { ...refListSchema, description: '须达成的节点 / Milestones to reach' },
      },
    },
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const milestoneSchema = {
  type: 'object',
  required: ['id', 'name', 'due'],
  additionalProperties: false,
  properties: {
    id: idSchema,
    name: textSchema,
    due: dueSchema,
    phase: refSchema,
    note: noteSchema,
    source: sourceSchema,
  },
} as const

export const timelineSchema = {
  type: 'object',
  description: '时间安排 / Timeline',
  required: ['phases'],
  additionalProperties: false,
  properties: {
    phases: { type: 'array', items: phaseSchema, minItems: 1 },
    milestones: { type: 'array', items: milestoneSchema },
  },
} as const
