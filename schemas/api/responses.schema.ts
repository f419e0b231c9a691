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
const civilDate = {
  type: 'string',
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
} as const
const nullableDate = {
  type: ['string', 'null'],
  format: 'date',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
} as const

const idName = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: text, name: text },
} as const

const decimalOrNull = { type: ['string', 'null'], description: '精确小数 / Exact decimal' } as const

/** `{ ok: true }`: the request did what it asked. */
export const okSchema = {
  type: 'object',
  required: ['ok'],
  additionalProperties: false,
  properties: { ok: { const: true } },
} as const

export const currentUserSchema = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'roles', 'units', 'mustChangePassword'],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    roles: {
      type: 'array',
      items: text,
      description: 'author, department, reviewer, leader, admin',
    },
    units: {
      type: 'object',
      description: '各政策下所属单位 / Units per policy id',
      additionalProperties: { type: 'array', items: text },
    },
    mustChangePassword: {
      type: 'boolean',
      description: '须先修改一次性密码 / The one-time password must be changed first',
    },
  },
} as const

/** Login and `GET /api/auth/me`: the user and the session's CSRF token. */
export const sessionSchema = {
  type: 'object',
  required: ['user', 'csrfToken'],
  additionalProperties: false,
  properties: {
    user: currentUserSchema,
    csrfToken: {
      type: 'string',
      description: '写请求须带 X-CSRF-Token / Send as X-CSRF-Token on writes',
    },
  },
} as const

/** An account as its administrator sees it (never its password or hash). */
export const userSchema = {
  type: 'object',
  required: [
    'id',
    'username',
    'displayName',
    'phone',
    'email',
    'roles',
    'units',
    'active',
    'mustChangePassword',
    'createdAt',
    'updatedAt',
  ],
  additionalProperties: false,
  properties: {
    id: text,
    username: text,
    displayName: text,
    phone: nullableText,
    email: nullableText,
    roles: { type: 'array', items: text },
    units: {
      type: 'array',
      items: {
        type: 'object',
        required: ['policyId', 'unitId'],
        additionalProperties: false,
        properties: { policyId: text, unitId: text },
      },
    },
    active: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: instant,
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

export const userListSchema = {
  type: 'object',
  required: ['users'],
  additionalProperties: false,
  properties: { users: { type: 'array', items: userSchema } },
} as const

/** A created account, with the one-time password when none was given (shown this once). */
export const createdUserSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: {
    user: userSchema,
    initialPassword: {
      type: 'string',
      description: '一次性初始密码，仅显示这一次 / The one-time password, shown this once',
    },
  },
} as const

/** The row-by-row report of a user import; `created` holds each new account once, on success. */
export const userImportReportSchema = {
  type: 'object',
  required: ['dryRun', 'rows', 'created'],
  additionalProperties: false,
  properties: {
    dryRun: { type: 'boolean' },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'username', 'ok', 'issues'],
        additionalProperties: false,
        properties: {
          row: { type: 'integer', minimum: 1, description: '文件中的行号 / Row of the file' },
          username: { type: 'string' },
          ok: { type: 'boolean' },
          issues: { type: 'array', items: issueSchema },
        },
      },
    },
    created: {
      type: 'array',
      description:
        '已创建的用户及其一次性初始密码（仅显示这一次）/ The accounts created, each with its one-time password, shown this once',
      items: {
        type: 'object',
        required: ['user', 'initialPassword'],
        additionalProperties: false,
        properties: { user: userSchema, initialPassword: { type: 'string' } },
      },
    },
  },
} as const

export const userResultSchema = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: userSchema },
} as const

export const passwordResetSchema = {
  type: 'object',
  required: ['user', 'oneTimePassword'],
  additionalProperties: false,
  properties: {
    user: userSchema,
    oneTimePassword: {
      type: 'string',
      description: '一次性密码，仅显示这一次 / The one-time password, shown this once',
    },
  },
} as const

export const policySummarySchema = {
  type: 'object',
  required: [
    'id',
    'policyId',
    'version',
    'title',
    'region',
    'contentHash',
    'publishedAt',
    'publishedBy',
    'note',
  ],
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

export const policyListSchema = {
  type: 'object',
  required: ['policies'],
  additionalProperties: false,
  properties: { policies: { type: 'array', items: policySummarySchema } },
} as const
export const policyVersionsSchema = {
  type: 'object',
  required: ['versions'],
  additionalProperties: false,
  properties: { versions: { type: 'array', items: policySummarySchema } },
} as const

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
  properties: {
    version: policySummarySchema,
    created: {
      type: 'boolean',
      description: 'false：内容与已有版本相同 / false: the same content was already published',
    },
  },
} as const

