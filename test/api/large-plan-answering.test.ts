/**
 * Starting or revising a large plan takes seconds: a province's 280,000 tasks are laid out and
 * written in one transaction. The server goes on answering other people meanwhile: the work goes
 * in slices with turns of the event loop between them (server/event-loop-turn.ts). Over a real
 * socket: a request made in the same process (`app.request`) is handled without waiting for the
 * event loop, so it would not show a server that holds it.
 */
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listen } from '../../server/http/listen.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { generatePlanPolicy } from '../helpers/generated-policy.ts'
import { readWhile } from '../helpers/reads-meanwhile.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

/** Started: 1,000 units × 12 duties, 12,000 tasks, many slices of layout and insert. */
const UNITS = 1000
const DUTIES = 12
/**
 * Revised: 300 units × 12 duties, every deadline moved, 3,600 tasks each written twice (the task,
 * its history) and audited; many slices too, at a size PostgreSQL's round trips finish in time.
 */
const REVISED_UNITS = 300
const REVISED_POLICY = 'generated-revised-plan'

let t: TestApp
let server: Server
let base: string
let office: Client
let reader: Client

beforeAll(async () => {
  t = await makeTestApp('2019-01-02T09:00:00+08:00')
  const { text, source } = generatePlanPolicy(UNITS, DUTIES)
  await publishPolicy(t, t.clock, 'test', { yaml: text, sourceText: source })
  const first = generatePlanPolicy(REVISED_UNITS, DUTIES, { id: REVISED_POLICY })
  await publishPolicy(t, t.clock, 'test', { yaml: first.text, sourceText: first.source })
  const revised = generatePlanPolicy(REVISED_UNITS, DUTIES, { id: REVISED_POLICY, revised: true })
  await publishPolicy(t, t.clock, 'test', {
    yaml: revised.text,
    sourceText: revised.source,
    note: 'every deadline moved',
  })
  office = await loginAs(t, 'office', { roles: ['admin'] })
  reader = await loginAs(t, 'reader', { roles: ['admin'] })
  const listening = listen(t.app.fetch, { port: 0, hostname: '127.0.0.1' })
  server = listening.server
  base = `http://127.0.0.1:${(await listening.address).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** Sends a request as the office. */
const asOffice = (path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      cookie: office.cookie,
      'x-csrf-token': office.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  })

/** The reads that waited were answered, all through the work, none waiting long. */
function expectAnsweredThroughout(run: Awaited<ReturnType<typeof readWhile>>) {
  const { took, waited, answeredDuring } = run
  expect(waited.every((read) => read.status === 200)).toBe(true)
  // Answered all through the work, not once before it and again after it.
  expect(answeredDuring).toBeGreaterThanOrEqual(5)
  // Held through it, a read would wait for nearly all of it.
  expect(Math.max(...waited.map((read) => read.answered - read.sent))).toBeLessThan(took / 2)
}

describe('a large plan', () => {
  it('being started leaves the server answering reads, none waiting half of it', async () => {
    const run = await readWhile(`${base}/api/plans`, { cookie: reader.cookie }, () =>
      asOffice('/api/plans', { policyId: 'generated-province-plan', version: '1.0.0' }),
    )

    expect(run.value.status).toBe(201)
    expect(((await run.value.json()) as { tasks: number }).tasks).toBe(UNITS * DUTIES)
    expectAnsweredThroughout(run)
  })

  it('being revised leaves the server answering reads, none waiting half of it', async () => {
    const version = await t.db
      .selectFrom('policy_version')
      .select('id')
      .where('policy_id', '=', REVISED_POLICY)
      .where('version', '=', '1.0.0')
      .executeTakeFirstOrThrow()
    const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id })

    const run = await readWhile(`${base}/api/plans`, { cookie: reader.cookie }, () =>
      asOffice(`/api/plans/${plan.id}/migration`, { toVersion: '1.1.0', planRevision: 0 }),
    )

    expect(run.value.status).toBe(200)
    const moved = await t.db
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', plan.id)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow()
    expect(Number(moved.n)).toBe(REVISED_UNITS * DUTIES)
    expectAnsweredThroughout(run)
  })
})
