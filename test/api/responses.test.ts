/**
 * The OpenAPI description tells the truth about answers: each answer of a running app validates
 * against the schema /api/openapi.json gives its route and status (schemas/api/), and every error
 * against the error envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAjv } from '../../schemas/ajv.ts'
import { errorEnvelopeSchema } from '../../schemas/api/error.schema.ts'
import { openApiDocument } from '../../server/http/openapi.ts'
import { loginAs, makeTestApp, startedFinanceTask } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const ajv = createAjv()
const paths = openApiDocument().paths as Record<string, Record<string, { responses: Record<string, { content?: { 'application/json'?: { schema: object } } }> }>>

/** The schema the description gives `method template` for `status`. */
function documented(method: string, template: string, status: number): object {
  const schema = paths[template]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema
  if (!schema) throw new Error(`no schema for ${method.toUpperCase()} ${template} ${status}`)
  return schema
}

/** Checks an answer against its documented schema and returns the body. */
async function expectDocumented(response: Response, method: string, template: string): Promise<unknown> {
  const body = (await response.json()) as unknown
  const validate = ajv.compile(documented(method, template, response.status))
  expect(validate(body) ? [] : validate.errors, `${method.toUpperCase()} ${template} ${response.status}`).toEqual([])
  return body
}

describe('answers match the schemas of /api/openapi.json', () => {
  let t: TestApp
  let finance: Client
  let admin: Client
  let id: string
  let planId: string

  beforeAll(async () => {
    t = await makeTestApp('2018-09-05T09:00:00+08:00')
    ;({ finance, id, planId } = await startedFinanceTask(t))
    admin = await loginAs(t, 'root', { roles: ['admin', 'author'] })
  })
  afterAll(async () => {
    await t.db.destroy()
  })

  it('for the session, tasks and an event', async () => {
    await expectDocumented(await finance.get('/api/auth/me'), 'get', '/api/auth/me')
    await expectDocumented(await finance.get('/api/tasks'), 'get', '/api/tasks')
    await expectDocumented(await finance.get(`/api/tasks/${id}`), 'get', '/api/tasks/{id}')
    await expectDocumented(await finance.post(`/api/tasks/${id}/events`, { type: 'SAVE', data: {} }), 'post', '/api/tasks/{id}/events')
  })

  it('for policies and plans', async () => {
    const { policies } = (await expectDocumented(await admin.get('/api/policies'), 'get', '/api/policies')) as { policies: Array<{ policyId: string; version: string }> }
    const { policyId, version } = policies[0]!
    await expectDocumented(await admin.get(`/api/policies/${policyId}/versions`), 'get', '/api/policies/{policyId}/versions')
    await expectDocumented(await admin.get(`/api/policies/${policyId}/versions/${version}`), 'get', '/api/policies/{policyId}/versions/{version}')
    await expectDocumented(await admin.get('/api/plans'), 'get', '/api/plans')
    await expectDocumented(await admin.get(`/api/plans/${planId}`), 'get', '/api/plans/{id}')
    await expectDocumented(await admin.get(`/api/plans/${planId}/progress`), 'get', '/api/plans/{id}/progress')
    await expectDocumented(await admin.get(`/api/plans/${planId}/escalations`), 'get', '/api/plans/{id}/escalations')
    await expectDocumented(await admin.get(`/api/plans/${planId}/indicator-values?period=2018`), 'get', '/api/plans/{id}/indicator-values')
    await expectDocumented(await admin.get(`/api/plans/${planId}/indicator-values/inputs`), 'get', '/api/plans/{id}/indicator-values/inputs')
  })

  it('for the audit log and its verification', async () => {
    await expectDocumented(await admin.get('/api/audit?limit=20'), 'get', '/api/audit')
    await expectDocumented(await admin.get('/api/audit/verify'), 'get', '/api/audit/verify')
  })

  it('for errors, in the one envelope', async () => {
    const validate = ajv.compile(errorEnvelopeSchema)
    for (const response of [await finance.get('/api/tasks/nothing-here'), await finance.post(`/api/tasks/${id}/events`, { type: 'DELETE' }), await finance.get('/api/audit')]) {
      const body = (await response.json()) as unknown
      expect(validate(body) ? [] : validate.errors, String(response.status)).toEqual([])
    }
  })
})