export const validateResultSchema = {
  type: 'object',
  required: ['ok', 'issues'],
  additionalProperties: false,
  properties: { ok: { type: 'boolean' }, issues: { type: 'array', items: issueSchema } },
} as const

const elementDiffSchema = {
  type: 'object',
  required: ['added', 'removed', 'changed'],
  additionalProperties: false,
  properties: {
    added: { type: 'array', items: idName },
    removed: { type: 'array', items: idName },
    changed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'fields'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'from', 'to'],
              additionalProperties: false,
              properties: {
                field: text,
                from: { description: '旧值 / Before' },
                to: { description: '新值 / After' },
              },
            },
          },
        },
      },
    },
  },
} as const

/** What moving a plan from one version to another changes, by id: duties, deadlines, phases, indicators, scoring. */
export const policyDiffSchema = {
  type: 'object',
  required: ['from', 'to', 'responsibilities', 'deadlines', 'phases', 'indicators', 'scoring'],
  additionalProperties: false,
  properties: {
    from: { type: 'string', description: '版本 / Version' },
    to: { type: 'string', description: '版本 / Version' },
    responsibilities: elementDiffSchema,
    deadlines: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'field', 'from', 'to'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          field: text,
          from: { description: '旧期限 / Before' },
          to: { description: '新期限 / After' },
        },
      },
    },
    phases: elementDiffSchema,
    indicators: elementDiffSchema,
    scoring: elementDiffSchema,
  },
} as const

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
  ],
  additionalProperties: false,
  properties: {
    id: text,
    policy_version_id: text,
    policy_id: text,
    name: text,
    status: { enum: ['running', 'finished'] },
    extra_units: {
      type: 'string',
      description: 'JSON：启动时补充的成员单位 / JSON: members supplied at start',
    },
    started_at: instant,
    started_by: text,
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
    role: { type: 'string', description: 'lead | support | applicant' },
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
      description: '0 无，1 提醒，2 催办，3 督办，4 通报',
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
    form: {
      type: ['object', 'null'],
      description: '报告表单（JSON Schema）/ The report form (JSON Schema)',
    },
    data: { type: ['object', 'null'], description: '表单数据 / Form data' },
    note: {
      type: ['string', 'null'],
      description: '配置中写在该职责上的说明 / The note the config writes on the duty',
    },
    allowedEvents: {
      type: 'array',
      items: { enum: ['START', 'SAVE', 'SUBMIT', 'RESUBMIT', 'APPROVE', 'RETURN', 'COMPLETE'] },
    },
    history: { type: 'array', items: { type: 'object' } },
  },
} as const

const count = { type: 'integer', minimum: 0 } as const

