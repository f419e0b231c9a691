/** @module The OpenAPI paths of assessments, attachments and the audit log. */
import {
  computeAssessmentBody,
  reviewAssessmentBody,
} from '../../../schemas/api/requests.schema.ts'
import { attachmentUploadSchema } from '../../../schemas/api/attachment.schema.ts'
import { auditQuery, auditVerifyQuery } from '../../../schemas/api/queries.schema.ts'
import {
  assessmentListSchema,
  auditEntriesSchema,
  auditVerificationSchema,
  computeResultSchema,
  publishRunResultSchema,
  reviewResultSchema,
  runViewSchema,
  unitReportSchema,
} from '../../../schemas/api/responses.schema.ts'
import { xlsx, ok, errors, write, read, path, queryParameters } from './operations.ts'

/** Assessments, their yearly runs, review, publication and reports. */
export const assessmentPaths = {
  '/api/plans/{id}/assessments': {
    get: read(
      '考核及各年度结果 / Assessments and their runs',
      [path('id')],
      ok('考核 / Assessments', assessmentListSchema),
    ),
  },
  '/api/plans/{id}/assessments/{assessmentId}/runs': {
    post: write('计算（或重算）某年度考核 / Compute (or recompute) a year', computeAssessmentBody, {
      parameters: [path('id'), path('assessmentId'), { $ref: '#/components/parameters/CsrfToken' }],
      responses: { '201': ok('已计算 / Computed', computeResultSchema), ...errors },
    }),
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
      summary: '公布：记录结果应用，生成整改任务 / Publish: record consequences, create 整改 tasks',
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
}

/** Evidence uploads and downloads, and the audit log. */
export const attachmentAndAuditPaths = {
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
}

/** Verifying the audit hash chain. */
export const auditVerifyPaths = {
  '/api/audit/verify': {
    get: read(
      '校验哈希链（每条链单独校验，全量或自最新检查点起）/ Verify the hash chains, each alone, whole or from its newest checkpoint',
      queryParameters(auditVerifyQuery),
      ok('校验结果 / The verification', auditVerificationSchema),
    ),
  },
}
