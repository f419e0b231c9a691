/** @module Answers about plans and tasks: a plan, its phases, starting it, sign-off, task summaries and pages. */
import type { FromSchema } from 'json-schema-to-ts'
import { civilDate, instant, nullableDate, nullableText, text } from './primitives.ts'

/** A plan's lifecycle: running ⇄ suspended → closed → archived (server/plans/plan-lifecycle.ts). */
export const PLAN_STATUSES = ['running', 'suspended', 'closed', 'archived'] as const

/** 三色预警, in rising urgency (domain/supervision/task-light.ts computes it). */
export const TASK_LIGHTS = ['green', 'blue', 'yellow', 'red'] as const

const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const

export const planSchema = {
  type: 'object',
  required: [
    'id',
    'policy_version_id',
    'policy_id',
    'name',
    'status',
    'extra_units',
    'started_at',
    'started_by',
    'suspended_at',
    'closed_at',
    'closed_by',
    'close_reason',
    'archived_at',
    'archived_by',
    'revision',
    'shift_years',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    policy_version_id: text,
    policy_id: text,
    name: text,
    status: {
      enum: PLAN_STATUSES,
      description:
        '运行中、已暂停、已关闭、已归档 / Running, suspended, closed (its period over), archived (read-only)',
    },
    extra_units: {
      type: 'string',
      description: 'JSON：启动时补充的成员单位 / JSON: members supplied at start',
    },
    started_at: instant,
    started_by: text,
    suspended_at: {
      ...nullableInstant,
      description: '本次暂停开始时间 / When the current suspension began',
    },
    closed_at: { ...nullableInstant, description: '关闭时间 / When it was closed' },
    closed_by: { ...nullableText, description: '关闭人 / Who closed it' },
    close_reason: { ...nullableText, description: '关闭原因 / Why it was closed' },
    archived_at: { ...nullableInstant, description: '归档时间 / When it was archived' },
    archived_by: { ...nullableText, description: '归档人 / Who archived it' },
    revision: {
      type: 'integer',
      minimum: 0,
      description:
        '计划构成的修订号（迁移、成员调整时递增）/ Advances with every change of the plan’s make-up',
    },
    shift_years: {
      type: 'integer',
      description:
        '日期顺延年数（演示计划按移后的日历运行；0 为文件原定日期）/ Whole years the plan’s calendar is moved from its version’s dates (0: the document’s own)',
    },
  },
} as const

export const planPhaseSchema = {
  type: 'object',
  required: [
    'plan_id',
    'phase_id',
    'name',
    'opens_on',
    'closes_on',
    'status',
    'opened_at',
    'closed_at',
  ],
  additionalProperties: false,
  properties: {
    plan_id: text,
    phase_id: text,
    name: text,
    opens_on: civilDate,
    closes_on: civilDate,
    status: { enum: ['pending', 'open', 'closed'] },
    opened_at: { type: ['string', 'null'], format: 'date-time' },
    closed_at: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const planListSchema = {
  type: 'object',
  required: ['plans'],
  additionalProperties: false,
  properties: { plans: { type: 'array', items: planSchema } },
} as const

export const planDetailSchema = {
  type: 'object',
  required: ['plan', 'policy', 'phases'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    policy: {
      type: 'object',
      required: ['id', 'title', 'version'],
      additionalProperties: false,
      properties: { id: text, title: text, version: text },
    },
    phases: { type: 'array', items: planPhaseSchema },
  },
} as const

export const startPlanResultSchema = {
  type: 'object',
  required: ['plan', 'tasks', 'unassigned'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    tasks: { type: 'integer', description: '建立的任务数 / Tasks created' },
    unassigned: {
      type: 'array',
      items: text,
      description: '未给成员单位的组织 / Groups left without members',
    },
  },
} as const

export const signOffResultSchema = {
  type: 'object',
  required: ['closed'],
  additionalProperties: false,
  properties: {
    closed: { type: 'boolean', description: '阶段是否因此关闭 / Whether the phase closed' },
  },
} as const

export const taskSummarySchema = {
  type: 'object',
  required: [
    'id',
    'planId',
    'sourceId',
    'kind',
    'title',
    'assignee',
    'role',
    'period',
    'phaseId',
    'state',
    'version',
    'opensOn',
    'dueOn',
    'duePhrase',
    'overdue',
    'escalation',
    'light',
    'dueSoon',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    planId: text,
    sourceId: { type: 'string', description: '职责或程序编号 / Responsibility or procedure id' },
    kind: {
      type: 'string',
      description: 'responsibility | procedure | indicator-entry | rectification',
    },
    title: text,
    assignee: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id: text, name: text },
    },
    role: { type: 'string', description: 'lead | support | applicant | sub' },
    period: { type: 'string', description: 'once, 2018-Q3, 2019, 2019-04' },
    phaseId: nullableText,
    state: text,
    version: { type: 'integer', description: 'If-Match 用 / For If-Match' },
    opensOn: nullableDate,
    dueOn: nullableDate,
    duePhrase: {
      ...nullableText,
      description: '文件原文的期限 / The deadline as the document writes it',
    },
    overdue: { type: 'boolean' },
    escalation: {
      type: 'integer',
      minimum: 0,
      maximum: 4,
      description:
        '当前督办级别：0 无，1 提醒，2 催办，3 督办，4 通报；已办结、撤销或关闭的任务为 0 / Standing escalation level; 0 once the task is done, withdrawn or closed',
    },
    originalDueOn: {
      ...nullableDate,
      description: '延期前的截止日（未延期为 null）/ The due date before an approved extension',
    },
    light: {
      enum: TASK_LIGHTS,
      description:
        '三色预警：green 正常、blue 临期、yellow 滞后或被退回、red 逾期 / Status colour: on track, due soon, behind or returned, overdue',
    },
    dueSoon: {
      type: 'boolean',
      description:
        '临期：尚未办结且在若干个工作日内到期（与蓝灯同一定义）/ Due soon: still owed and due within the working days the blue light counts',
    },
    clause: {
      ...nullableText,
      description: '文件条款，如「四、(二)」/ The clause of the document, e.g. 四、(二)',
    },
    reportFlagged: {
      type: 'boolean',
      description:
        '已报送内容不符合修订后的表单（保留原样）/ Its report fails the revised form (kept as is)',
    },
  },
} as const

