/**
 * @module The OpenAPI 3.1 description of the API, built from the same request schemas the
 * routes validate with (schemas/api/) and the policy schema.
 */
import { policySchema } from '../../schemas/index.ts'
import {
  computeAssessmentBody,
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

const json = (schema: object) => ({ content: { 'application/json': { schema } } })
const ok = (description: string) => ({ description, ...json({ type: 'object' }) })
const errors = { '4XX': { description: '错误 / Error', ...json({ $ref: '#/components/schemas/Error' }) } }
const write = (summary: string, body: object, extra: object = {}) => ({
  summary,
  parameters: [{ $ref: '#/components/parameters/CsrfToken' }, { $ref: '#/components/parameters/IdempotencyKey' }],
  requestBody: { required: true, ...json(body) },
  responses: { '200': ok('成功 / OK'), ...errors },
  ...extra,
})
const read = (summary: string, parameters: object[] = []) => ({ summary, parameters, responses: { '200': ok('成功 / OK'), ...errors } })
const path = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } })
const query = (name: string, description: string) => ({ name, in: 'query', schema: { type: 'string' }, description })

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'luoshi API', version: '0.2.0', description: '落实：政策配置、计划、任务与审计 / Policy configs, plans, tasks and audit' },
    components: {
      schemas: { Error: errorEnvelopeSchema, PolicyConfig: policySchema },
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'luoshi_session', description: '__Host-luoshi_session (Secure) over HTTPS; ends after 12 h or the idle time' } },
      parameters: {
        CsrfToken: { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' }, description: '登录时返回的 CSRF 令牌 / The CSRF token from login' },
        IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: '重试时返回首次结果 / Replays the first result on retry' },
      },
    },
    security: [{ session: [] }],
    paths: {
      '/api/openapi.json': { get: { summary: '本描述 / This description', security: [], responses: { '200': ok('OpenAPI 3.1') } } },
      '/api/auth/login': { post: { summary: '登录 / Log in', security: [], requestBody: { required: true, ...json(loginBody) }, responses: { '200': ok('会话 Cookie 与 CSRF 令牌 / Session cookie and CSRF token'), ...errors } } },
      '/api/auth/me': { get: read('当前用户 / Current user') },
      '/api/auth/logout': { post: { summary: '退出并吊销会话 / Log out, revoking the session', parameters: [{ $ref: '#/components/parameters/CsrfToken' }], responses: { '200': ok('OK'), ...errors } } },
      '/api/policies': { get: read('政策列表（各取最新版）/ Policies, latest version each'), post: write('发布版本 / Publish a version', publishPolicyBody) },
      '/api/policies/validate': { post: write('校验草稿 / Validate a draft', validatePolicyBody) },
      '/api/policies/{policyId}/versions': { get: read('版本列表 / Versions', [path('policyId')]) },
      '/api/policies/{policyId}/versions/{version}': { get: read('某一版本 / One version', [path('policyId'), path('version')]) },
      '/api/policies/{policyId}/diff': { get: read('两版差异 / Semantic diff', [path('policyId'), query('from', 'version'), query('to', 'version')]) },
      '/api/plans': { get: read('计划列表 / Plans'), post: write('启动计划 / Start a plan', startPlanBody) },
      '/api/plans/{id}': { get: read('计划 / Plan', [path('id')]) },
      '/api/plans/{id}/progress': { get: read('阶段进度 / Phase progress', [path('id')]) },
      '/api/plans/{id}/escalations': { get: read('督办与通报中的任务 / Open tasks at 督办 and 通报', [path('id')]) },
      '/api/plans/{id}/phases/{phaseId}/sign-off': { post: write('阶段签认 / Sign off a phase gate', signOffBody, { parameters: [path('id'), path('phaseId'), { $ref: '#/components/parameters/CsrfToken' }] }) },
      '/api/plans/{id}/indicator-values': {
        get: read('指标数据 / Indicator values', [path('id'), query('unit', 'unit id'), query('period', '2021, 2021-Q1, 2021-03'), query('element', 'input id')]),
        put: write('录入指标数据（全部或全不）/ Enter values, all or nothing', indicatorValuesBody, { parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }] }),
      },
      '/api/plans/{id}/indicator-values/import': {
        post: {
          summary: '导入 CSV / Excel，逐行报告 / Import a CSV or .xlsx file with a row-by-row report',
          parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }, query('mode', 'all-or-nothing | keep-good'), query('dryRun', 'true: check only'), { name: 'X-Filename', in: 'header', schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '200': ok('报告 / The report'), ...errors },
        },
      },
      '/api/plans/{id}/indicator-values/template.xlsx': { get: read('填报模板 / The Excel template', [path('id'), query('layout', 'wide | long'), query('period', 'period to fill')]) },
      '/api/plans/{id}/indicator-values/inputs': { get: read('可填报的数据项 / The inputs', [path('id')]) },
      '/api/plans/{id}/indicators': { get: read('指标对照目标（按年）/ Indicators against targets by year', [path('id'), query('scope', 'region, a group id or a unit id')]) },
      '/api/plans/{id}/assessments': { get: read('考核及各年度结果 / Assessments and their runs', [path('id')]) },
      '/api/plans/{id}/assessments/{assessmentId}/runs': {
        post: write('计算（或重算）某年度考核 / Compute (or recompute) a year', computeAssessmentBody, { parameters: [path('id'), path('assessmentId'), { $ref: '#/components/parameters/CsrfToken' }] }),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}': { get: read('某年度考核结果 / One year’s results', [path('id'), path('assessmentId'), path('year')]) },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/review': {
        post: write('审核 / Review', reviewAssessmentBody, { parameters: [path('id'), path('assessmentId'), path('year'), { $ref: '#/components/parameters/CsrfToken' }] }),
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/publish': {
        post: { summary: '公布：记录结果应用，生成整改任务 / Publish: record consequences, create 整改 tasks', parameters: [path('id'), path('assessmentId'), path('year'), { $ref: '#/components/parameters/CsrfToken' }], responses: { '200': ok('OK'), ...errors } },
      },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/units/{unitId}': { get: read('单位考核报告 / A unit’s report', [path('id'), path('assessmentId'), path('year'), path('unitId')]) },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/report.xlsx': { get: read('年度考核结果 Excel / The year’s results as Excel', [path('id'), path('assessmentId'), path('year')]) },
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/units/{unitId}/report.xlsx': { get: read('单位考核报告 Excel / A unit’s report as Excel', [path('id'), path('assessmentId'), path('year'), path('unitId')]) },
      '/api/tasks': { get: read('本单位任务（按截止日）/ My unit’s tasks by deadline', ['plan', 'phase', 'state', 'period', 'overdue', 'role', 'scope'].map((name) => query(name, 'filter'))) },
      '/api/tasks/{id}': { get: read('任务详情 / One task', [path('id')]) },
      '/api/tasks/{id}/events': {
        post: write('任务事件 / Send an event', taskEventBody, {
          parameters: [path('id'), { $ref: '#/components/parameters/CsrfToken' }, { $ref: '#/components/parameters/IdempotencyKey' }, { name: 'If-Match', in: 'header', schema: { type: 'string' }, description: '任务版本 / Task version' }],
        }),
      },
      '/api/attachments': {
        post: {
          summary: '上传佐证材料（≤ 8 MB）/ Upload evidence (≤ 8 MB)',
          parameters: [{ $ref: '#/components/parameters/CsrfToken' }, { name: 'X-Filename', in: 'header', required: true, schema: { type: 'string' }, description: '文件名（可 URL 编码）/ The file name (may be URL-encoded)' }],
          requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          responses: { '201': ok('{ id, name, size, type }'), ...errors },
        },
      },
      '/api/attachments/{id}': { get: { summary: '下载佐证材料（上传者，或可见任务的附件字段引用了它）/ Download evidence (its uploader, or via an attachment field of a task you may see)', parameters: [path('id')], responses: { '200': { description: '文件 / The file' }, ...errors } } },
      '/api/audit': { get: read('审计日志（领导仅见其可见计划、任务与文件的条目）/ Audit log (a leader sees only entries of the plans, tasks and files they may see)', ['entity', 'entityId', 'action', 'actor', 'limit'].map((name) => query(name, 'filter'))) },
      '/api/audit/verify': { get: read('校验哈希链 / Verify the hash chain') },
    },
  }
}
