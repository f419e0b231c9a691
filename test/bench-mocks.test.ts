/**
 * The browser bench answers the web app as the API does: each answer its page route gives (the
 * session, plans, an inbox, a plan's progress and 督办 list) validates against the schema
 * /api/openapi.json documents for that route. When the API changes, this fails here rather than
 * the bench's pages quietly rendering nothing.
 */
import type { Page } from 'playwright-core'
import { mockApi } from '../bench/browser.bench.ts'
import { createAjv } from '../schemas/ajv.ts'
import { openApiDocument } from '../server/http/openapi.ts'

type Paths = Record<
  string,
  Record<
    string,
    { responses: Record<string, { content?: { 'application/json'?: { schema: object } } }> }
  >
>

/** The answer the bench's route handler gives for `url`, and its status. */
async function mocked(url: string): Promise<{ status: number; body: unknown }> {
  let handler!: (route: unknown) => Promise<void>
  await mockApi({
    route: async (_pattern: string, handle: typeof handler) => {
      handler = handle
    },
  } as unknown as Page)
  let answer!: { status: number; body: unknown }
  await handler({
    request: () => ({ url: () => `http://localhost${url}` }),
    fulfill: async (response: { status: number; body: string }) => {
      answer = { status: response.status, body: JSON.parse(response.body) as unknown }
    },
  })
  return answer
}

describe('the browser bench’s mocked API', () => {
  const ajv = createAjv()
  const paths = openApiDocument().paths as Paths

  it.each([
    ['/api/auth/session', '/api/auth/session'],
    ['/api/plans', '/api/plans'],
    ['/api/tasks?pageSize=500', '/api/tasks'],
    ['/api/tasks?scope=all', '/api/tasks'],
    ['/api/plans/plan-1/progress', '/api/plans/{id}/progress'],
    ['/api/plans/plan-1/escalations', '/api/plans/{id}/escalations'],
  ])('answers %s as %s is documented', async (url, template) => {
    const { status, body } = await mocked(url)
    const schema = paths[template]?.get?.responses[String(status)]?.content?.['application/json']
    expect(schema, `${template} ${status} is documented`).toBeDefined()
    const validate = ajv.compile(schema!.schema)
    expect(validate(body) ? [] : validate.errors).toEqual([])
  })
})