export const taskListSchema = {
  type: 'object',
  required: ['counts', 'tasks'],
  additionalProperties: false,
  properties: {
    counts: {
      type: 'object',
      required: ['total', 'overdue', 'dueSoon', 'escalated', 'byState', 'byLight'],
      additionalProperties: false,
      properties: {
        total: { type: 'integer' },
        overdue: { type: 'integer' },
        dueSoon: { type: 'integer', description: '临期 / Due soon' },
        escalated: { type: 'integer' },
        byState: { type: 'object', additionalProperties: { type: 'integer' } },
        byLight: {
          type: 'object',
          required: [...TASK_LIGHTS],
          additionalProperties: false,
          properties: Object.fromEntries(
            TASK_LIGHTS.map((light) => [light, { type: 'integer' }]),
          ) as {
            [L in (typeof TASK_LIGHTS)[number]]: { type: 'integer' }
          },
          description: '按三色预警计数（筛选前）/ Counts by light, before the light filter',
        },
      },
    },
    tasks: { type: 'array', items: taskSummarySchema },
    nextCursor: {
      type: ['string', 'null'],
      description:
        '分页时：下一页的游标（null 为最后一页）/ When paged: the cursor of the next page (null on the last)',
    },
  },
} as const

/** One progress report (周期反馈) as the task page lists it. */
export const progressReportSchema = {
  type: 'object',
  required: ['id', 'period', 'percent', 'text', 'reportedBy', 'reportedByName', 'reportedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    period: { ...civilDate, description: '所报周期的报送截止日 / The report due date it answers' },
    percent: { type: 'integer', minimum: 0, maximum: 100 },
    text,
    reportedBy: text,
    reportedByName: text,
    reportedAt: instant,
  },
} as const

/** A task's periodic progress reports: how often, the next due, the reports made. */
export const progressViewSchema = {
  type: 'object',
  required: [
    'every',
    'nextDue',
    'expectedPercent',
    'mayReport',
    'reports',
    'clearances',
    'mayClearRed',
  ],
  additionalProperties: false,
  properties: {
    every: {
      enum: ['week', 'month', 'quarter', null],
      description: '报送周期（null 不要求定期报送）/ How often (null: no periodic reports)',
    },
    nextDue: { ...nullableDate, description: '下次报送截止日 / Next report due' },
    expectedPercent: {
      type: ['integer', 'null'],
      description: '序时进度（按工作日）/ Progress expected by now, in working days',
    },
    mayReport: { type: 'boolean', description: '当前用户可报送进度 / This user may report' },
    reports: { type: 'array', items: progressReportSchema },
    clearances: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'clearedBy', 'clearedAt'],
        additionalProperties: false,
        properties: { reason: text, clearedBy: text, clearedAt: instant },
      },
      description: '解除红灯记录 / Red lights cleared by the office',
    },
    mayClearRed: { type: 'boolean', description: '当前用户可解除红灯 / This user may clear red' },
  },
} as const

