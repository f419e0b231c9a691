/** Bad input always gets a clear 4xx in the one error shape, never a 500, and changes nothing. */
import { MAX_BODY_BYTES } from '../../server/app.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

describe('request errors', () => {
  let t: TestApp
  let finance: Client
  let id: string

  beforeAll(async () => {
    t = await makeTestApp()
    const { planId } = await startBundledPlan(t, 'pingnan')
    id = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
    finance = await loginAs(t, 'finance', {
      units: [{ policyId: 'pingnan-medical-alliance', unitId: 'county-finance-bureau' }],
    })
  })

  const post = (body: string, headers: Record<string, string> = {}) =>
    finance.raw(`/api/tasks/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })

  it.each([
    ['malformed JSON', '{"type": "START"', 400, 'bad-json', undefined],
    ['an unknown field', '{"type": "START", "typo": 1}', 400, 'invalid-body', '/typo'],
    ['a wrong type', '{"type": 42}', 400, 'invalid-body', '/type'],
    ['an unknown event', '{"type": "DELETE"}', 400, 'invalid-body', '/type'],
    [
      'form data of the wrong shape',
      '{"type": "SUBMIT", "data": {"summary": 5}}',
      422,
      'invalid-form-data',
      '/data/summary',
    ],
  ])('rejects %s with %i %s', async (_what, body, status, code, pointer) => {
    const response = await post(body)
    expect(response.status).toBe(status)
    const json = await response.json()
    expect(json.error.code).toBe(code)
    expect(json.error.message.zh).toBeTruthy()
    expect(json.error.message.en).toBeTruthy()
    if (pointer)
      expect(json.error.issues.map((issue: { pointer: string }) => issue.pointer)).toContain(
        pointer,
      )
  })

  it('rejects a body over the limit with 413', async () => {
    const huge = JSON.stringify({ type: 'SAVE', data: { summary: 'x'.repeat(MAX_BODY_BYTES) } })
    const response = await post(huge, { 'content-length': String(Buffer.byteLength(huge)) })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload-too-large')
  })

  it('answers a body cut off before its end with 400, and writes nothing of it', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"type":"SAVE","data":{"summary":"半'))
        controller.error(new Error('the connection broke'))
      },
    })
    const response = await finance.raw(`/api/tasks/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(400)
    const json = await response.json()
    expect(json.error.code).toBe('bad-request')
    expect(json.error.message.zh).toContain('未完整送达')
  })

  it('rejects a body that is not JSON with 415', async () => {
    const response = await finance.raw(`/api/tasks/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'START',
    })
    expect(response.status).toBe(415)
  })

  it('answers an unknown route with 404 in the same shape', async () => {
    const response = await finance.get('/api/nothing-here')
    expect(response.status).toBe(404)
    expect((await response.json()).error.code).toBe('not-found')
  })

  it('left the task exactly as it was after all of that', async () => {
    expect(
      await t.db
        .selectFrom('task')
        .select(['state', 'version', 'data'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'assigned', version: 1, data: null })
  })

  it('rejects a wrong password without saying which part was wrong', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'finance', password: 'nope' }),
    })
    expect(response.status).toBe(401)
    expect((await response.json()).error.message.zh).toBe('用户名或密码错误')
  })
})
