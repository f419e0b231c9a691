/** Conflicting events race safely; retries with an Idempotency-Key do the work once. */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

describe('concurrency and retries', () => {
  let t: TestApp
  let planId: string
  let price: Client
  let office: Client
  let officeTwo: Client

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    price = await loginAs(t, 'price', {
      units: [{ policyId: POLICY, unitId: 'county-price-bureau' }],
    })
    office = await loginAs(t, 'office-a', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
    officeTwo = await loginAs(t, 'office-b', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'leadership-group-office' }],
    })
  })

  async function submittedTask(): Promise<string> {
    const id = await taskId(t, planId, 'duty-price-bureau', 'county-price-bureau')
    const response = await price.post(`/api/tasks/${id}/events`, {
      type: 'SUBMIT',
      data: { summary: '已完善价格政策' },
    })
    expect(response.status).toBe(200)
    return id
  }

  it('lets exactly one of two conflicting reviews win', async () => {
    const id = await submittedTask()
    const [approve, reject] = await Promise.all([
      office.post(`/api/tasks/${id}/events`, { type: 'APPROVE' }),
      officeTwo.post(`/api/tasks/${id}/events`, { type: 'RETURN', reason: '不同意' }),
    ])
    const statuses = [approve.status, reject.status].sort()
    expect(statuses).toEqual([200, 409])
    const task = await t.db
      .selectFrom('task')
      .select(['state', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    const events = await t.db
      .selectFrom('task_event')
      .select('type')
      .where('task_id', '=', id)
      .execute()
    expect(events.map((event) => event.type)).toEqual([
      'SUBMIT',
      approve.status === 200 ? 'APPROVE' : 'RETURN',
    ])
    expect(task.version).toBe(3)
  })

  it('answers a stale If-Match with 409 and the current version', async () => {
    const id = await taskId(t, planId, 'duty-hrss-bureau', 'county-hrss-bureau')
    const hrss = await loginAs(t, 'hrss', {
      units: [{ policyId: POLICY, unitId: 'county-hrss-bureau' }],
    })
    expect(
      (await hrss.post(`/api/tasks/${id}/events`, { type: 'START' }, { 'if-match': '"1"' })).status,
    ).toBe(200)
    const stale = await hrss.post(
      `/api/tasks/${id}/events`,
      { type: 'SAVE', data: { summary: '草稿' } },
      { 'if-match': '"1"' },
    )
    expect(stale.status).toBe(409)
    expect((await stale.json()).error).toMatchObject({ code: 'version-mismatch', version: 2 })
  })

  it('replays the first answer to a retried request with the same Idempotency-Key', async () => {
    const id = await taskId(t, planId, 'duty-finance-bureau', 'county-finance-bureau')
    const finance = await loginAs(t, 'finance', {
      units: [{ policyId: POLICY, unitId: 'county-finance-bureau' }],
    })
    const body = { type: 'SUBMIT', data: { summary: '已落实补助资金' } }
    const first = await finance.post(`/api/tasks/${id}/events`, body, { 'idempotency-key': 'k-1' })
    const retry = await finance.post(`/api/tasks/${id}/events`, body, { 'idempotency-key': 'k-1' })
    expect(first.status).toBe(200)
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replay')).toBe('true')
    expect(await retry.json()).toEqual(await first.json())
    const events = await t.db
      .selectFrom('task_event')
      .select('type')
      .where('task_id', '=', id)
      .execute()
    expect(events).toHaveLength(1)
    const misuse = await finance.post(
      `/api/tasks/${id}/events`,
      { type: 'SAVE', data: { summary: 'x' } },
      { 'idempotency-key': 'k-1' },
    )
    expect(misuse.status).toBe(422)
  })

  it('commits concurrent writes in shared batches and answers each after its commit', async () => {
    const before = { ...t.writes.stats }
    const ids = await t.db
      .selectFrom('task')
      .select(['id'])
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'county-price-bureau')
      .where('state', '=', 'assigned')
      .execute()
    const responses = await Promise.all(
      ids.map((row) => price.post(`/api/tasks/${row.id}/events`, { type: 'START' })),
    )
    expect(responses.every((response) => response.status === 200)).toBe(true)
    expect(t.writes.stats.writes - before.writes).toBe(ids.length)
    expect(t.writes.stats.batches - before.batches).toBeLessThanOrEqual(ids.length)
  })
})
