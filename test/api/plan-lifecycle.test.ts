/**
 * The rest of a plan's life over HTTP: who may suspend, resume, close and archive it; what a
 * suspended plan refuses; a close at the end of the effective period (its preview, the open tasks
 * ended `closed` and counted undone, the timers gone); an archived plan that refuses every write
 * and still answers every read.
 */
import { createAjv } from '../../schemas/ajv.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { openApiDocument } from '../../server/http/openapi.ts'
import { STOPPED_STATES } from '../../domain/workflow/task-states.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import type { RegionPlan } from '../helpers/two-regions.ts'

let t: TestApp
let a: RegionPlan
let b: RegionPlan

const regionOf = async (policyId: string) =>
  (
    await t.db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', policyId)
      .executeTakeFirstOrThrow()
  ).region_id

/** Region A's plan office (its leadership group: the minimal policy has no office body). */
const office = () =>
  loginAs(t, 'office-a', { units: [{ policyId: a.policyId, unitId: 'leading-group' }] })
const healthBureau = () =>
  loginAs(t, 'health-a', { units: [{ policyId: a.policyId, unitId: 'health-bureau' }] })
const regionAdmin = async (plan: RegionPlan, name: string) =>
  loginAs(t, name, { roles: ['region-admin'], regionId: await regionOf(plan.policyId) })

const planPath = (action: string, plan = a) => `/api/plans/${plan.planId}/${action}`

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = (await response.json()) as { error?: { code: string } }
  return { status: response.status, code: body.error?.code ?? '' }
}

async function openTasks(planId = a.planId) {
  return t.db
    .selectFrom('task')
    .select(['id', 'state'])
    .where('plan_id', '=', planId)
    .where('state', 'not in', [...STOPPED_STATES])
    .execute()
}

beforeEach(async () => {
  t = await makeTestApp('2018-04-02T09:00:00+08:00')
  ;({ a, b } = await startTwoRegions(t))
})

afterEach(async () => {
  await t.db.destroy()
})

describe('who may move a plan through its life', () => {
  it('refuses a unit of the plan with 403 and another region’s administrator with 404', async () => {
    const unit = await healthBureau()
    expect(await errorOf(await unit.post(planPath('suspend'), { reason: '试' }))).toEqual({
      status: 403,
      code: 'forbidden',
    })
    const other = await regionAdmin(b, 'admin-b')
    const bodies = { suspend: { reason: '试' }, resume: {}, close: { reason: '试' }, archive: {} }
    for (const [action, body] of Object.entries(bodies))
      expect((await other.post(planPath(action), body)).status, action).toBe(404)
    expect((await other.get(planPath('lifecycle'))).status).toBe(404)
    const plan = await t.db.selectFrom('plan').select('status').where('id', '=', a.planId).execute()
    expect(plan).toEqual([{ status: 'running' }])
  })

  it('tells the office and the region administrator what they may do', async () => {
    const byOffice = await (await office()).get(planPath('lifecycle'))
    expect(await byOffice.json()).toMatchObject({
      status: 'running',
      mayGovern: true,
      mayForceClose: false,
      endsOn: '2020-12-31',
      ended: false,
      suspensions: [],
    })
    const byAdmin = await (await regionAdmin(a, 'admin-a')).get(planPath('lifecycle'))
    expect(await byAdmin.json()).toMatchObject({ mayGovern: true, mayForceClose: true })
    const byUnit = await (await healthBureau()).get(planPath('lifecycle'))
    expect(await byUnit.json()).toMatchObject({ mayGovern: false, mayForceClose: false })
  })
})

describe('a suspended plan', () => {
  it('refuses task events with 409 plan-suspended in Chinese and English, and still reads', async () => {
    const suspended = await (await office()).post(planPath('suspend'), { reason: '机构调整' })
    expect(suspended.status).toBe(200)
    expect(await suspended.json()).toMatchObject({ plan: { status: 'suspended' } })
    const unit = await healthBureau()
    const task = await taskId(t, a.planId, 'draft-plan', 'health-bureau')
    const refused = await unit.post(`/api/tasks/${task}/events`, { type: 'START' })
    expect(refused.status).toBe(409)
    const body = (await refused.json()) as {
      error: { code: string; message: { zh: string; en: string } }
    }
    expect(body.error.code).toBe('plan-suspended')
    expect(body.error.message.zh).toContain('已暂停')
    expect(body.error.message.en).toContain('suspended')
    expect((await unit.get(`/api/tasks/${task}`)).status).toBe(200)
    expect((await unit.get(`/api/plans/${a.planId}/progress`)).status).toBe(200)
    const stored = await t.db.selectFrom('task').select('state').where('id', '=', task).execute()
    expect(stored).toEqual([{ state: 'assigned' }])
  })

  it('is suspended once and resumed once: a second move of the same kind is a 409 plan-status', async () => {
    const governor = await office()
    expect((await governor.post(planPath('suspend'), { reason: '一' })).status).toBe(200)
    expect(await errorOf(await governor.post(planPath('suspend'), { reason: '二' }))).toEqual({
      status: 409,
      code: 'plan-status',
    })
    expect((await governor.post(planPath('resume'), {})).status).toBe(200)
    expect(await errorOf(await governor.post(planPath('resume'), {}))).toEqual({
      status: 409,
      code: 'plan-status',
    })
    const task = await taskId(t, a.planId, 'draft-plan', 'health-bureau')
    expect(
      (await (await healthBureau()).post(`/api/tasks/${task}/events`, { type: 'START' })).status,
    ).toBe(200)
  })

  it('needs a reason to be suspended', async () => {
    const response = await (await office()).post(planPath('suspend'), { reason: '  ' })
    expect(response.status).toBe(400)
    const plan = await t.db.selectFrom('plan').select('status').where('id', '=', a.planId).execute()
    expect(plan).toEqual([{ status: 'running' }])
  })
})

