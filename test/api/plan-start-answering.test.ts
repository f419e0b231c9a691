/**
 * Starting a large plan takes seconds: a province's 280,000 tasks are laid out and inserted in one
 * transaction. The server goes on answering other people meanwhile: the start works in slices
 * with turns of the event loop between them (server/event-loop-turn.ts). Over a real socket: a
 * request made in the same process (`app.request`) is handled without waiting for the event loop,
 * so it would not show a server that holds it.
 */
import { serve } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { generatePlanPolicy } from '../helpers/generated-policy.ts'
import { epochNow, readsMeanwhile } from '../helpers/reads-meanwhile.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

/** 1,000 units × 12 duties: 12,000 tasks, many slices of layout and insert. */
const UNITS = 1000
const DUTIES = 12

let t: TestApp
let server: ServerType
let base: string
let office: Client
let reader: Client

beforeAll(async () => {
  t = await makeTestApp('2019-01-02T09:00:00+08:00')
  const { text, source } = generatePlanPolicy(UNITS, DUTIES)
  await publishPolicy(t, t.clock, 'test', { yaml: text, sourceText: source })
  office = await loginAs(t, 'office', { roles: ['admin'] })
  reader = await loginAs(t, 'reader', { roles: ['admin'] })
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

describe('a large plan being started', () => {
  it('leaves the server answering reads, each within a small part of the start', async () => {
    const reads = await readsMeanwhile(`${base}/api/plans`, { cookie: reader.cookie })
    const sent = epochNow()
    const response = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: {
        cookie: office.cookie,
        'x-csrf-token': office.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ policyId: 'generated-province-plan', version: '1.0.0' }),
    })
    const answered = epochNow()
    const started = (await response.json()) as { tasks: number }
    // The reads that waited while the start ran, and those of them answered before it ended.
    const waited = (await reads.stop()).filter(
      (read) => read.answered > sent && read.sent < answered,
    )
    const during = waited.filter((read) => read.answered < answered)

    expect(response.status).toBe(201)
    expect(started.tasks).toBe(UNITS * DUTIES)
    expect(waited.every((read) => read.status === 200)).toBe(true)
    // Answered all through the start, not once before it and again after it.
    expect(during.length).toBeGreaterThanOrEqual(5)
    const longest = Math.max(...waited.map((read) => read.answered - read.sent))
    expect(longest).toBeLessThan((answered - sent) / 3)
  })
})
