/**
 * @module JSON Schemas of the main API answers. /api/openapi.json describes the responses with
 * them; the server builds some answers typed by them (a task summary, a policy summary), and a
 * type test (test/api/contract.types.test.ts) holds every described route's answer to its schema,
 * so the description cannot drift from what is sent.
 */
import type { FromSchema } from 'json-schema-to-ts'
import { issueSchema, localizedTextSchema } from './error.schema.ts'

const text = { type: 'string' } as const
const nullableText = { type: ['string', 'null'] } as const
const instant = { type: 'string', format: 'date-time' } as const
const civilDate = { type: 'string', format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' } as const
const nullableDate = { type: ['string', 'null'], format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' } as const

/** `{ ok: true }`: the request did what it asked. */
export const okSchema = { type: 'object', required: ['ok'], additionalProperties: false, properties: { ok: { const: true } } } as const

export const currentUserSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'units', 'mustChangePassword'],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    roles: { type: 'array', items: text, description: 'author, department, reviewer, leader, admin' },
    units: { type: 'object', description: '各政策下所属单位 / Units per policy id', additionalProperties: { type: 'array', items: text } },
    mustChangePassword: { type: 'boolean', description: '须先修改一次性密码 / The one-time password must be changed first' },
  },
} as const

/** Login and `GET /api/auth/me`: the user and the session's CSRF token. */
export const sessionSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  additionalProperties: false,
  properties: { user: currentUserSchema, csrfToken: { type: 'string', description: '写请求须带 X-CSRF-Token / Send as X-CSRF-Token on writes' } },
} as const

/** An account as its administrator sees it (never its password or hash). */
export const userSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'phone', 'email', 'roles', 'units', 'active', 'mustChangePassword', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    phone: nullableText,
    email: nullableText,
    roles: { type: 'array', items: text },
    units: { type: 'array', items: { type: 'object', required: ['policyId', 'unitId'], additionalProperties: false, properties: { policyId: text, unitId: text } } },
    active: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: instant,
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const userListSchema = { type: 'object', required: ['users'], additionalProperties: false, properties: { users: { type: 'array', items: userSchema } } } as const

/** A created account, with the one-time password when none was given (shown this once). */
export const createdUserSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: userSchema, initialPassword: { type: 'string', description: '一次性初始密码，仅显示这一次 / The one-time password, shown this once' } },
} as const

export const userResultSchema = { type: 'object', required: ['user'], additionalProperties: false, properties: { user: userSchema } } as const

export const passwordResetSchema = {
  type: 'object',
  required: ['user', 'oneTimePassword'],
  additionalProperties: false,
  properties: { user: userSchema, oneTimePassword: { type: 'string', description: '一次性密码，仅显示这一次 / The one-time password, shown this once' } },
} as const

export const policySummarySchema = {
  type: 'object',
  required: ['id', 'policyId', 'version', 'title', 'region', 'contentHash', 'publishedAt', 'publishedBy', 'note'],
  additionalProperties: false,
  properties: {
    id: text,
    policyId: text,
    version: text,
    title: text,
    region: text,
    contentHash: { type: 'string', description: 'sha256' },
    publishedAt: instant,
    publishedBy: text,
    note: { ...nullableText, description: '变更说明 / Change note' },
  },
} as const

export const policyListSchema = { type: 'object', required: ['policies'], additionalProperties: false, properties: { policies: { type: 'array', items: policySummarySchema } } } as const
export const policyVersionsSchema = { type: 'object', required: ['versions'], additionalProperties: false, properties: { versions: { type: 'array', items: policySummarySchema } } } as const

/** One version with its text, source document and config (the config is described by PolicyConfig). */
export const policyVersionSchema = {
  type: 'object',
  required: [...policySummarySchema.required, 'yaml', 'sourceText', 'config'],
  additionalProperties: false,
  properties: {
    ...policySummarySchema.properties,
    yaml: text,
    sourceText: nullableText,
    config: { type: 'object', description: 'PolicyConfig (#/components/schemas/PolicyConfig)' },
  },
} as const

export const publishResultSchema = {
  type: 'object',
  required: ['version', 'created'],
  additionalProperties: false,
  properties: { version: policySummarySchema, created: { type: 'boolean', description: 'false：内容与已有版本相同 / false: the same content was already published' } },
} as const