describe('closing a plan', () => {
  it('refuses before the effective period ends, unless a region administrator forces it with a reason', async () => {
    expect(
      await errorOf(await (await office()).post(planPath('close'), { reason: '提前' })),
    ).toEqual({ status: 409, code: 'plan-not-ended' })
    expect(
      await errorOf(
        await (await office()).post(planPath('close'), { reason: '提前', force: true }),
      ),
    ).toEqual({ status: 403, code: 'forbidden' })
    const forced = await (
      await regionAdmin(a, 'admin-a')
    ).post(planPath('close'), {
      reason: '政策废止，提前关闭',
      force: true,
    })
    expect(forced.status).toBe(200)
    const [entry] = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.close')
      .execute()
    expect(JSON.parse(entry!.payload)).toMatchObject({
      force: true,
      early: true,
      endsOn: '2020-12-31',
    })
  })

  it('at the end of the period previews every open task, then ends each closed: counted undone, its timers gone', async () => {
    t.clock.set('2021-01-04T10:00:00+08:00')
    const governor = await office()
    const open = await openTasks()
    expect(open.length).toBeGreaterThan(0)
    const preview = await governor.post(planPath('close'), { dryRun: true })
    expect(preview.status).toBe(200)
    const previewed = (await preview.json()) as {
      dryRun: boolean
      openTasks: Array<{ id: string }>
      ended: boolean
    }
    expect(previewed).toMatchObject({ dryRun: true, ended: true })
    expect(previewed.openTasks.map((task) => task.id).sort()).toEqual(
      open.map((task) => task.id).sort(),
    )
    expect(await openTasks()).toHaveLength(open.length)

    const noReason = await governor.post(planPath('close'), {})
    expect(noReason.status).toBe(422)
    expect(await noReason.json()).toMatchObject({ error: { issues: [{ pointer: '/reason' }] } })

    const closed = await governor.post(planPath('close'), { reason: '有效期届满' })
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({
      dryRun: false,
      plan: { status: 'closed', close_reason: '有效期届满' },
    })
    expect(await openTasks()).toEqual([])
    const states = await t.db
      .selectFrom('task')
      .select('state')
      .where(
        'id',
        'in',
        open.map((task) => task.id),
      )
      .execute()
    expect(new Set(states.map((row) => row.state))).toEqual(new Set(['closed']))
    const pending = await t.db
      .selectFrom('timer')
      .select('id')
      .where('plan_id', '=', a.planId)
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toEqual([])

    const progress = (await (await governor.get(`/api/plans/${a.planId}/progress`)).json()) as {
      plan: { status: string }
      units: Array<{ total: number; approved: number; closed: number }>
    }
    expect(progress.plan.status).toBe('closed')
    expect(progress.units.reduce((sum, unit) => sum + unit.closed, 0)).toBe(open.length)
    expect(progress.units.reduce((sum, unit) => sum + unit.approved, 0)).toBe(0)

    const task = await taskId(t, a.planId, 'draft-plan', 'health-bureau')
    const unit = await healthBureau()
    const page = (await (await unit.get(`/api/tasks/${task}`)).json()) as {
      state: string
      history: Array<{ type: string; payload: unknown }>
    }
    expect(page.state).toBe('closed')
    expect(page.history.at(-1)).toMatchObject({ type: 'CLOSE', payload: { reason: '有效期届满' } })
    expect(await errorOf(await unit.post(`/api/tasks/${task}/events`, { type: 'START' }))).toEqual({
      status: 409,
      code: 'plan-closed',
    })
    const inbox = (await (await unit.get(`/api/tasks?state=closed`)).json()) as {
      tasks: Array<{ id: string }>
    }
    expect(inbox.tasks.map((row) => row.id)).toContain(task)
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })

  it('closes a suspended plan too, ending its suspension', async () => {
    const governor = await office()
    expect((await governor.post(planPath('suspend'), { reason: '暂停' })).status).toBe(200)
    t.clock.set('2021-01-04T10:00:00+08:00')
    const again = await office()
    expect((await again.post(planPath('close'), { reason: '届满' })).status).toBe(200)
    const [plan] = await t.db.selectFrom('plan').selectAll().where('id', '=', a.planId).execute()
    expect(plan).toMatchObject({ status: 'closed', suspended_at: null })
  })
})

