/**
 * Changing a group's members after the plan has started: a new member gets the tasks (and
 * timers) it would have had from the start, for what is still open; a member taken away keeps
 * its tasks, withdrawn and counted toward nothing; a dry run writes nothing; only the plan's
 * office and administrators may; two offices cannot overwrite each other.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

/**
 * The minimal policy with the open group `hospitals` leading the funding (due in July, with the
 * health bureau's contribution), helping
 * draft the plan, and leading a monthly report.
 */
const GROUP_DUTIES = withReplaced(
  `    lead: [reform-office]
    support: [health-bureau]`,
  `    lead: [reform-office]
    support: [health-bureau, hospitals]`,
  withReplaced(
    `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }
    source: { clause: 二、2, quote: 统筹落实补助资金 }`,
    `    lead: [hospitals]
    support: [health-bureau]
    due: 2018年7月
    source: { clause: 二、2, quote: 统筹落实补助资金 }
  - id: monthly-report
    title: 月度督导报告
    lead: [hospitals]
    due: 按月度
    source: { clause: 三、(二), quote: 定期在每个季度最后一个月上旬督导检查 }`,
  ),
)

const TOWN = { id: 'town-clinic', name: '城关镇卫生院' }
const COUNTY = { id: 'county-hospital', name: '县人民医院' }

let t: TestApp
let office: Client
let planId: string
let policyId: string

beforeEach(async () => {
  t = await makeTestApp()
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: GROUP_DUTIES,
    sourceText: MINIMAL_SOURCE,
  })
  policyId = version.policy_id
  planId = (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan.id
  // The minimal policy has no office body: its leadership group runs the plan.
  office = await loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })
})

const membersPath = (group = 'hospitals') => `/api/plans/${planId}/groups/${group}/members`

async function versionOf(client = office): Promise<string> {
  const response = await client.get(membersPath())
  expect(response.status).toBe(200)
  return ((await response.json()) as { version: string }).version
}

async function change(members: unknown[], client = office): Promise<Response> {
  return client.put(membersPath(), { members }, { 'if-match': `"${await versionOf(client)}"` })
}

async function tasksOf(assignee: string) {
  return t.db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('assignee', '=', assignee)
    .orderBy('source_id')
    .orderBy('period')
    .execute()
}

async function counts() {
  const count = async (table: 'task' | 'timer' | 'audit_log' | 'task_event') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    tasks: await count('task'),
    timers: await count('timer'),
    audit: await count('audit_log'),
    events: await count('task_event'),
    plan: (
      await t.db
        .selectFrom('plan')
        .select('extra_units')
        .where('id', '=', planId)
        .executeTakeFirstOrThrow()
    ).extra_units,
  }
}

