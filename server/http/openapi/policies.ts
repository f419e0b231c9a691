/** @module The OpenAPI paths of policy configs and their versions. */
import { publishPolicyBody, validatePolicyBody } from '../../../schemas/api/requests.schema.ts'
import { policyDiffQuery } from '../../../schemas/api/queries.schema.ts'
import {
  policyDiffSchema,
  policyListSchema,
  policyVersionSchema,
  policyVersionsSchema,
  publishResultSchema,
  sourceTextUploadSchema,
  validateResultSchema,
} from '../../../schemas/api/responses.schema.ts'
import { ok, errors, write, read, path, queryParameters } from './operations.ts'

/** Policies, their versions and diffs. */
export const policyPaths = {
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
  '/api/policies/source-text': {
    post: {
      summary:
        '读取上传的政策原文（.txt、.md、.docx），不保存 / Read an uploaded source document as text; nothing is stored',
      parameters: [
        { $ref: '#/components/parameters/CsrfToken' },
        { name: 'X-Filename', in: 'header', schema: { type: 'string' } },
      ],
      requestBody: {
        required: true,
        content: {
          'text/plain': { schema: { type: 'string' } },
          'text/markdown': { schema: { type: 'string' } },
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
            schema: { type: 'string', format: 'binary' },
          },
        },
      },
      responses: { '200': ok('原文 / The text', sourceTextUploadSchema), ...errors },
    },
  },
  '/api/policies/{policyId}/versions/{version}/source': {
    get: read(
      "下载该版本的政策原文 / Download the version's source document",
      [path('policyId'), path('version')],
      {
        description: '政策原文（UTF-8 纯文本）/ The source document (plain UTF-8)',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    ),
  },
  '/api/policies/{policyId}/diff': {
    get: read(
      '两版差异 / Semantic diff',
      [path('policyId'), ...queryParameters(policyDiffQuery)],
      ok('差异 / The changes', policyDiffSchema),
    ),
  },
}