export const validateResultSchema = {
  type: 'object',
  required: ['ok', 'issues'],
  additionalProperties: false,
  properties: { ok: { type: 'boolean' }, issues: { type: 'array', items: issueSchema } },
} as const

export const planSchema = {
  type: 'object',
  required: ['id', 'policy_version_id', 'policy_id', 'name', 'status', 'extra_units', 'started_at', 'started_by'],
  additionalProperties: false,
  properties: {
    id: text,
    policy_version_id: text,
    policy_id: text,
    name: text,
    status: { enum: ['running', 'finished'] },
    extra_units: { type: 'string', description: 'JSON：启动时补充的成员单位 / JSON: members supplied at start' },
    started_at: instant,
    started_by: text,
  },
} as const

export const planPhaseSchema = {
  type: 'object',
  required: ['plan_id', 'phase_id', 'name', 'opens_on', 'closes_on', 'status', 'opened_at', 'closed_at'],
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

export const planListSchema = { type: 'object', required: ['plans'], additionalProperties: false, properties: { plans: { type: 'array', items: planSchema } } } as const

export const planDetailSchema = {
  type: 'object',
  required: ['plan', 'policy', 'phases'],
  additionalProperties: false,
  properties: {
    plan: planSchema,
    policy: { type: 'object', required: ['id', 'title', 'version'], additionalProperties: false, properties: { id: text, title: text, version: text } },
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
    unassigned: { type: 'array', items: text, description: '未给成员单位的组织 / Groups left without members' },
  },
} as const

export const signOffResultSchema = {
  type: 'object',
  required: ['closed'],
  additionalProperties: false,
  properties: { closed: { type: 'boolean', description: '阶段是否因此关闭 / Whether the phase closed' } },
} as const

export const taskSummarySchema = {
  type: 'object',
  required: ['id', 'planId', 'sourceId', 'kind', 'title', 'assignee', 'role', 'period', 'phaseId', 'state', 'version', 'opensOn', 'dueOn', 'duePhrase', 'overdue', 'escalation'],
  additionalProperties: false,
  properties: {
    id: text,
    planId: text,
    sourceId: { type: 'string', description: '职责或程序编号 / Responsibility or procedure id' },
    kind: { type: 'string', description: 'responsibility | procedure | indicator-entry | rectification' },
    title: text,
    assignee: { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: text, name: text } },
    role: { type: 'string', description: 'lead | support | applicant' },
    period: { type: 'string', description: 'once, 2018-Q3, 2019, 2019-04' },
    phaseId: nullableText,
    state: text,
    version: { type: 'integer', description: 'If-Match 用 / For If-Match' },
    opensOn: nullableDate,
    dueOn: nullableDate,
    duePhrase: { ...nullableText, description: '文件原文的期限 / The deadline as the document writes it' },
    overdue: { type: 'boolean' },
    escalation: { type: 'integer', minimum: 0, maximum: 4, description: '0 无，1 提醒，2 催办，3 督办，4 通报' },
  },
} as const