/** One 延期申请 as the API shows it. */
export const extensionSchema = {
  type: 'object',
  required: ['id', 'status', 'dueFrom', 'dueTo', 'reason', 'reviewer', 'requestedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    status: { enum: ['pending', 'approved', 'refused'] },
    unit: text,
    requestedBy: text,
    requestedAt: text,
    dueFrom: { type: 'string', description: '申请时的截止日 / The due date when asked' },
    dueTo: { type: 'string', description: '申请的截止日 / The due date asked for' },
    reason: text,
    percent: { type: ['integer', 'null'] },
    progress: nullableText,
    reviewer: { ...text, description: '审批单位 / Who decides' },
    decidedBy: nullableText,
    decidedAt: nullableText,
    note: nullableText,
  },
} as const

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

/** One task's page: its summary and more (form, data, history, allowed events …). */
export const taskDetailSchema = {
  type: 'object',
  required: [...taskSummarySchema.required, 'form', 'data', 'allowedEvents', 'history'],
  properties: {
    ...taskSummarySchema.properties,
    form: {
      type: ['object', 'null'],
      description: '报告表单（JSON Schema）/ The report form (JSON Schema)',
    },
    data: { type: ['object', 'null'], description: '表单数据 / Form data' },
    note: {
      type: ['string', 'null'],
      description: '配置中写在该职责上的说明 / The note the config writes on the duty',
    },
    share: {
      type: ['string', 'null'],
      description:
        '分别负责时本任务单位自己的分工 / The assignee’s own share when leads each have theirs',
    },
    allowedEvents: {
      type: 'array',
      items: { enum: ['START', 'SAVE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'COMPLETE'] },
    },
    history: { type: 'array', items: { type: 'object' } },
    extensions: {
      type: 'array',
      items: extensionSchema,
      description: '延期申请（最新在前）/ Extension requests, latest first',
    },
    mayRequestExtension: { type: 'boolean', description: '可申请延期 / May ask for an extension' },
    mayDecideExtension: { type: 'boolean', description: '可审批延期 / May decide the pending one' },
    mayUrge: { type: 'boolean', description: '可催办 / May urge the unit' },
    closedOut: {
      type: ['object', 'null'],
      required: ['at', 'by'],
      properties: { at: { type: 'string' }, by: { type: 'string' }, byName: { type: 'string' } },
      description: '已销号：审核通过的时间与审核人 / Closed out: when and by whom',
    },
    closeOutEvidence: {
      enum: ['required', 'optional', null],
      description: '销号是否须附佐证材料 / Whether close-out needs an attachment',
    },
    urgeReads: {
      type: 'array',
      description: '每次催办的已读回执 / Who read each 催办, and when',
      items: {
        type: 'object',
        required: ['notificationId', 'at', 'recipient', 'reads'],
        additionalProperties: false,
        properties: {
          notificationId: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          recipient: { type: 'string' },
          reads: {
            type: 'array',
            items: {
              type: 'object',
              required: ['userId', 'name', 'readAt'],
              additionalProperties: false,
              properties: {
                userId: { type: 'string' },
                name: { type: 'string' },
                readAt: { type: 'string', format: 'date-time' },
              },
            },
          },
        },
      },
    },
    split: {
      type: ['object', 'null'],
      description:
        '子任务：上级的要求与所属任务 / On a sub-task: what its parent asked, and which task',
    },
    subTasks: {
      type: 'array',
      items: { type: 'object' },
      description: '分解出的子任务及其状态、报送 / Its sub-tasks, their states and reports',
    },
    splitUnits: {
      type: 'array',
      items: { type: 'object' },
      description: '可分解到的下级单位 / Units below it may be split to now',
    },
    transferUnits: {
      type: 'array',
      items: { type: 'object' },
      description: '可转办到的单位（办公室）/ Units the office may transfer it to',
    },
    progress: progressViewSchema,
    reportFlag: {
      type: ['object', 'null'],
      required: ['version', 'errors'],
      properties: {
        version: { type: 'string' },
        errors: { type: 'array', items: { type: 'string' } },
      },
      description:
        '计划修订后，已报送内容不符合新表单：保留原报送并标注 / After a revision, the report fails the new form: kept as submitted, flagged',
    },
  },
} as const

export type ExtensionView = FromSchema<typeof extensionSchema>
export type UrgeResult = FromSchema<typeof urgeResultSchema>
export type BatchApproveResult = FromSchema<typeof batchApproveResultSchema>
export type PlanView = FromSchema<typeof planSchema>
export type ProgressReportView = FromSchema<typeof progressReportSchema>
export type ProgressView = FromSchema<typeof progressViewSchema>
export type PlanDetailView = FromSchema<typeof planDetailSchema>
export type StartPlanResult = FromSchema<typeof startPlanResultSchema>
export type SignOffResult = FromSchema<typeof signOffResultSchema>
export type TaskSummary = FromSchema<typeof taskSummarySchema>
export type TaskList = FromSchema<typeof taskListSchema>
export type TaskDetailView = FromSchema<typeof taskDetailSchema>
export type SplitResult = FromSchema<typeof splitResultSchema>
