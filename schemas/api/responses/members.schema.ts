/** @module A group's members in a running plan, and what changing them does (or would do). */
import type { FromSchema } from 'json-schema-to-ts'
import { count, idName, nullableDate, text } from './primitives.ts'

/** A group's members now, the units of the config one may pick, and the version to send back. */
export const planMembersSchema = {
  type: 'object',
  required: ['group', 'configured', 'members', 'units', 'version', 'mayEdit'],
  additionalProperties: false,
  properties: {
    group: idName,
    configured: {
      type: 'array',
      description: '配置中写明的成员（不可在此修改）/ Members the config names (not changed here)',
      items: idName,
    },
    members: {
      type: 'array',
      description:
        '计划给出的成员：配置中的单位或新单位 / Members the plan names: config units or new units',
      items: {
        type: 'object',
        required: ['id', 'name', 'configUnit'],
        additionalProperties: false,
        properties: { id: text, name: text, configUnit: { type: 'boolean' } },
      },
    },
    units: {
      type: 'array',
      description: '可选的本地区单位 / Units of the region that may be picked',
      items: idName,
    },
    version: { type: 'string', description: '成员版本，修改时作 If-Match / Send as If-Match' },
    mayEdit: {
      type: 'boolean',
      description: '当前用户可否修改 / Whether this user may change them',
    },
  },
} as const

const taskOfUnit = {
  type: 'object',
  required: ['sourceId', 'title', 'period', 'role', 'dueOn'],
  additionalProperties: false,
  properties: {
    id: text,
    sourceId: text,
    title: text,
    period: text,
    role: text,
    dueOn: nullableDate,
    state: text,
  },
} as const

const byUnit = {
  type: 'array',
  items: {
    type: 'object',
    required: ['unit', 'tasks'],
    additionalProperties: false,
    properties: { unit: idName, tasks: { type: 'array', items: taskOfUnit } },
  },
} as const

/** What a change of members does: the tasks made per unit, those withdrawn, and the new version. */
export const memberChangeSchema = {
  type: 'object',
  required: ['dryRun', 'group', 'before', 'after', 'create', 'withdraw', 'timers', 'version'],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean', description: '仅预览，未写入 / A preview: nothing was written' },
    group: idName,
    before: { type: 'array', items: idName },
    after: { type: 'array', items: idName },
    create: { ...byUnit, description: '将建立的任务（按单位）/ Tasks made, by unit' },
    withdraw: { ...byUnit, description: '将撤回的任务（按单位）/ Tasks withdrawn, by unit' },
    timers: { ...count, description: '随新任务建立的提醒与督办计时 / Timers of the new tasks' },
    version: {
      type: 'string',
      description:
        '此后的成员版本（预览时为当前版本）/ The members’ version after (now, for a preview)',
    },
  },
} as const

export type PlanMembersView = FromSchema<typeof planMembersSchema>
export type MemberChangeView = FromSchema<typeof memberChangeSchema>
