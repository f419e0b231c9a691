/** @module What moving a running plan to a newer version of its policy does (or would do). */
import type { FromSchema } from 'json-schema-to-ts'
import { count, idName, nullableDate, nullableText, text } from './primitives.ts'

const CHANGE_KINDS = [
  'kept',
  'renamed',
  'deadline',
  'form',
  'removed',
  'unit-removed',
  'added',
  'unit-added',
] as const

/** One task and what the migration does to it. */
const taskChange = {
  type: 'object',
  required: ['sourceId', 'title', 'unit', 'period', 'role', 'changes', 'dueFrom', 'dueTo', 'why'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      description: '已有任务的编号（新任务无）/ The held task’s id (none for new)',
    },
    sourceId: { type: 'string', description: '新版本中的编号 / Its id in the new version' },
    fromSourceId: { type: 'string', description: '改名前的编号 / Its id before a rename' },
    title: text,
    unit: idName,
    period: text,
    role: text,
    state: text,
    changes: { type: 'array', items: { enum: CHANGE_KINDS } },
    dueFrom: nullableDate,
    dueTo: nullableDate,
    why: { type: 'string', description: '写入任务记录的原因 / The reason its history records' },
    flagged: {
      type: 'boolean',
      description:
        '已报送内容不符合新表单（保留原样并标注）/ Its submitted report fails the new form (kept, flagged)',
    },
  },
} as const

const unmatched = {
  type: 'object',
  required: ['removed', 'added'],
  additionalProperties: false,
  properties: {
    removed: {
      type: 'array',
      description: '当前版本中无对应的元素 / Elements of the current version left unmatched',
      items: idName,
    },
    added: {
      type: 'array',
      description: '新版本中无对应的元素 / Elements of the new version nothing matches',
      items: idName,
    },
  },
} as const

const versionRef = {
  type: 'object',
  required: ['id', 'version'],
  additionalProperties: false,
  properties: { id: text, version: text, note: nullableText },
} as const

/** The preview of a migration, or what it did. */
export const planMigrationSchema = {
  type: 'object',
  required: [
    'dryRun',
    'planRevision',
    'from',
    'to',
    'unmatched',
    'renamed',
    'counts',
    'byUnit',
    'byChange',
    'schedules',
    'phases',
  ],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean', description: '仅预览，未写入 / A preview: nothing was written' },
    planRevision: {
      type: 'integer',
      minimum: 0,
      description:
        '计划修订号（预览：当前值，应用时回传；应用后：新值）/ The plan revision: now (send it back to apply), or after',
    },
    from: versionRef,
    to: versionRef,
    unmatched: {
      type: 'object',
      required: ['responsibilities', 'phases', 'indicators', 'assessmentItems'],
      additionalProperties: false,
      properties: {
        responsibilities: unmatched,
        phases: unmatched,
        indicators: unmatched,
        assessmentItems: unmatched,
      },
    },
    renamed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'from', 'to'],
        additionalProperties: false,
        properties: { kind: text, from: text, to: text },
      },
    },
    counts: {
      type: 'object',
      required: [
        'kept',
        'renamed',
        'deadline',
        'form',
        'flagged',
        'removed',
        'unitRemoved',
        'added',
        'unitAdded',
        'timers',
      ],
      additionalProperties: false,
      properties: {
        kept: count,
        renamed: count,
        deadline: count,
        form: count,
        flagged: count,
        removed: count,
        unitRemoved: count,
        added: count,
        unitAdded: count,
        timers: count,
      },
    },
    byUnit: {
      type: 'array',
      description: '按单位 / By unit',
      items: {
        type: 'object',
        required: ['unit', 'tasks'],
        additionalProperties: false,
        properties: { unit: idName, tasks: { type: 'array', items: taskChange } },
      },
    },
    byChange: {
      type: 'array',
      description: '按变化类别 / By kind of change',
      items: {
        type: 'object',
        required: ['kind', 'tasks'],
        additionalProperties: false,
        properties: { kind: { enum: CHANGE_KINDS }, tasks: { type: 'array', items: taskChange } },
      },
    },
    schedules: {
      type: 'array',
      description:
        '周期性职责自下一个未开始的周期起按新版本执行 / Recurring duties that change from their next period',
      items: {
        type: 'object',
        required: ['sourceId', 'title', 'fromPeriod'],
        additionalProperties: false,
        properties: { sourceId: text, title: text, fromPeriod: nullableText },
      },
    },
    phases: {
      type: 'object',
      required: ['added', 'changed'],
      additionalProperties: false,
      properties: {
        added: { type: 'array', items: idName },
        changed: {
          type: 'array',
          items: {
            type: 'object',
            required: ['from', 'to', 'name', 'opensOn', 'closesOn'],
            additionalProperties: false,
            properties: {
              from: text,
              to: text,
              name: text,
              opensOn: nullableDate,
              closesOn: nullableDate,
            },
          },
        },
      },
    },
  },
} as const

/** What a plan may move to: the newer published versions of its policy, and who may move it. */
export const planMigrationOptionsSchema = {
  type: 'object',
  required: ['planRevision', 'current', 'versions', 'mayGovern'],
  additionalProperties: false,
  properties: {
    planRevision: { type: 'integer', minimum: 0 },
    current: versionRef,
    versions: {
      type: 'array',
      description: '更新的已发布版本（新到旧）/ Newer published versions, newest first',
      items: {
        type: 'object',
        required: ['id', 'version', 'note', 'publishedAt'],
        additionalProperties: false,
        properties: {
          id: text,
          version: text,
          note: nullableText,
          publishedAt: { type: 'string', format: 'date-time' },
        },
      },
    },
    mayGovern: {
      type: 'boolean',
      description: '当前用户可否修订本计划 / Whether this user may revise the plan',
    },
  },
} as const

export type PlanMigrationView = FromSchema<typeof planMigrationSchema>
export type PlanMigrationOptions = FromSchema<typeof planMigrationOptionsSchema>
export type TaskChangeView = PlanMigrationView['byUnit'][number]['tasks'][number]
