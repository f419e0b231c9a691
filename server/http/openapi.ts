/**
 * @module The OpenAPI 3.1 description of the API, built from the same request schemas the
 * routes validate with (schemas/api/) and the policy schema.
 */
import { policySchema } from '../../schemas/index.ts'
import {
  changePasswordBody,
  computeAssessmentBody,
  createUserBody,
  updateUserBody,
  indicatorValuesBody,
  loginBody,
  publishPolicyBody,
  reviewAssessmentBody,
  signOffBody,
  startPlanBody,
  taskEventBody,
  validatePolicyBody,
} from '../../schemas/api/requests.schema.ts'
import { errorEnvelopeSchema } from '../../schemas/api/error.schema.ts'
import { attachmentUploadSchema } from '../../schemas/api/attachment.schema.ts'
import {
  auditQuery,
  indicatorImportQuery,
  indicatorSeriesQuery,
  indicatorTemplateQuery,
  indicatorValuesQuery,
  policyDiffQuery,
  taskListQuery,
  userImportQuery,
} from '../../schemas/api/queries.schema.ts'
import {
  assessmentListSchema,
  auditEntriesSchema,
  auditVerificationSchema,
  createdUserSchema,
  passwordResetSchema,
  userImportReportSchema,
  userListSchema,
  userResultSchema,
  computeResultSchema,
  escalationsSchema,
  importReportSchema,
  indicatorInputsSchema,
  indicatorSeriesSchema,
  indicatorValueListSchema,
  indicatorValuesResultSchema,
  publishRunResultSchema,
  reviewResultSchema,
  runViewSchema,
  okSchema,
  planDetailSchema,
  planListSchema,
  planProgressSchema,
  policyDiffSchema,
  policyListSchema,
  policyVersionSchema,
  policyVersionsSchema,
  publishResultSchema,
  sessionSchema,
  signOffResultSchema,
  startPlanResultSchema,
  taskDetailSchema,
  taskListSchema,
  taskSummarySchema,
  unitReportSchema,
  validateResultSchema,
} from '../../schemas/api/responses.schema.ts'

const json = (schema: object) => ({ content: { 'application/json': { schema } } })
/** An Excel file as the answer (templates and reports). */
const xlsx = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
})
/** A 200 (or other) answer described by its schema in schemas/api/; `{ type: object }` only where none is written yet. */
const ok = (description: string, schema: object = { type: 'object' }) => ({
  description,
  ...json(schema),
})
const errors = {
  '4XX': { description: '错误 / Error', ...json({ $ref: '#/components/schemas/Error' }) },
}
const write = (
  summary: string,
  body: object,
  extra: object = {},
  response: object = ok('成功 / OK'),
) => ({
  summary,
  parameters: [
    { $ref: '#/components/parameters/CsrfToken' },
    { $ref: '#/components/parameters/IdempotencyKey' },
  ],
  requestBody: { required: true, ...json(body) },
  responses: { '200': response, ...errors },
  ...extra,
})
const read = (summary: string, parameters: object[] = [], response: object = ok('成功 / OK')) => ({
  summary,
  parameters,
  responses: { '200': response, ...errors },
})
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })

