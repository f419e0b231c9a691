/**
 * @module The OpenAPI 3.1 description of the API, built from the same request schemas the
 * routes validate with (schemas/api/) and the policy schema.
 */
import { policySchema } from '../../schemas/index.ts'
import { errorEnvelopeSchema } from '../../schemas/api/error.schema.ts'
import { ok } from './openapi/operations.ts'
import { authPaths, regionPaths, userPaths } from './openapi/auth-users.ts'
import { policyPaths } from './openapi/policies.ts'
import { planPaths, taskPaths } from './openapi/plans-tasks.ts'
import { planLifecyclePaths } from './openapi/plan-lifecycle.ts'
import { notificationPaths } from './openapi/notifications.ts'
import { indicatorPaths } from './openapi/indicators.ts'
import { documentPaths } from './openapi/documents.ts'
import {
  assessmentPaths,
  attachmentAndAuditPaths,
  auditVerifyPaths,
} from './openapi/assessments-audit.ts'

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
      ...authPaths,
      ...policyPaths,
      ...planPaths,
      ...planLifecyclePaths,
      ...documentPaths,
      ...indicatorPaths,
      ...assessmentPaths,
      ...taskPaths,
      ...attachmentAndAuditPaths,
      ...userPaths,
      ...regionPaths,
      ...auditVerifyPaths,
      ...notificationPaths,
    },
  }
}
