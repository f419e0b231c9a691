import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, call, client, pathParams, setCsrfToken } from './api.ts'

/** Stubs fetch with one answer and returns the calls it gets. */
function answer(body: unknown, status = 200) {
  const calls: Array<{ url: string; init: RequestInit & { headers: Record<string, string> } }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit & { headers: Record<string, string> }) => {
      calls.push({ url, init })
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })
    }),
  )
  return calls
}

afterEach(() => {
  setCsrfToken(null)
  vi.unstubAllGlobals()
})

describe('the typed client', () => {
  it('reads with the session cookie and without the CSRF token', async () => {
    setCsrfToken('token')
    const calls = answer({ plans: [] })
    expect(await call(client.plans.$get({ query: {} }))).toEqual({ plans: [] })
    expect(calls[0]!.url).toBe('/api/plans')
    expect(calls[0]!.init.credentials).toBe('same-origin')
    expect(calls[0]!.init.headers['x-csrf-token']).toBeUndefined()
  })

  it('writes JSON with the CSRF token, and `{}` when a write has no body', async () => {
    setCsrfToken('token')
    const calls = answer({ ok: true })
    await call(
      client.tasks[':id'].events.$post(
        { param: pathParams({ id: 't 1/2' }), json: { type: 'SUBMIT' } },
        { headers: { 'if-match': '"3"' } },
      ),
    )
    await call(client.auth.logout.$post())
    expect(calls.map(({ url, init }) => [url, init.method, init.body, init.headers])).toEqual([
      [
        '/api/tasks/t%201%2F2/events',
        'POST',
        '{"type":"SUBMIT"}',
        { 'content-type': 'application/json', 'if-match': '"3"', 'x-csrf-token': 'token' },
      ],
      [
        '/api/auth/logout',
        'POST',
        '{}',
        { 'content-type': 'application/json', 'x-csrf-token': 'token' },
      ],
    ])
  })

  it('puts a query into the path', async () => {
    const calls = answer({ counts: {}, tasks: [] })
    await call(
      client.tasks.$get({ query: { plan: 'p', state: 'assigned,returned', role: 'review' } }),
    )
    expect(calls[0]!.url).toBe('/api/tasks?plan=p&state=assigned%2Creturned&role=review')
  })

  it('turns an error answer into ApiError with the code, message and issues', async () => {
    const issues = [
      {
        pointer: '/type',
        code: 'invalid-value',
        message: { zh: '不是任务事件', en: 'Not a task event' },
      },
    ]
    answer(
      {
        error: {
          code: 'invalid-body',
          message: { zh: '请求内容不符合要求', en: 'The request body is invalid' },
          issues,
        },
      },
      400,
    )
    const error = await call(client.auth.me.$get()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid-body',
      text: { zh: '请求内容不符合要求', en: 'The request body is invalid' },
      details: { issues },
    })
  })

  it('names a failed request that came back without the envelope (a proxy page)', async () => {
    answer('<html>Bad gateway</html>', 502)
    const error = await call(client.auth.me.$get(), { zh: '上传失败', en: 'Upload failed' }).catch(
      (caught: unknown) => caught,
    )
    expect(error).toMatchObject({
      status: 502,
      code: 'error',
      text: { zh: '上传失败', en: 'Upload failed' },
    })
  })

  it('tells the page when the server answers 401, and only then', async () => {
    const page = new EventTarget()
    vi.stubGlobal('window', page)
    let ended = 0
    page.addEventListener('ls-session-end', () => ended++)
    answer({ error: { code: 'forbidden', message: { zh: '无权', en: 'Forbidden' } } }, 403)
    await call(client.plans.$get({ query: {} })).catch(() => undefined)
    expect(ended).toBe(0)
    answer({ error: { code: 'unauthenticated', message: { zh: '请先登录', en: 'Log in' } } }, 401)
    const error = await call(client.plans.$get({ query: {} })).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(ended).toBe(1)
  })
})