describe('PUT /api/plans/:id/groups/:groupId/members', () => {
  it('previews with dryRun=true the tasks each new unit would get, and writes nothing', async () => {
    const before = await counts()
    const response = await office.put(`${membersPath()}?dryRun=true`, { members: [TOWN] })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.dryRun).toBe(true)
    expect(body.before).toEqual([])
    expect(body.after).toEqual([TOWN])
    expect(body.withdraw).toEqual([])
    // The new unit's tasks, and the health bureau's contribution to its funding task.
    expect(body.create.map((entry: { unit: unknown }) => entry.unit)).toEqual([
      TOWN,
      { id: 'health-bureau', name: '县卫健局' },
    ])
    const made = body.create[0].tasks.map((task: { sourceId: string; period: string }) =>
      [task.sourceId, task.period].join(' '),
    )
    expect(made).toEqual(
      expect.arrayContaining(['draft-plan once', 'funding once', 'monthly-report 2018-04']),
    )
    expect(body.timers).toBeGreaterThan(0)
    expect(await counts()).toEqual(before)
  })

  it('makes a new member’s tasks as if it had been named at start, and leaves no duty unassigned', async () => {
    const response = await change([TOWN])
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.dryRun).toBe(false)
    const tasks = await tasksOf(TOWN.id)
    const keys = tasks.map((task) => `${task.source_id} ${task.period} ${task.role}`)
    expect(keys).toEqual(
      expect.arrayContaining([
        'draft-plan once support',
        'funding once lead',
        'monthly-report 2018-04 lead',
      ]),
    )
    // Only the month already open: later months open by their timer.
    expect(keys.filter((key) => key.startsWith('monthly-report'))).toHaveLength(1)
    expect(tasks.find((task) => task.source_id === 'funding')).toMatchObject({
      state: 'assigned',
      due_on: '2018-07-31',
      reviewer: 'leading-group',
    })
    // The contribution feeds the lead's task, which now waits for it.
    const support = tasks.find((task) => task.source_id === 'draft-plan')!
    const lead = await t.db
      .selectFrom('task')
      .selectAll()
      .where('id', '=', support.parent_task_id!)
      .executeTakeFirstOrThrow()
    expect(lead.assignee).toBe('reform-office')
    expect(JSON.parse(lead.snapshot).context.pendingContributions).toBe(2)

    const progress = await (await office.get(`/api/plans/${planId}/progress`)).json()
    expect(progress.unassigned).toEqual({ groups: [], duties: [] })
    expect(progress.units.map((unit: { id: string }) => unit.id)).toContain(TOWN.id)

    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.members')
      .execute()
    expect(audit).toHaveLength(1)
    // A change of the plan's make-up advances its revision (a migration previewed before is stale).
    const { revision } = await t.db
      .selectFrom('plan')
      .select('revision')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow()
    expect(revision).toBe(1)
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({
      group: 'hospitals',
      before: [],
      after: [TOWN],
      created: body.create.flatMap((entry: { tasks: unknown[] }) => entry.tasks).length,
    })
  })

  it('gives the new member timers that fire: the next month’s task and its reminder', async () => {
    expect((await change([TOWN])).status).toBe(200)
    // By May's second day, May's period has opened for the new member too.
    t.clock.set('2018-05-02T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    const months = (await tasksOf(TOWN.id))
      .filter((task) => task.source_id === 'monthly-report')
      .map((task) => task.period)
    expect(months).toEqual(['2018-04', '2018-05'])
    const funding = (await tasksOf(TOWN.id)).find((task) => task.source_id === 'funding')!
    const reminder = await t.db
      .selectFrom('timer')
      .selectAll()
      .where('task_id', '=', funding.id)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()
    expect(reminder.kind).toBe('remind')
    t.clock.set(reminder.fire_at)
    await runDueTimers(t, t.clock)
    const events = await t.db
      .selectFrom('task_event')
      .select('type')
      .where('task_id', '=', funding.id)
      .execute()
    expect(events.map((event) => event.type)).toContain('REMIND')
    const notified = await t.db
      .selectFrom('notification')
      .select('recipient')
      .where('task_id', '=', funding.id)
      .where('kind', '=', 'remind')
      .execute()
    expect(notified.map((row) => row.recipient)).toContain(TOWN.id)
  })

  it('makes nothing for a period whose deadline has passed', async () => {
    t.clock.set('2018-05-02T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    office = await loginAs(t, 'office')
    expect((await change([TOWN])).status).toBe(200)
    const months = (await tasksOf(TOWN.id))
      .filter((task) => task.source_id === 'monthly-report')
      .map((task) => task.period)
    expect(months).toEqual(['2018-05'])
  })

  it('withdraws a removed member’s open tasks: kept with their history, counted toward nothing', async () => {
    expect((await change([TOWN, COUNTY])).status).toBe(200)
    const response = await change([COUNTY])
    expect(response.status).toBe(200)
    const body = await response.json()
    // The health bureau's contribution moves from the withdrawn lead to the remaining one.
    const units = (list: Array<{ unit: { id: string } }>) => list.map((entry) => entry.unit.id)
    expect(units(body.withdraw)).toEqual([TOWN.id, 'health-bureau'])
    expect(units(body.create)).toEqual(['health-bureau'])

    const tasks = await tasksOf(TOWN.id)
    expect(tasks.length).toBeGreaterThan(0)
    expect(new Set(tasks.map((task) => task.state))).toEqual(new Set(['withdrawn']))
    const history = await t.db
      .selectFrom('task_event')
      .selectAll()
      .where('task_id', '=', tasks[0]!.id)
      .orderBy('seq')
      .execute()
    const withdrawal = history.at(-1)!
    expect(withdrawal.type).toBe('WITHDRAW')
    expect(withdrawal.actor).not.toBe('system')
    expect(JSON.parse(withdrawal.payload).reason).toContain('城关镇卫生院')

    const pending = await t.db
      .selectFrom('timer')
      .select('id')
      .where(
        'task_id',
        'in',
        tasks.map((task) => task.id),
      )
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toEqual([])

    const progress = await (await office.get(`/api/plans/${planId}/progress`)).json()
    expect(progress.units.map((unit: { id: string }) => unit.id)).not.toContain(TOWN.id)
    const drafting = progress.phases.find((phase: { id: string }) => phase.id === 'drafting')
    const inDrafting = await t.db
      .selectFrom('task')
      .select('state')
      .where('plan_id', '=', planId)
      .where('phase_id', '=', 'drafting')
      .where('state', '!=', 'withdrawn')
      .execute()
    expect(drafting.tasks.total).toBe(inDrafting.length)
    expect(drafting.gate.openTasks).toBe(inDrafting.length)

    // The lead waits for the remaining contributions only.
    const lead = await t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('source_id', '=', 'draft-plan')
      .where('role', '=', 'lead')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(lead.snapshot).context.pendingContributions).toBe(2)
  })

  it('gives a member named again new tasks beside its withdrawn ones', async () => {
    expect((await change([TOWN])).status).toBe(200)
    expect((await change([])).status).toBe(200)
    expect((await change([TOWN])).status).toBe(200)
    const funding = (await tasksOf(TOWN.id)).filter((task) => task.source_id === 'funding')
    expect(funding.map((task) => task.state).sort()).toEqual(['assigned', 'withdrawn'])
  })

  it('withdraws the contributions that fed a withdrawn lead, and gives a new lead its own', async () => {
    expect((await change([TOWN])).status).toBe(200)
    expect((await change([COUNTY])).status).toBe(200)
    const funding = await t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('source_id', '=', 'funding')
      .execute()
    const lead = (assignee: string) =>
      funding.find((task) => task.role === 'lead' && task.assignee === assignee)!
    expect(lead(TOWN.id).state).toBe('withdrawn')
    expect(lead(COUNTY.id).state).toBe('assigned')
    expect(JSON.parse(lead(COUNTY.id).snapshot).context.pendingContributions).toBe(1)
    const supports = funding
      .filter((task) => task.role === 'support')
      .map((task) => ({ assignee: task.assignee, parent: task.parent_task_id, state: task.state }))
    expect(supports).toEqual(
      expect.arrayContaining([
        { assignee: 'health-bureau', parent: lead(TOWN.id).id, state: 'withdrawn' },
        { assignee: 'health-bureau', parent: lead(COUNTY.id).id, state: 'assigned' },
      ]),
    )
    expect(supports).toHaveLength(2)
  })

  it('refuses a change from someone who sees the plan but does not run it (403), hides the plan from others (404), and takes it from admins and region admins', async () => {
    const bureau = await loginAs(t, 'bureau', { units: [{ policyId, unitId: 'health-bureau' }] })
    expect((await bureau.put(`${membersPath()}?dryRun=true`, { members: [TOWN] })).status).toBe(403)
    const forbidden = await change([TOWN], bureau)
    expect(forbidden.status).toBe(403)
    expect((await forbidden.json()).error.message.zh).toContain('办公室')
    const outsider = await loginAs(t, 'outsider', {})
    expect((await outsider.put(membersPath(), { members: [TOWN] })).status).toBe(404)
    expect((await outsider.get(membersPath())).status).toBe(404)
    expect(await tasksOf(TOWN.id)).toEqual([])
    const admin = await loginAs(t, 'root', { roles: ['admin'] })
    expect((await change([TOWN], admin)).status).toBe(200)
    const { region_id: regionId } = await t.db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', policyId)
      .executeTakeFirstOrThrow()
    const elsewhere = await t.db
      .insertInto('region')
      .values({
        id: 'elsewhere',
        name: '别县',
        level: 'county',
        parent_id: null,
        division_code: null,
        created_at: '2018-01-01T00:00:00Z',
        created_by: 'test',
        updated_at: null,
      })
      .execute()
    expect(elsewhere).toHaveLength(1)
    const otherAdmin = await loginAs(t, 'other-region', {
      roles: ['region-admin'],
      regionId: 'elsewhere',
    })
    expect((await otherAdmin.get(membersPath())).status).toBe(404)
    expect((await otherAdmin.put(membersPath(), { members: [TOWN] })).status).toBe(404)
    const regionAdmin = await loginAs(t, 'region', { roles: ['region-admin'], regionId })
    expect((await change([TOWN, COUNTY], regionAdmin)).status).toBe(200)
  })

  it('answers 404 for a group the plan does not have, and 400 with a pointer for a bad member', async () => {
    expect((await office.put(`${membersPath('nope')}?dryRun=true`, { members: [] })).status).toBe(
      404,
    )
    const bad = await change([{ id: 'health-bureau', name: '县医院' }])
    expect(bad.status).toBe(400)
    const issues = (await bad.json()).error.issues as Array<{ pointer: string }>
    expect(issues.map((issue) => issue.pointer)).toEqual(['/members/0/name'])
    expect(await counts()).toMatchObject({ plan: '{}' })
  })

  it('refuses, with 409, a change made from members someone else has changed since', async () => {
    const read = await versionOf()
    const first = await office.put(membersPath(), { members: [TOWN] }, { 'if-match': `"${read}"` })
    expect(first.status).toBe(200)
    const second = await office.put(
      membersPath(),
      { members: [COUNTY] },
      { 'if-match': `"${read}"` },
    )
    expect(second.status).toBe(409)
    const error = (await second.json()).error
    expect(error.code).toBe('version-mismatch')
    expect(error.message.zh).toContain('已被他人修改')
    expect(await tasksOf(COUNTY.id)).toEqual([])
    const missing = await office.put(membersPath(), { members: [COUNTY] })
    expect(missing.status).toBe(428)
  })
})