/** A plan's progress for the leadership: each phase with its gate, each unit's counts, escalations. */
export const planProgressSchema = {
  type: 'object',
  required: ['plan', 'today', 'phases', 'units', 'escalations', 'unassigned'],
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
          tasks: {
            type: 'object',
            required: ['total', 'approved'],
            additionalProperties: false,
            properties: { total: count, approved: count },
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
        required: ['id', 'name', 'total', 'approved', 'overdue'],
        additionalProperties: false,
        properties: { id: text, name: text, total: count, approved: count, overdue: count },
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

/** What a PUT of indicator values did; warnings are values kept that a warning rule flags. */
export const indicatorValuesResultSchema = {
  type: 'object',
  required: ['applied', 'submittedTasks'],
  additionalProperties: false,
  properties: {
    applied: { type: 'integer', description: '写入的数值 / Values written' },
    submittedTasks: {
      type: 'integer',
      description: '因此提交的填报任务 / Entry tasks submitted by it',
    },
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
        required: [
          'element',
          'name',
          'valueType',
          'measure',
          'unit',
          'unitName',
          'period',
          'value',
          'version',
          'source',
          'taskId',
          'enteredBy',
          'enteredAt',
        ],
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
          enteredBy: {
            type: 'object',
            required: ['id', 'name'],
            additionalProperties: false,
            properties: { id: text, name: text },
          },
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
        required: [
          'id',
          'name',
          'kind',
          'valueType',
          'unit',
          'range',
          'frequency',
          'owners',
          'indicators',
        ],
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
    units: {
      type: 'array',
      items: idName,
      description: '可填报的单位（含 region）/ Units the user may enter for (with region)',
    },
  },
} as const

/** One row (or cell) of an imported file that was refused, or kept with a warning. */
const rejectedEntrySchema = {
  type: 'object',
  required: ['row', 'code', 'message'],
  additionalProperties: false,
  properties: {
    row: { type: 'integer', minimum: 1, description: '文件中的行号 / Row of the file' },
    column: { type: 'string', description: '列（C）/ Column letter' },
    header: { type: 'string', description: '列标题 / The column header' },
    unit: text,
    period: text,
    input: text,
    code: text,
    message: localizedTextSchema,
    rule: issueSchema.properties.rule,
  },
} as const

/** The report of an import (or of its dry run): what was read, accepted, refused and written. */
export const importReportSchema = {
  type: 'object',
  required: [
    'format',
    'layout',
    'mode',
    'dryRun',
    'rows',
    'accepted',
    'rejectedCount',
    'rejected',
    'applied',
  ],
  additionalProperties: false,
  properties: {
    format: { enum: ['csv', 'xlsx'] },
    encoding: {
      enum: ['utf-8', 'gb18030', 'utf-16'],
      description: 'CSV 的编码 / The encoding a CSV was read in',
    },
    layout: { enum: ['wide', 'long', null] },
    mode: { enum: ['all-or-nothing', 'keep-good'] },
    dryRun: { type: 'boolean' },
    rows: { type: 'integer', description: '读到的数据行 / Data rows read' },
    accepted: { type: 'integer' },
    rejectedCount: { type: 'integer' },
    rejected: {
      type: 'array',
      items: rejectedEntrySchema,
      description: '至多 1000 条 / At most 1000 listed',
    },
    warnings: { type: 'array', items: rejectedEntrySchema },
    applied: {
      type: 'integer',
      description: '写入的数值（试运行为 0）/ Values written (0 on a dry run)',
    },
    submittedTasks: {
      type: 'integer',
      description: '因此提交的填报任务 / Entry tasks submitted by it',
    },
  },
} as const

const scopeKind = { enum: ['unit', 'group', 'region'] } as const

/** One year of an indicator against its target, for the scope asked for. */
const seriesPointSchema = {
  type: 'object',
  required: ['year', 'value', 'target', 'status', 'gap', 'reporting', 'partial', 'problem'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    value: decimalOrNull,
    target: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['op', 'value', 'year', 'phrase'],
          additionalProperties: false,
          properties: {
            op: text,
            value: text,
            year: { type: ['integer', 'null'] },
            phrase: nullableText,
          },
        },
      ],
    },
    status: { enum: ['met', 'not-met', 'no-target', 'missing', 'error', 'invalid'] },
    gap: {
      ...decimalOrNull,
      description: '与目标的差距，达标为 "0" / How far from the target; "0" when met',
    },
    reporting: { type: 'integer', description: '计入汇总的成员 / Members in the roll-up' },
    partial: { type: 'boolean', description: '仅部分成员有数 / Only some members reported' },
    problem: { oneOf: [{ type: 'null' }, localizedTextSchema] },
  },
} as const

/** Indicators against their targets by year, for a unit, a group or the region. */
export const indicatorSeriesSchema = {
  type: 'object',
  required: ['scope', 'scopes', 'years', 'indicators'],
  additionalProperties: false,
  properties: {
    scope: {
      type: 'object',
      required: ['id', 'name', 'kind', 'members'],
      additionalProperties: false,
      properties: { id: text, name: text, kind: scopeKind, members: { type: 'integer' } },
    },
    scopes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        additionalProperties: false,
        properties: { id: text, name: text, kind: scopeKind },
      },
    },
    years: { type: 'array', items: { type: 'integer' } },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'id',
          'name',
          'category',
          'unit',
          'valueType',
          'direction',
          'frequency',
          'rollup',
          'targets',
          'baseline',
          'series',
        ],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          category: nullableText,
          unit: nullableText,
          valueType: text,
          direction: text,
          frequency: text,
          rollup: { description: '汇总方式 / How members roll up' },
          targets: {
            type: 'array',
            items: { type: 'object', description: '配置中的目标 / Targets as configured' },
          },
          baseline: { description: '基线 / Baseline' },
          series: { type: 'array', items: seriesPointSchema },
        },
      },
    },
  },
} as const

const runStatusSchema = {
  type: 'object',
  required: ['year', 'status', 'version'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    status: { enum: ['computed', 'reviewed', 'published'] },
    version: { type: 'integer' },
  },
} as const

/** A computed (or recomputed) year: how many units were scored, and how many completely. */
export const computeResultSchema = {
  type: 'object',
  required: ['run', 'units', 'complete'],
  additionalProperties: false,
  properties: {
    run: runStatusSchema,
    units: { type: 'integer' },
    complete: { type: 'integer', description: '数据齐全的单位 / Units with complete data' },
  },
} as const