describe('an archived plan', () => {
  it('is archived only once closed', async () => {
    expect(await errorOf(await (await office()).post(planPath('archive'), {}))).toEqual({
      status: 409,
      code: 'plan-status',
    })
  })

  it('refuses every write with 409 plan-archived, answers every read, and leaves the default plan list and inbox', async () => {
    t.clock.set('2021-01-04T10:00:00+08:00')
    const governor = await office()
    expect((await governor.post(planPath('close'), { reason: '届满' })).status).toBe(200)
    expect((await governor.post(planPath('archive'), {})).status).toBe(200)

    const admin = await regionAdmin(a, 'admin-a')
    const task = await taskId(t, a.planId, 'draft-plan', 'health-bureau')
    const writes = [
      await (await healthBureau()).post(`/api/tasks/${task}/events`, { type: 'START' }),
      await admin.put(`/api/plans/${a.planId}/indicator-values`, {
        values: [{ element: 'county_visits', unit: 'health-bureau', period: '2020', value: 1 }],
      }),
      await admin.put(
        `/api/plans/${a.planId}/groups/hospitals/members`,
        { members: [{ id: 'new-hospital', name: '新医院' }] },
        { 'if-match': '"any"' },
      ),
      await admin.post(`/api/plans/${a.planId}/phases/supervision/sign-off`, {}),
      await governor.post(planPath('close'), { reason: '再关一次' }),
    ]
    expect(await Promise.all(writes.map(errorOf))).toEqual([
      { status: 409, code: 'plan-archived' },
      { status: 409, code: 'plan-archived' },
      { status: 409, code: 'plan-archived' },
      { status: 409, code: 'plan-archived' },
      { status: 409, code: 'plan-status' },
    ])

    for (const path of [
      `/api/plans/${a.planId}`,
      `/api/plans/${a.planId}/progress`,
      `/api/plans/${a.planId}/indicator-values`,
      `/api/plans/${a.planId}/groups/hospitals/members`,
      `/api/tasks/${task}`,
    ])
      expect((await admin.get(path)).status, path).toBe(200)

    const listed = async (query: string) =>
      (
        (await (await admin.get(`/api/plans${query}`)).json()) as { plans: Array<{ id: string }> }
      ).plans.map((plan) => plan.id)
    expect(await listed('')).not.toContain(a.planId)
    expect(await listed('?status=archived')).toEqual([a.planId])
    expect(await listed('?all=true')).toContain(a.planId)
    expect((await admin.get('/api/plans?status=gone')).status).toBe(400)
    // Its tasks leave the inbox with it, and are still read when the plan is asked for by name.
    const taskIds = async (query: string) =>
      (
        (await (await admin.get(`/api/tasks${query}`)).json()) as { tasks: Array<{ id: string }> }
      ).tasks.map((each) => each.id)
    expect(await taskIds('?scope=all')).not.toContain(task)
    expect(await taskIds(`?scope=all&plan=${a.planId}`)).toContain(task)
    expect((await verifyAuditChains(t.db)).ok).toBe(true)
  })
})

describe('the lifecycle answers', () => {
  const ajv = createAjv()
  const paths = openApiDocument().paths as unknown as Record<
    string,
    Record<
      string,
      { responses: Record<string, { content: { 'application/json': { schema: object } } }> }
    >
  >

  async function documented(response: Response, method: string, action: string) {
    expect(response.status).toBe(200)
    const schema =
      paths[`/api/plans/{id}/${action}`]![method]!.responses['200']!.content['application/json']
        .schema
    const validate = ajv.compile(schema)
    const body = (await response.json()) as unknown
    expect(validate(body) ? [] : validate.errors, `${method} ${action}`).toEqual([])
  }

  it('fit the schemas the OpenAPI description gives them', async () => {
    const governor = await office()
    await documented(await governor.get(planPath('lifecycle')), 'get', 'lifecycle')
    await documented(
      await governor.post(planPath('suspend'), { reason: '暂停' }),
      'post',
      'suspend',
    )
    t.clock.set('2018-04-19T10:00:00+08:00')
    const later = await office()
    await documented(await later.post(planPath('resume'), {}), 'post', 'resume')
    t.clock.set('2021-01-04T10:00:00+08:00')
    const last = await office()
    await documented(await last.post(planPath('close'), { dryRun: true }), 'post', 'close')
    await documented(await last.post(planPath('close'), { reason: '届满' }), 'post', 'close')
    await documented(await last.post(planPath('archive'), {}), 'post', 'archive')
    await documented(await last.get(planPath('lifecycle')), 'get', 'lifecycle')
  })
})