/** The query parameters a route reads, from its schema in schemas/api/queries.schema.ts. */
function queryParameters(schema: {
  properties: Record<string, { description?: string }>
  required?: readonly string[]
}): object[] {
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: 'query',
      ...(schema.required?.includes(name) ? { required: true } : {}),
      schema: rest,
      ...(description ? { description } : {}),
    }
  })
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'luoshi API',
      version: '0.2.0',
      description: '落实：政策配置、计划、任务与审计 / Policy configs, plans, tasks and audit',
    },
    components: {
      schemas: { Error: errorEnvelopeSchema, PolicyConfig: policySchema },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'luoshi_session',
          description:
            '__Host-luoshi_session (Secure) over HTTPS; ends after 12 h or the idle time',
        },
      },
      parameters: {
        CsrfToken: {
          name: 'X-CSRF-Token',
          in: 'header',
          required: true,
          schema: { type: 'string' },
          description: '登录时返回的 CSRF 令牌 / The CSRF token from login',
        },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: '重试时返回首次结果 / Replays the first result on retry',
        },
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/openapi.json': {
        get: {
          summary: '本描述 / This description',
          security: [],
          responses: { '200': ok('OpenAPI 3.1') },
        },
      },
      '/api/auth/login': {
        post: {
          summary: '登录 / Log in',
          security: [],
          requestBody: { required: true, ...json(loginBody) },
          responses: {
            '200': ok('会话 Cookie 与 CSRF 令牌 / Session cookie and CSRF token', sessionSchema),
            ...errors,
          },
        },
      },
      '/api/auth/me': {
        get: read(
          '当前用户 / Current user',
          [],
          ok('用户与 CSRF 令牌 / The user and the CSRF token', sessionSchema),
        ),
      },
      '/api/auth/password': {
        post: write(
          '修改本人密码（须符合密码规则；其他会话结束）/ Change my password (the password policy applies; my other sessions end)',
          changePasswordBody,
          {},
          ok('OK', okSchema),
        ),
      },
      '/api/auth/logout': {
        post: {
          summary: '退出并吊销会话 / Log out, revoking the session',
          parameters: [{ $ref: '#/components/parameters/CsrfToken' }],
          responses: { '200': ok('OK', okSchema), ...errors },
        },
      },
      '/api/policies': {
        get: read(
          '政策列表（各取最新版）/ Policies, latest version each',
          [],
          ok('政策 / Policies', policyListSchema),
        ),
        post: write('发布版本 / Publish a version', publishPolicyBody, {
          responses: {
            '200': ok('内容未变，已有此版本 / Unchanged: the version exists', publishResultSchema),
            '201': ok('已发布 / Published', publishResultSchema),
            ...errors,
          },
        }),
      },
      '/api/policies/validate': {
        post: write(
          '校验草稿 / Validate a draft',
          validatePolicyBody,
          {},
          ok('校验结果 / The issues found', validateResultSchema),
        ),
      },
      '/api/policies/{policyId}/versions': {
        get: read(
          '版本列表 / Versions',
          [path('policyId')],
          ok('版本 / Versions', policyVersionsSchema),
        ),
      },
      '/api/policies/{policyId}/versions/{version}': {
        get: read(
          '某一版本 / One version',
          [path('policyId'), path('version')],
          ok('版本与配置 / The version and its config', policyVersionSchema),
        ),
      },
      '/api/policies/{policyId}/diff': {
        get: read(
          '两版差异 / Semantic diff',
          [path('policyId'), ...queryParameters(policyDiffQuery)],
          ok('差异 / The changes', policyDiffSchema),
        ),
      },
      '/api/plans': {
        get: read('计划列表 / Plans', [], ok('计划 / Plans', planListSchema)),
        post: write('启动计划 / Start a plan', startPlanBody, {
          responses: { '201': ok('已启动 / Started', startPlanResultSchema), ...errors },
        }),
      },
      '/api/plans/{id}': {
        get: read(
          '计划 / Plan',
          [path('id')],
          ok('计划、政策版本与阶段 / The plan, its policy version and phases', planDetailSchema),
        ),
      },
      '/api/plans/{id}/progress': {
        get: read(
          '阶段进度 / Phase progress',
          [path('id')],
          ok('阶段、关口、各单位与督办 / Phases, gates, units and escalations', planProgressSchema),
        ),
      },
      '/api/plans/{id}/escalations': {
        get: read(
          '督办与通报中的任务 / Open tasks at 督办 and 通报',
          [path('id')],
          ok('任务 / Tasks', escalationsSchema),
        ),
      },
      '/api/plans/{id}/phases/{phaseId}/sign-off': {
        post: write(
          '阶段签认 / Sign off a phase gate',
          signOffBody,
          {
            parameters: [
              path('id'),
              path('phaseId'),
              { $ref: '#/components/parameters/CsrfToken' },
            ],
          },
          ok('签认结果 / The sign-off', signOffResultSchema),
        ),
      },
      '/api/plans/{id}/indicator-values': {
        get: read(
          '指标数据 / Indicator values',
          [path('id'), ...queryParameters(indicatorValuesQuery)],
          ok('数值 / Values', indicatorValueListSchema),
        ),
        put: write(
          '录入指标数据（全部或全不）/ Enter values, all or nothing',
          indicatorValuesBody,
          { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] },
          ok('已写入 / Written', indicatorValuesResultSchema),
        ),
      },
      '/api/plans/{id}/indicator-values/import': {
        post: {
          summary:
            '导入 CSV / Excel，逐行报告 / Import a CSV or .xlsx file with a row-by-row report',
          parameters: [
            path('id'),
            { $ref: '#/components/parameters/CsrfToken' },
            ...queryParameters(indicatorImportQuery),
            { name: 'X-Filename', in: 'header', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          responses: { '200': ok('报告 / The report', importReportSchema), ...errors },
        },
      },
      '/api/plans/{id}/indicator-values/template.xlsx': {
        get: read(
          '填报模板 / The Excel template',
          [path('id'), ...queryParameters(indicatorTemplateQuery)],
          xlsx('填报模板 / The template'),
        ),
      },
      '/api/plans/{id}/indicator-values/inputs': {
        get: read(
          '可填报的数据项 / The inputs',
          [path('id')],
          ok('数据项与单位 / Inputs and units', indicatorInputsSchema),
        ),
      },
      '/api/plans/{id}/indicators': {
        get: read(
          '指标对照目标（按年）/ Indicators against targets by year',
          [path('id'), ...queryParameters(indicatorSeriesQuery)],
          ok('指标与各年度 / Indicators by year', indicatorSeriesSchema),
        ),
      },
      '/api/plans/{id}/assessments': {
        get: read(
          '考核及各年度结果 / Assessments and their runs',
          [path('id')],
          ok('考核 / Assessments', assessmentListSchema),
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs': {
        post: write(
          '计算（或重算）某年度考核 / Compute (or recompute) a year',
          computeAssessmentBody,
          {
            parameters: [
              path('id'),
              path('assessmentId'),
              { $ref: '#/components/parameters/CsrfToken' },
            ],
            responses: { '201': ok('已计算 / Computed', computeResultSchema), ...errors },
          },
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}': {
        get: read(
          '某年度考核结果 / One year’s results',
          [path('id'), path('assessmentId'), path('year')],
          ok('各单位结果 / Each unit’s result', runViewSchema),
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/review': {
        post: write(
          '审核 / Review',
          reviewAssessmentBody,
          {
            parameters: [
              path('id'),
              path('assessmentId'),
              path('year'),
              { $ref: '#/components/parameters/CsrfToken' },
            ],
          },
          ok('已审核 / Reviewed', reviewResultSchema),
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/publish': {
        post: {
          summary:
            '公布：记录结果应用，生成整改任务 / Publish: record consequences, create 整改 tasks',
          parameters: [
            path('id'),
            path('assessmentId'),
            path('year'),
            { $ref: '#/components/parameters/CsrfToken' },
          ],
          responses: { '200': ok('已公布 / Published', publishRunResultSchema), ...errors },
        },
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/units/{unitId}': {
        get: read(
          '单位考核报告 / A unit’s report',
          [path('id'), path('assessmentId'), path('year'), path('unitId')],
          ok('单位报告 / The unit’s report', unitReportSchema),
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/report.xlsx': {
        get: read(
          '年度考核结果 Excel / The year’s results as Excel',
          [path('id'), path('assessmentId'), path('year')],
          xlsx('Excel'),
        ),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/units/{unitId}/report.xlsx': {
        get: read(
          '单位考核报告 Excel / A unit’s report as Excel',
          [path('id'), path('assessmentId'), path('year'), path('unitId')],
          xlsx('Excel'),
        ),
      },
      '/api/tasks': {
        get: read(
          '本单位任务（按截止日）/ My unit’s tasks by deadline',
          queryParameters(taskListQuery),
          ok('任务与计数 / Tasks and counts', taskListSchema),
        ),
      },
      '/api/tasks/{id}': {
        get: read('任务详情 / One task', [path('id')], ok('任务 / The task', taskDetailSchema)),
      },
      '/api/tasks/{id}/events': {
        post: write(
          '任务事件 / Send an event',
          taskEventBody,
          {
            parameters: [
              path('id'),
              { $ref: '#/components/parameters/CsrfToken' },
              { $ref: '#/components/parameters/IdempotencyKey' },
              {
                name: 'If-Match',
                in: 'header',
                schema: { type: 'string' },
                description: '任务版本 / Task version',
              },
            ],
          },
          ok('事件后的任务 / The task after the event', taskSummarySchema),
        ),
      },
      '/api/attachments': {
        post: {
          summary: '上传佐证材料（≤ 8 MB）/ Upload evidence (≤ 8 MB)',
          parameters: [
            { $ref: '#/components/parameters/CsrfToken' },
            {
              name: 'X-Filename',
              in: 'header',
              required: true,
              schema: { type: 'string' },
              description: '文件名（可 URL 编码）/ The file name (may be URL-encoded)',
            },
          ],
          requestBody: {
            required: true,
            content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: { '201': ok('已保存 / Stored', attachmentUploadSchema), ...errors },
        },
      },
      '/api/attachments/{id}': {
        get: {
          summary:
            '下载佐证材料（上传者，或可见任务的附件字段引用了它）/ Download evidence (its uploader, or via an attachment field of a task you may see)',
          parameters: [path('id')],
          responses: { '200': { description: '文件 / The file' }, ...errors },
        },
      },
      '/api/audit': {
        get: read(
          '审计日志（领导仅见其可见计划、任务与文件的条目）/ Audit log (a leader sees only entries of the plans, tasks and files they may see)',
          queryParameters(auditQuery),
          ok('条目（新的在前）/ Entries, newest first', auditEntriesSchema),
        ),
      },
      '/api/users': {
        get: read(
          '用户列表（系统管理员）/ Accounts (administrators)',
          [],
          ok('用户 / Accounts', userListSchema),
        ),
        post: write(
          '创建用户；未给密码时返回一次性初始密码 / Create an account; without a password, a one-time one is returned',
          createUserBody,
          {
            // No Idempotency-Key: the answer may hold a one-time password, never kept for a replay.
            parameters: [{ $ref: '#/components/parameters/CsrfToken' }],
            responses: { '201': ok('已创建 / Created', createdUserSchema), ...errors },
          },
        ),
      },
      '/api/users/{id}': {
        patch: write(
          '修改或停用用户（停用即结束其会话）/ Change or deactivate an account (deactivation ends its sessions)',
          updateUserBody,
          {
            parameters: [
              path('id'),
              { $ref: '#/components/parameters/CsrfToken' },
              { $ref: '#/components/parameters/IdempotencyKey' },
            ],
          },
          ok('用户 / The account', userResultSchema),
        ),
      },
      '/api/users/{id}/password-reset': {
        post: {
          summary:
            '重置密码：一次性密码，会话结束，下次登录须修改 / Reset the password: a one-time password, sessions end, change at next login',
          parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }],
          responses: {
            '200': ok('一次性密码 / The one-time password', passwordResetSchema),
            ...errors,
          },
        },
      },
      '/api/users/import': {
        post: {
          summary:
            '批量导入用户（.xlsx 或 CSV：姓名、用户名、单位、角色、手机），逐行报告，全部或全不 / Import accounts from .xlsx or CSV with a row-by-row report, all or nothing',
          // No Idempotency-Key: the answer holds one-time passwords, never kept for a replay.
          parameters: [
            { $ref: '#/components/parameters/CsrfToken' },
            ...queryParameters(userImportQuery),
            { name: 'X-Filename', in: 'header', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          responses: {
            '200': ok(
              "报告及新用户的一次性密码 / The report, with each new account's one-time password",
              userImportReportSchema,
            ),
            ...errors,
          },
        },
      },
      '/api/users/import/template': {
        get: read(
          '用户导入模板 / The Excel template for an import',
          [],
          xlsx('模板 / The template'),
        ),
      },
      '/api/audit/verify': {
        get: read(
          '校验哈希链 / Verify the hash chain',
          [],
          ok('校验结果 / The verification', auditVerificationSchema),
        ),
      },
    },
  }
}