export const reviewResultSchema = {
  type: 'object',
  required: ['run'],
  additionalProperties: false,
  properties: { run: runStatusSchema },
} as const

export const publishRunResultSchema = {
  type: 'object',
  required: ['run', 'rectifications'],
  additionalProperties: false,
  properties: {
    run: runStatusSchema,
    rectifications: { type: 'integer', description: '建立的整改任务 / 整改 tasks created' },
  },
} as const

/** An assessment as the config defines it, with names resolved (items, grades and effects as configured). */
const assessmentSummarySchema = {
  type: 'object',
  required: [
    'id',
    'name',
    'totalScore',
    'maxScore',
    'assessor',
    'with',
    'due',
    'method',
    'items',
    'grades',
    'source',
  ],
  properties: {
    id: text,
    name: text,
    totalScore: { type: 'number' },
    maxScore: { type: ['number', 'null'] },
    assessor: { type: 'array', items: idName },
    with: { type: 'array', items: idName },
    due: nullableText,
    method: nullableText,
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind', 'weight', 'points'],
        additionalProperties: false,
        properties: {
          id: text,
          name: text,
          kind: text,
          weight: { type: ['number', 'null'] },
          points: { type: ['number', 'null'] },
        },
      },
    },
    grades: {
      type: 'array',
      items: { type: 'object', required: ['id', 'name'], properties: { id: text, name: text } },
    },
    source: { type: ['object', 'null'], description: '文件出处 / Where the document says it' },
  },
} as const

/** One year of an assessment: its status and when it was computed, reviewed and published. */
const runSummarySchema = {
  type: 'object',
  required: ['year', 'status', 'version', 'computedAt', 'reviewedAt', 'reviewNote', 'publishedAt'],
  additionalProperties: false,
  properties: {
    year: { type: 'integer' },
    status: { enum: ['computed', 'reviewed', 'published'] },
    version: { type: 'integer' },
    computedAt: instant,
    reviewedAt: { type: ['string', 'null'], format: 'date-time' },
    reviewNote: nullableText,
    publishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const

/** What this user may do with an assessment. */
const maySchema = {
  type: 'object',
  required: ['compute', 'review', 'publish'],
  additionalProperties: false,
  properties: {
    compute: { type: 'boolean' },
    review: { type: 'boolean' },
    publish: { type: 'boolean' },
  },
} as const

/** One year's results: each unit the user may read, with its total, grade and failing items. */
export const runViewSchema = {
  type: 'object',
  required: ['assessment', 'run', 'results', 'counts', 'may'],
  additionalProperties: false,
  properties: {
    assessment: assessmentSummarySchema,
    run: runSummarySchema,
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'unit',
          'complete',
          'missing',
          'base',
          'bonus',
          'total',
          'grade',
          'vetoedBy',
          'effects',
          'failing',
        ],
        additionalProperties: false,
        properties: {
          unit: idName,
          complete: { type: 'boolean', description: '数据齐全 / Every item could be scored' },
          missing: { type: 'array', items: text, description: '缺少的数据项 / Inputs missing' },
          base: decimalOrNull,
          bonus: decimalOrNull,
          total: decimalOrNull,
          grade: { oneOf: [{ type: 'null' }, idName] },
          vetoedBy: nullableText,
          effects: { type: 'array', items: { type: 'object' } },
          failing: { type: 'array', items: text, description: '须整改的考核项 / Items to rectify' },
        },
      },
    },
    counts: {
      type: 'object',
      required: ['units', 'complete', 'grades'],
      additionalProperties: false,
      properties: {
        units: { type: 'integer' },
        complete: { type: 'integer' },
        grades: { type: 'object', additionalProperties: { type: 'integer' } },
      },
    },
    may: maySchema,
  },
} as const

