/**
 * The OpenAPI description tells the truth about answers: each answer of a running app validates
 * against the schema /api/openapi.json gives its route and status (schemas/api/), and every error
 * against the error envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAjv } from '../../schemas/ajv.ts'
import { errorEnvelopeSchema } from '../../schemas/api/error.schema.ts'
import { openApiDocument } from '../../server/http/openapi.ts'
import { MEISHAN_MEMBERS } from '../helpers/meishan.ts'
import { loginAs, makeTestApp, startBundledPlan, startedFinanceTask } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const ajv = createAjv()
const paths = openApiDocument().paths as Record<
  string,
  Record<
    string,
    { responses: Record<string, { content?: { 'application/json'?: { schema: object } } }> }
  >
>

/** The schema the description gives `method template` for `status`. */
function documented(method: string, template: string, status: number): object {
  const schema =
    paths[template]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema
  if (!schema) throw new Error(`no schema for ${method.toUpperCase()} ${template} ${status}`)
  return schema
}

/** Checks an answer against its documented schema and returns the body. */
async function expectDocumented(
  response: Response,
  method: string,
  template: string,
): Promise<unknown> {
  const body = (await response.json()) as unknown
  const validate = ajv.compile(documented(method, template, response.status))
  expect(
    validate(body) ? [] : validate.errors,
    `${method.toUpperCase()} ${template} ${response.status}`,
  ).toEqual([])
  return body
}

describe('/api/openapi.json', () => {
  it('describes every JSON answer by a schema, not a bare object (but itself)', () => {
    const bare = Object.entries(paths).flatMap(([template, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(
            ([, response]) =>
              JSON.stringify(response.content?.['application/json']?.schema) ===
              '{"type":"object"}',
          )
          .map(([status]) => `${method.toUpperCase()} ${template} ${status}`),
      ),
    )
    expect(bare).toEqual(['GET /api/openapi.json 200'])
  })
})

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
    await expectDocumented(
      await finance.post(`/api/tasks/${id}/events`, { type: 'SAVE', data: {} }),
      'post',
      '/api/tasks/{id}/events',
    )
  })

  it('for policies, plans and the office’s documents', async () => {
    const { policies } = (await expectDocumented(
      await admin.get('/api/policies'),
      'get',
      '/api/policies',
    )) as { policies: Array<{ policyId: string; version: string }> }
    const { policyId, version } = policies[0]!
    await expectDocumented(
      await admin.get(`/api/policies/${policyId}/versions`),
      'get',
      '/api/policies/{policyId}/versions',
    )
    await expectDocumented(
      await admin.get(`/api/policies/${policyId}/versions/${version}`),
      'get',
      '/api/policies/{policyId}/versions/{version}',
    )
    await expectDocumented(
      await admin.get(`/api/policies/${policyId}/diff?from=${version}&to=${version}`),
      'get',
      '/api/policies/{policyId}/diff',
    )
    await expectDocumented(await admin.get('/api/plans'), 'get', '/api/plans')
    await expectDocumented(await admin.get(`/api/plans/${planId}`), 'get', '/api/plans/{id}')
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/progress`),
      'get',
      '/api/plans/{id}/progress',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/escalations`),
      'get',
      '/api/plans/{id}/escalations',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/ledger`),
      'get',
      '/api/plans/{id}/ledger',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/bulletin`),
      'get',
      '/api/plans/{id}/bulletin',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/tasks/${id}/supervision-notice`),
      'get',
      '/api/plans/{id}/tasks/{taskId}/supervision-notice',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/indicator-values?period=2018`),
      'get',
      '/api/plans/{id}/indicator-values',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${planId}/indicator-values/inputs`),
      'get',
      '/api/plans/{id}/indicator-values/inputs',
    )
  })

  it("for a plan's assessments and an import's dry run", async () => {
    const meishan = await startBundledPlan(t, 'meishan', MEISHAN_MEMBERS)
    const { assessments } = (await expectDocumented(
      await admin.get(`/api/plans/${meishan.planId}/assessments`),
      'get',
      '/api/plans/{id}/assessments',
    )) as { assessments: unknown[] }
    expect(assessments.length).toBeGreaterThan(0)
    const runs = `/api/plans/${meishan.planId}/assessments/${(assessments[0] as { id: string }).id}/runs`
    await expectDocumented(
      await admin.post(runs, { year: 2021 }),
      'post',
      '/api/plans/{id}/assessments/{assessmentId}/runs',
    )
    const view = (await expectDocumented(
      await admin.get(`${runs}/2021`),
      'get',
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}',
    )) as { results: Array<{ unit: { id: string } }> }
    await expectDocumented(
      await admin.get(`${runs}/2021/units/${view.results[0]!.unit.id}`),
      'get',
      '/api/plans/{id}/assessments/{assessmentId}/runs/{year}/units/{unitId}',
    )
    await expectDocumented(
      await admin.get(`/api/plans/${meishan.planId}/indicators?scope=region`),
      'get',
      '/api/plans/{id}/indicators',
    )
    const csv = '单位,期间,指标,数值\nnobody,2021,county_visits,12\n'
    const checked = await admin.raw(
      `/api/plans/${meishan.planId}/indicator-values/import?mode=keep-good&dryRun=true`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'values.csv' },
        body: csv,
      },
    )
    const report = (await expectDocumented(
      checked,
      'post',
      '/api/plans/{id}/indicator-values/import',
    )) as { rejected: unknown[] }
    expect(report.rejected.length).toBeGreaterThan(0)
  })

  it('for the audit log and its verification', async () => {
    await expectDocumented(await admin.get('/api/audit?limit=20'), 'get', '/api/audit')
    await expectDocumented(await admin.get('/api/audit/verify'), 'get', '/api/audit/verify')
  })

  it("for a user import's dry run and its accounts", async () => {
    const csv = '姓名,用户名,单位,角色,手机\n导入一,import.one,,部门,13800000000\n'
    const send = (query: string) =>
      admin.raw(`/api/users/import${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'users.csv' },
        body: csv,
      })
    const checked = (await expectDocumented(
      await send('?dryRun=true'),
      'post',
      '/api/users/import',
    )) as { created: unknown[] }
    expect(checked.created).toEqual([])
    const done = (await expectDocumented(await send(''), 'post', '/api/users/import')) as {
      created: unknown[]
    }
    expect(done.created).toHaveLength(1)
    const again = await send('')
    expect(again.status).toBe(422)
    const validate = ajv.compile(errorEnvelopeSchema)
    const body = (await again.json()) as unknown
    expect(validate(body) ? [] : validate.errors).toEqual([])
  })

  it('for errors, in the one envelope', async () => {
    const validate = ajv.compile(errorEnvelopeSchema)
    for (const response of [
      await finance.get('/api/tasks/nothing-here'),
      await finance.post(`/api/tasks/${id}/events`, { type: 'DELETE' }),
      await finance.get('/api/audit'),
    ]) {
      const body = (await response.json()) as unknown
      expect(validate(body) ? [] : validate.errors, String(response.status)).toEqual([])
    }
  })
})