export const taskListSchema = {
  type: 'object',
  required: ['counts', 'tasks'],
  additionalProperties: false,
  properties: {
    counts: {
      type: 'object',
      required: ['total', 'overdue', 'escalated', 'byState'],
      additionalProperties: false,
      properties: {
        total: { type: 'integer' },
        overdue: { type: 'integer' },
        escalated: { type: 'integer' },
        byState: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    tasks: { type: 'array', items: taskSummarySchema },
  },
} as const

/** One task's page: its summary and more (form, data, history, allowed events …). */
export const taskDetailSchema = {
  type: 'object',
  required: [...taskSummarySchema.required, 'form', 'data', 'allowedEvents', 'history'],
  properties: {
    ...taskSummarySchema.properties,
    form: { type: ['object', 'null'], description: '报告表单（JSON Schema）/ The report form (JSON Schema)' },
    data: { type: ['object', 'null'], description: '表单数据 / Form data' },
    allowedEvents: { type: 'array', items: { enum: ['START', 'SAVE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'COMPLETE'] } },
    history: { type: 'array', items: { type: 'object' } },
  },
} as const

const idName = { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: text, name: text } } as const
const count = { type: 'integer', minimum: 0 } as const

/** A plan's progress for the leadership: each phase with its gate, each unit's counts, escalations. */
export const planProgressSchema = {
  type: 'object',
  required: ['plan', 'today', 'phases', 'units', 'escalations'],
  additionalProperties: false,
  properties: {
    plan: {
      type: 'object',
      required: ['id', 'name', 'policyId', 'startedAt'],
      additionalProperties: false,
      properties: { id: text, name: text, policyId: text, startedAt: instant },
    },
    today: civilDate,
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
          tasks: { type: 'object', required: ['total', 'approved'], additionalProperties: false, properties: { total: count, approved: count } },
          gate: {
            type: 'object',
            description: '阶段关口 / The phase gate',
            required: ['windowEnded', 'openTasks', 'signOffRequired', 'signedOff', 'milestonesPending', 'holds', 'signOffBody', 'milestones'],
            additionalProperties: false,
            properties: {
              windowEnded: { type: 'boolean' },
              openTasks: count,
              signOffRequired: { ...nullableText, description: '须签认的机构 / The body that signs off' },
              signedOff: { type: 'boolean' },
              milestonesPending: { type: 'array', items: text },
              holds: { type: 'boolean', description: '关口条件均已满足 / Every gate condition holds' },
              signOffBody: { oneOf: [{ type: 'null' }, idName] },
              milestones: {
                type: 'array',
                items: { type: 'object', required: ['id', 'name', 'due'], additionalProperties: false, properties: { id: text, name: text, due: nullableText } },
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
        required: ['id', 'name', 'total', 'approved', 'overdue'],
        additionalProperties: false,
        properties: { id: text, name: text, total: count, approved: count, overdue: count },
      },
    },
    escalations: { type: 'object', required: ['supervise', 'circulate'], additionalProperties: false, properties: { supervise: count, circulate: count } },
  },
} as const

/** Open tasks escalated to 督办 (level 3) and 通报 (level 4), at most 200 each. */
export const escalationsSchema = {
  type: 'object',
  required: ['supervise', 'circulate'],
  additionalProperties: false,
  properties: { supervise: { type: 'array', items: taskSummarySchema }, circulate: { type: 'array', items: taskSummarySchema } },
} as const

/** What a PUT of indicator values did; warnings are values kept that a warning rule flags. */
export const indicatorValuesResultSchema = {
  type: 'object',
  required: ['applied', 'submittedTasks'],
  additionalProperties: false,
  properties: {
    applied: { type: 'integer', description: '写入的数值 / Values written' },
    submittedTasks: { type: 'integer', description: '因此提交的填报任务 / Entry tasks submitted by it' },
    corrected: { type: 'integer', description: '改正的已有数值 / Stored values corrected' },
    warnings: { type: 'array', items: issueSchema },
  },
} as const

/** Stored indicator values (at most 100,000; `truncated` says when there were more). */
export const indicatorValueListSchema = {
  type: 'object',
  required: ['count', 'truncated', 'values'],
  additionalProperties: false,
  properties: {
    count: { type: 'integer' },
    truncated: { type: 'boolean' },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['element', 'name', 'valueType', 'measure', 'unit', 'unitName', 'period', 'value', 'version', 'source', 'taskId', 'enteredBy', 'enteredAt'],
        additionalProperties: false,
        properties: {
          element: { type: 'string', description: '数据项编号 / Input id' },
          name: text,
          valueType: nullableText,
          measure: { ...nullableText, description: '计量单位 / Unit of measure' },
          unit: { type: 'string', description: '单位编号，或 region / Unit id, or region' },
          unitName: text,
          period: text,
          value: { type: 'string', description: '精确小数以文本保存 / Exact decimal as text' },
          version: { type: 'integer' },
          source: { enum: ['form', 'import', 'api', 'demo'] },
          taskId: nullableText,
          enteredBy: { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: text, name: text } },
          enteredAt: instant,
        },
      },
    },
  },
} as const

/** What a user may enter: each input (data element, or indicator entered directly) and the units. */
export const indicatorInputsSchema = {
  type: 'object',
  required: ['inputs', 'units'],
  additionalProperties: false,
  properties: {
    inputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind', 'valueType', 'unit', 'range', 'frequency', 'owners', 'indicators'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          kind: { enum: ['data-element', 'indicator'] },
          valueType: { type: 'string', description: '数值类型 / Value type' },
          unit: { ...nullableText, description: '计量单位 / Unit of measure' },
          range: { type: 'string', description: '可填范围 / The accepted range' },
          frequency: { enum: ['monthly', 'quarterly', 'yearly', 'once'] },
          owners: { type: 'array', items: idName },
          indicators: { type: 'array', items: idName },
        },
      },
    },
    units: { type: 'array', items: idName, description: '可填报的单位（含 region）/ Units the user may enter for (with region)' },
  },
} as const