/** One unit's report for a year: its score with every item's explanation, consequences, 整改 tasks, trend. */
export const unitReportSchema = {
  type: 'object',
  required: ['assessment', 'run', 'unit', 'score', 'consequences', 'rectifications', 'trend'],
  additionalProperties: false,
  properties: {
    assessment: assessmentSummarySchema,
    run: runSummarySchema,
    unit: idName,
    score: {
      type: 'object',
      description: '得分及每项说明 / The score with each item explained',
      required: [
        'unitId',
        'complete',
        'missing',
        'base',
        'bonus',
        'total',
        'grade',
        'vetoedBy',
        'effects',
        'items',
      ],
      properties: {
        unitId: text,
        complete: { type: 'boolean' },
        missing: { type: 'array', items: text },
        base: decimalOrNull,
        bonus: decimalOrNull,
        total: decimalOrNull,
        grade: { oneOf: [{ type: 'null' }, idName] },
        vetoedBy: nullableText,
        effects: { type: 'array', items: { type: 'object' } },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'explanation'],
            properties: { id: text, explanation: localizedTextSchema },
          },
        },
      },
    },
    consequences: {
      type: ['object', 'null'],
      description:
        '公布时记录的结果应用与整改任务 / Consequences and 整改 tasks recorded at publishing',
      required: ['grade', 'effects', 'vetoedBy', 'rectificationTasks', 'recordedAt'],
      properties: {
        grade: { oneOf: [{ type: 'null' }, idName] },
        effects: { type: 'array', items: { type: 'object' } },
        vetoedBy: nullableText,
        rectificationTasks: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'item', 'dueOn'],
            additionalProperties: false,
            properties: { id: text, item: text, dueOn: nullableDate },
          },
        },
        recordedAt: instant,
      },
    },
    rectifications: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'item', 'state', 'dueOn'],
        additionalProperties: false,
        properties: { id: text, item: text, state: text, dueOn: nullableDate },
      },
    },
    trend: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'status', 'total', 'grade', 'vetoedBy'],
        additionalProperties: false,
        properties: {
          year: { type: 'integer' },
          status: { enum: ['computed', 'reviewed', 'published'] },
          total: decimalOrNull,
          grade: { oneOf: [{ type: 'null' }, idName] },
          vetoedBy: nullableText,
        },
      },
    },
  },
} as const

/** A plan's assessments, each with its years (runs) and what this user may do with it. */
export const assessmentListSchema = {
  type: 'object',
  required: ['assessments'],
  additionalProperties: false,
  properties: {
    assessments: {
      type: 'array',
      items: {
        ...assessmentSummarySchema,
        required: [...assessmentSummarySchema.required, 'subjects', 'runs', 'may'],
        properties: {
          ...assessmentSummarySchema.properties,
          subjects: { type: 'integer', description: '受考核单位数 / Units assessed' },
          runs: { type: 'array', items: runSummarySchema },
          may: maySchema,
        },
      },
    },
  },
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
        required: [
          'seq',
          'at',
          'actor',
          'action',
          'entity',
          'entity_id',
          'payload',
          'prev_hash',
          'hash',
        ],
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
        head: {
          type: 'object',
          required: ['seq', 'hash'],
          properties: { seq: { type: 'integer' }, hash: text },
        },
        checkpoint: { type: ['object', 'null'] },
      },
    },
    {
      type: 'object',
      required: ['ok', 'rows', 'brokenAt', 'reason', 'message'],
      properties: {
        ok: { const: false },
        rows: { type: 'integer' },
        brokenAt: { type: 'integer' },
        reason: text,
        message: localizedTextSchema,
      },
    },
  ],
} as const

export type Ok = FromSchema<typeof okSchema>
export type Session = FromSchema<typeof sessionSchema>
export type PolicySummary = FromSchema<typeof policySummarySchema>
export type PolicyVersionView = FromSchema<typeof policyVersionSchema>
export type ValidateResult = FromSchema<typeof validateResultSchema>
export type PublishResult = FromSchema<typeof publishResultSchema>
export type PolicyDiffView = FromSchema<typeof policyDiffSchema>
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
export type IndicatorSeries = FromSchema<typeof indicatorSeriesSchema>
export type ImportReportView = FromSchema<typeof importReportSchema>
export type ComputeResult = FromSchema<typeof computeResultSchema>
export type ReviewResult = FromSchema<typeof reviewResultSchema>
export type PublishRunResult = FromSchema<typeof publishRunResultSchema>
export type AssessmentList = FromSchema<typeof assessmentListSchema>
export type RunView = FromSchema<typeof runViewSchema>
export type UnitReport = FromSchema<typeof unitReportSchema>
export type AuditEntries = FromSchema<typeof auditEntriesSchema>
export type AuditVerificationView = FromSchema<typeof auditVerificationSchema>

export type UserView = FromSchema<typeof userSchema>
export type UserList = FromSchema<typeof userListSchema>
export type CreatedUser = FromSchema<typeof createdUserSchema>
export type UserResult = FromSchema<typeof userResultSchema>
export type UserImportReport = FromSchema<typeof userImportReportSchema>
export type PasswordReset = FromSchema<typeof passwordResetSchema>
