/**
 * @module The query parameters routes read, as JSON Schemas: they type the web client's queries
 * (`hc<AppType>`) and describe the parameters in /api/openapi.json. The routes read and check
 * their queries themselves (an unknown parameter is ignored, a bad value answered by the route),
 * so these schemas describe and type; they are not enforced.
 */
import type { FromSchema } from 'json-schema-to-ts'

const text = (description: string) => ({ type: 'string', description }) as const

export const taskListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    plan: text('计划编号 / Plan id'),
    phase: text('阶段编号 / Phase id'),
    state: text('状态，逗号分隔 / States, comma-separated'),
    period: text('期间 / Period'),
    overdue: { enum: ['true', 'false'], description: '只看逾期 / Overdue only' },
    role: { enum: ['review'], description: 'review：待我审核 / Tasks I review' },
    scope: { enum: ['all'], description: 'all：全部单位（督办者）/ Every unit (overseers)' },
    assignee: text('承办单位 / Assignee'),
    dueAfter: text('截止日不早于 / Due on or after (YYYY-MM-DD)'),
    dueBefore: text('截止日不晚于 / Due on or before (YYYY-MM-DD)'),
    limit: text('最多条数（≤ 5000）/ At most this many (≤ 5000)'),
    pageSize: text(
      '每页条数（1–500，默认 50）；给出它或 after 即按截止日分页 / Per page (1–500, default 50); with it or after, the list comes a page at a time in deadline order',
    ),
    after: text('翻页游标：上一页的 nextCursor / Page cursor: the nextCursor of the previous page'),
    q: text(
      '搜索任务名称、单位或条款（不区分大小写，≤ 100 字）/ Search the title, the unit or the clause (any case, ≤ 100 characters)',
    ),
    dueSoon: { enum: ['true', 'false'], description: '只看临期 / Due soon only' },
    light: {
      type: 'string',
      pattern: '^(green|blue|yellow|red)(,(green|blue|yellow|red))*$',
      description: '三色预警，逗号分隔，如 red,yellow / Lights, comma-separated',
    },
  },
} as const

export const notificationListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: text('每页条数（1–100，默认 50）/ Per page (1–100, default 50)'),
    offset: text('跳过条数 / How many to skip'),
    unread: { enum: ['true', 'false'], description: 'true：只看未读 / Unread only' },
  },
} as const

export const indicatorValuesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unit: text('单位编号或名称，逗号分隔 / Unit ids or names, comma-separated'),
    period: text('期间：2021、2021-Q1、2021-03 / Period'),
    element: text('数据项编号或名称，逗号分隔 / Input ids or names, comma-separated'),
  },
} as const

export const indicatorImportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: {
      enum: ['all-or-nothing', 'keep-good'],
      description: '全部或全不，或保留无误的行 / All or nothing, or keep the good rows',
    },
    dryRun: { enum: ['true', '1', 'false'], description: 'true：只检查 / Check only' },
  },
} as const

export const indicatorTemplateQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    layout: { enum: ['wide', 'long'], description: '宽表或长表 / Wide or long layout' },
    period: text('要填报的期间 / The period to fill'),
  },
} as const

export const indicatorSeriesQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { scope: text('region、组织编号或单位编号 / region, a group id or a unit id') },
} as const

export const policyDiffQuery = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: { from: text('版本 / Version'), to: text('版本 / Version') },
} as const

export const auditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entity: text('对象类型 / Entity type'),
    entityId: text('对象编号 / Entity id'),
    action: text('操作 / Action'),
    actor: text('操作人 / Actor'),
    limit: text('最多条数（≤ 2000）/ At most this many (≤ 2000)'),
  },
} as const

/** `GET /api/audit/verify`: the whole of every chain, or each from its newest signed checkpoint. */
export const auditVerifyQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: {
      enum: ['checkpoint'],
      description:
        'checkpoint：每条链只校验其最新签名检查点之后的记录（快；全量校验才能发现检查点之前的改动）/ Verify each chain from its newest signed checkpoint only (quick; only a full verification finds a change before it)',
    },
  },
} as const