const runStatusSchema = {
  type: 'object',
  required: ['year', 'status', 'version'],
  additionalProperties: false,
  properties: { year: { type: 'integer' }, status: { enum: ['computed', 'reviewed', 'published'] }, version: { type: 'integer' } },
} as const

/** A computed (or recomputed) year: how many units were scored, and how many completely. */
export const computeResultSchema = {
  type: 'object',
  required: ['run', 'units', 'complete'],
  additionalProperties: false,
  properties: { run: runStatusSchema, units: { type: 'integer' }, complete: { type: 'integer', description: '数据齐全的单位 / Units with complete data' } },
} as const

export const reviewResultSchema = { type: 'object', required: ['run'], additionalProperties: false, properties: { run: runStatusSchema } } as const

export const publishRunResultSchema = {
  type: 'object',
  required: ['run', 'rectifications'],
  additionalProperties: false,
  properties: { run: runStatusSchema, rectifications: { type: 'integer', description: '建立的整改任务 / 整改 tasks created' } },
} as const

export const auditEntriesSchema = {
  type: 'object',
  required: ['entries'],
  additionalProperties: false,
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'payload', 'prev_hash', 'hash'],
        additionalProperties: false,
        properties: {
          seq: { type: 'integer' },
          at: instant,
          actor: text,
          action: text,
          entity: text,
          entity_id: text,
          payload: { type: 'object' },
          prev_hash: text,
          hash: text,
        },
      },
    },
  },
} as const

export const auditVerificationSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['ok', 'rows', 'head', 'checkpoint'],
      properties: {
        ok: { const: true },
        rows: { type: 'integer' },
        head: { type: 'object', required: ['seq', 'hash'], properties: { seq: { type: 'integer' }, hash: text } },
        checkpoint: { type: ['object', 'null'] },
      },
    },
    {
      type: 'object',
      required: ['ok', 'rows', 'brokenAt', 'reason', 'message'],
      properties: { ok: { const: false }, rows: { type: 'integer' }, brokenAt: { type: 'integer' }, reason: text, message: localizedTextSchema },
    },
  ],
} as const

export type Ok = FromSchema<typeof okSchema>
export type Session = FromSchema<typeof sessionSchema>
export type PolicySummary = FromSchema<typeof policySummarySchema>
export type PolicyVersionView = FromSchema<typeof policyVersionSchema>
export type ValidateResult = FromSchema<typeof validateResultSchema>
export type PublishResult = FromSchema<typeof publishResultSchema>
export type PlanView = FromSchema<typeof planSchema>
export type PlanDetailView = FromSchema<typeof planDetailSchema>
export type StartPlanResult = FromSchema<typeof startPlanResultSchema>
export type SignOffResult = FromSchema<typeof signOffResultSchema>
export type TaskSummary = FromSchema<typeof taskSummarySchema>
export type TaskList = FromSchema<typeof taskListSchema>
export type TaskDetailView = FromSchema<typeof taskDetailSchema>
export type PlanProgressView = FromSchema<typeof planProgressSchema>
export type Escalations = FromSchema<typeof escalationsSchema>
export type IndicatorValuesResult = FromSchema<typeof indicatorValuesResultSchema>
export type IndicatorValueList = FromSchema<typeof indicatorValueListSchema>
export type IndicatorInputs = FromSchema<typeof indicatorInputsSchema>
export type ComputeResult = FromSchema<typeof computeResultSchema>
export type ReviewResult = FromSchema<typeof reviewResultSchema>
export type PublishRunResult = FromSchema<typeof publishRunResultSchema>
export type AuditEntries = FromSchema<typeof auditEntriesSchema>
export type AuditVerificationView = FromSchema<typeof auditVerificationSchema>

export type UserView = FromSchema<typeof userSchema>
export type UserList = FromSchema<typeof userListSchema>
export type CreatedUser = FromSchema<typeof createdUserSchema>
export type UserResult = FromSchema<typeof userResultSchema>
export type PasswordReset = FromSchema<typeof passwordResetSchema>
