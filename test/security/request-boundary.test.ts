/**
 * The request boundary: whatever a client sends — a malformed `X-Filename`, a header section over
 * 16 KB, a NUL character or a lone surrogate in a string, its own `X-Request-Id` — the answer is a
 * 4xx in the one error shape (never a 500, never Node's bare 431), and the request id is the
 * server's.
 */
import { connect } from 'node:net'
import { sql } from 'kysely'
import { MAX_BODY_BYTES } from '../../server/app.ts'
import { listen } from '../../server/http/listen.ts'
import type { Listening } from '../../server/http/listen.ts'
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { makeTestApp, PASSWORD, startedFinanceTask } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

interface ErrorBody {
  error: {
    code: string
    message: LocalizedText
    issues?: Array<{ pointer: string; code?: string }>
  }
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await response.json()) as ErrorBody
  expect(body.error.code).toBe(code)
  expect(body.error.message.zh).toBeTruthy()
  expect(body.error.message.en).toBeTruthy()
  return body
}

let t: TestApp
let finance: Client
let id: string

beforeAll(async () => {
  t = await makeTestApp()
  ;({ finance, id } = await startedFinanceTask(t))
})

afterAll(async () => {
  await t.db.destroy()
})

const upload = (fileName: string) =>
  finance.raw('/api/attachments', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-filename': fileName },
    body: 'evidence',
  })

describe('X-Filename', () => {
  it.each([
    ['a truncated escape', '%E4%B8'],
    ['a bad escape', '100%.txt'],
    ['an encoded NUL', 'a%00.txt'],
    ['an encoded line break', 'a%0D%0Ab.txt'],
  ])('refuses %s with 400 bad-request, and stores nothing', async (_what, fileName) => {
    await expectError(await upload(fileName), 400, 'bad-request')
    expect(await t.db.selectFrom('attachment').select('id').execute()).toEqual([])
  })

  it('still takes a UTF-8 name, percent-encoded', async () => {
    const response = await upload(encodeURIComponent('资金 100%.pdf.txt'))
    expect(response.status).toBe(201)
    expect(((await response.json()) as { name: string }).name).toBe('资金 100%.pdf.txt')
  })
})

describe('a header section over 16 KB, on a real socket', () => {
  let server: Listening
  let base: string
  let session: HttpSession

  beforeAll(async () => {
    server = listen(t.app.fetch, { port: 0, hostname: '127.0.0.1' })
    base = `http://127.0.0.1:${(await server.address).port}`
    session = await login(base, 'finance', PASSWORD)
  })

  afterAll(async () => {
    await server.requests.drain(1000)
  })

  const send = (fileName: string) =>
    fetch(`${base}/api/attachments`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'text/plain',
        'x-filename': fileName,
      },
      body: 'evidence',
    })

  it('answers an X-Filename over 16 KB with a JSON 431 headers-too-large', async () => {
    const response = await send('a'.repeat(17 * 1024))
    const body = await expectError(response, 431, 'headers-too-large')
    expect(body.error.message.en).toContain('16 KB')
    expect(response.headers.get('x-request-id')).toMatch(UUID)
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('serves a long name under the limit, cut to 200 characters', async () => {
    const response = await send('b'.repeat(12 * 1024))
    expect(response.status).toBe(201)
    expect(((await response.json()) as { name: string }).name).toBe('b'.repeat(200))
  })

  it('answers a request Node cannot parse with a JSON 400', async () => {
    const port = Number(new URL(base).port)
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write('GET /api/tasks HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      )
      let text = ''
      socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'bad-request' },
    })
  })
})

describe('the body size limit, on a real socket', () => {
  // An app of its own: these requests change the task the other tests look at.
  let own: TestApp
  let id: string
  let server: Listening
  let base: string
  let session: HttpSession

  beforeAll(async () => {
    own = await makeTestApp()
    ;({ id } = await startedFinanceTask(own))
    server = listen(own.app.fetch, { port: 0, hostname: '127.0.0.1' })
    base = `http://127.0.0.1:${(await server.address).port}`
    session = await login(base, 'finance', PASSWORD)
  })

  afterAll(async () => {
    await server.requests.drain(1000)
    await own.db.destroy()
  })

  it('answers a declared length over the limit with a JSON 413 before a byte of the body is sent', async () => {
    const port = Number(new URL(base).port)
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          `POST /api/tasks/${id}/events HTTP/1.1\r\nHost: x\r\nCookie: ${session.cookie}\r\n` +
            `X-CSRF-Token: ${session.csrfToken}\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${MAX_BODY_BYTES + 1}\r\nConnection: close\r\n\r\n`,
        ),
      )
      let text = ''
      socket.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk
        if (text.includes('\r\n\r\n') && text.includes('}')) socket.destroy()
      })
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.1 413 /)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'payload-too-large' },
    })
  })

  it('counts a chunked body as it comes and answers 413 past the limit', async () => {
    const chunk = new TextEncoder().encode(`{"type":"SAVE","data":{"summary":"${'x'.repeat(1024)}`)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + 2 * chunk.length) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const response = await fetch(`${base}/api/tasks/${id}/events`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      body,
      duplex: 'half',
    } as RequestInit)
    await expectError(response, 413, 'payload-too-large')
  })

  it('takes a body under the limit, declared or chunked', async () => {
    const declared = await session.post(`/api/tasks/${id}/events`, {
      type: 'SAVE',
      data: { summary: '按声明长度' },
    })
    expect(declared.status).toBe(200)
    const text = new TextEncoder().encode(
      JSON.stringify({ type: 'SAVE', data: { summary: '分块发送' } }),
    )
    const chunked = await fetch(`${base}/api/tasks/${id}/events`, {
      method: 'POST',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(text.slice(0, 10))
          controller.enqueue(text.slice(10))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status, await chunked.clone().text()).toBe(200)
    const task = await own.db
      .selectFrom('task')
      .select('data')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(task.data!)).toEqual({ summary: '分块发送' })
  })
})