/** `POST /api/users/import`. */
export const userImportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dryRun: { enum: ['true', '1', 'false'], description: 'true：只检查，不创建 / Check only' },
    regionId: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description:
        '导入到的地区（地区管理员总是本地区；系统管理员不给则不属于任何地区）/ The region the accounts go into (always its own for a region administrator)',
    },
  },
} as const

export const userListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    regionId: {
      type: 'string',
      minLength: 1,
      maxLength: 64,
      description: '只列此地区的用户 / Only the accounts of this region',
    },
  },
} as const

export type TaskListQuery = FromSchema<typeof taskListQuery>
export type IndicatorValuesQuery = FromSchema<typeof indicatorValuesQuery>
export type IndicatorImportQuery = FromSchema<typeof indicatorImportQuery>
export type IndicatorTemplateQuery = FromSchema<typeof indicatorTemplateQuery>
export type IndicatorSeriesQuery = FromSchema<typeof indicatorSeriesQuery>
export type PolicyDiffQuery = FromSchema<typeof policyDiffQuery>
export type AuditQuery = FromSchema<typeof auditQuery>
export type AuditVerifyQuery = FromSchema<typeof auditVerifyQuery>
export type UserImportQuery = FromSchema<typeof userImportQuery>
export type UserListQuery = FromSchema<typeof userListQuery>

/** GET /api/plans: archived plans are left out unless asked for. */
export const planListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: {
      enum: ['running', 'suspended', 'closed', 'archived'],
      description: '只列出该状态的计划 / Only plans in this status',
    },
    all: {
      enum: ['true', 'false'],
      description: 'true：包括已归档的计划 / Include archived plans',
    },
  },
} as const

export const planMembersQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dryRun: {
      enum: ['true', 'false'],
      description:
        'true：只预览将建立与撤回的任务，不写入 / Preview what would change, write nothing',
    },
  },
} as const

const { phase, state, period, overdue, assignee, dueAfter, dueBefore, light } =
  taskListQuery.properties

/** GET /api/plans/:id/ledger (and .xlsx): the task list's filters, and how rows are grouped. */
export const ledgerQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    phase,
    state,
    period,
    overdue,
    assignee,
    dueAfter,
    dueBefore,
    light,
    group: {
      enum: ['phase', 'part'],
      description: '按阶段（默认）或按文件部分分组 / Group by phase (default) or by part',
    },
    pageSize: text(
      '每页条数（1–500）；给出它或 after 即分页返回（仅 JSON，.xlsx 总是整本）/ Rows per page (1–500); with it or after the ledger comes a page at a time (JSON only; the .xlsx is always whole)',
    ),
    after: text('翻页游标：上一页的 nextCursor / Page cursor: the nextCursor of the previous page'),
  },
} as const

/** GET /api/plans/:id/bulletin (and .docx): the period, by default from the policy's effective date (or the plan's start, if earlier) to today. */
export const bulletinQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: text('通报期起日 / First day (YYYY-MM-DD)'),
    to: text('通报期止日 / Last day (YYYY-MM-DD)'),
  },
} as const

export type LedgerQuery = FromSchema<typeof ledgerQuery>
export type BulletinQuery = FromSchema<typeof bulletinQuery>

/** GET /api/plans/:id/progress and /escalations: the plan as it stood on a past day. */
export const planAsOfQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    asOf: {
      type: 'string',
      format: 'date',
      description:
        "历史回看：按该日（北京时间）终了时的状态计，不早于计划开始日、不晚于今天 / View as of the end of this day (Asia/Shanghai), from the plan's start to today",
    },
  },
} as const
export type PlanAsOfQuery = FromSchema<typeof planAsOfQuery>