describe('NUL characters', () => {
  it('refuses one in a JSON string value with 400 invalid-body at its pointer', async () => {
    const body = await expectError(
      await finance.post(`/api/tasks/${id}/events`, {
        type: 'SAVE',
        data: { summary: 'a\u0000b' },
      }),
      400,
      'invalid-body',
    )
    expect(body.error.issues).toEqual([
      expect.objectContaining({ pointer: '/data/summary', code: 'nul-character' }),
    ])
  })

  it('refuses one in a JSON key, pointing at it', async () => {
    const body = await expectError(
      await finance.post(`/api/tasks/${id}/events`, { type: 'SAVE', data: { 'sum/m\u0000': 'x' } }),
      400,
      'invalid-body',
    )
    expect(body.error.issues!.map((issue) => issue.pointer)).toEqual(['/data/sum~1m\u0000'])
  })

  it('refuses one at login, before the database sees it', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'finance\u0000', password: 'x' }),
    })
    await expectError(response, 400, 'invalid-body')
  })

  it.each([
    ['the query', '/api/tasks?state=%00'],
    ['the path', '/api/tasks/a%00b'],
  ])('refuses one in %s with 400 bad-request', async (_where, path) => {
    await expectError(await finance.get(path), 400, 'bad-request')
  })

  it('left the task as it was', async () => {
    const task = await t.db
      .selectFrom('task')
      .select(['version', 'data'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(task).toEqual({ version: 2, data: null })
  })
})

describe('X-Request-Id', () => {
  it('is made by the server for every request; a client value is never answered or stored as ours', async () => {
    const first = await finance.post(
      `/api/tasks/${id}/events`,
      { type: 'SAVE', data: { summary: '一' } },
      { 'x-request-id': 'planted-id' },
    )
    const second = await finance.post(
      `/api/tasks/${id}/events`,
      { type: 'SAVE', data: { summary: '二' } },
      { 'x-request-id': 'planted-id' },
    )
    expect([first.status, second.status]).toEqual([200, 200])
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')]
    for (const each of ids) expect(each).toMatch(UUID)
    expect(ids[0]).not.toBe(ids[1])
    const stored = await t.db
      .selectFrom('task_event')
      .select('request_id')
      .where('task_id', '=', id)
      .where('type', '=', 'SAVE')
      .orderBy('seq')
      .execute()
    expect(stored.map((row) => row.request_id)).toEqual(ids)
    expect(
      await t.db
        .selectFrom('task_event')
        .select('id')
        .where('request_id', '=', 'planted-id')
        .execute(),
    ).toEqual([])
  })

  it('logs the client’s value beside ours when a request fails', async () => {
    const logged: string[] = []
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((line: unknown) => void logged.push(String(line)))
    await sql`pragma query_only = on`.execute(t.db)
    try {
      const response = await finance.post(
        `/api/tasks/${id}/events`,
        { type: 'SAVE', data: { summary: '三' } },
        { 'x-request-id': 'client-trace-7' },
      )
      expect(response.status).toBe(503)
      const line = JSON.parse(logged.find((each) => each.includes('client-trace-7'))!) as {
        requestId: string
        clientRequestId: string
      }
      expect(line.requestId).toBe(response.headers.get('x-request-id'))
      expect(line.clientRequestId).toBe('client-trace-7')
    } finally {
      await sql`pragma query_only = off`.execute(t.db)
      spy.mockRestore()
    }
  })
})

describe('Lone surrogates', () => {
  it('refuses half of a UTF-16 pair, which a database would store as U+FFFD, with 400 at its pointer', async () => {
    const body = await expectError(
      await finance.post(`/api/tasks/${id}/events`, {
        type: 'SAVE',
        data: { summary: '已拨付\ud800', note: 'x\udc00' },
      }),
      400,
      'invalid-body',
    )
    expect(body.error.issues).toEqual([
      expect.objectContaining({ pointer: '/data/summary', code: 'lone-surrogate' }),
      expect.objectContaining({ pointer: '/data/note', code: 'lone-surrogate' }),
    ])
  })

  it('refuses one at login, where the name would reach the audit log', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'finance\udbff', password: 'x' }),
    })
    await expectError(response, 400, 'invalid-body')
  })

  it('takes a whole pair sent as two escapes', async () => {
    const response = await finance.raw(`/api/tasks/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"SAVE","data":{"summary":"\\ud83d\\ude00 已拨付"}}',
    })
    expect(response.status).toBe(200)
    const task = await t.db
      .selectFrom('task')
      .select('data')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(task.data!)).toEqual({ summary: '😀 已拨付' })
  })
})
