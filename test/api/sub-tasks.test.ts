/** 层层分解 and 转办: splitting a task for units below its owner, and moving a task to the right unit. */
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { withContributions, withdrawTasks } from '../../server/tasks/withdraw-tasks.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { SPLIT_POLICY, startSplitPlan } from '../helpers/split-policy.ts'
import { logIn, loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Setup {
  t: TestApp
  planId: string
  parent: string
  office: Client
  townA: Client
  townB: Client
  village: Client
  finance: Client
  lead: Client
}

async function setup(): Promise<Setup> {
  const t = await makeTestApp()
  const { planId, policyId } = await startSplitPlan(t)
  const as = (name: string, unitId: string) => loginAs(t, name, { units: [{ policyId, unitId }] })
  return {
    t,
    planId,
    parent: await taskId(t, planId, 'draft-plan', 'reform-office'),
    office: await as('reform', 'reform-office'),
    townA: await as('town-a', 'town-a'),
    townB: await as('town-b', 'town-b'),
    village: await as('village', 'village-a'),
    finance: await as('finance', 'finance-bureau'),
    lead: await as('leading', 'leading-group'),
  }
}

const ROWS = [
  { unit: 'town-a', dueOn: '2018-04-08', instruction: '完成本镇调研', share: '50%' },
  { unit: 'town-b', dueOn: '2018-04-09', instruction: '完成本镇调研' },
]

async function split(s: Setup, rows = ROWS): Promise<Record<string, string>> {
  const response = await s.office.post(`/api/tasks/${s.parent}/subtasks`, { items: rows })
  expect(response.status).toBe(201)
  const body = await response.json()
  return Object.fromEntries(
    body.subTasks.map((sub: { id: string; unit: { id: string } }) => [sub.unit.id, sub.id]),
  )
}

const tasksOf = async (client: Client) =>
  ((await (await client.get('/api/tasks')).json()).tasks as Array<{ id: string }>).map(
    (task) => task.id,
  )

describe('POST /api/tasks/:id/subtasks', () => {
  it('previews a split on a dry run, with each sub-task’s timers, and writes nothing', async () => {
    const s = await setup()
    const before = await s.t.db.selectFrom('task').select('id').execute()
    const response = await s.office.post(`/api/tasks/${s.parent}/subtasks`, {
      items: ROWS,
      dryRun: true,
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.dryRun).toBe(true)
    expect(body.depth).toBe(1)
    expect(body.subTasks.map((sub: { unit: { name: string } }) => sub.unit.name)).toEqual([
      '甲镇卫生院',
      '乙镇卫生院',
    ])
    expect(body.subTasks[0].timers[0]).toMatchObject({ kind: 'remind' })
    expect(await s.t.db.selectFrom('task').select('id').execute()).toHaveLength(before.length)
  })

  it('refuses a deadline after the task’s own and a unit not below, each at its pointer (422)', async () => {
    const s = await setup()
    const response = await s.office.post(`/api/tasks/${s.parent}/subtasks`, {
      items: [
        { unit: 'town-a', dueOn: '2018-04-20', instruction: '调研' },
        { unit: 'finance-bureau', dueOn: '2018-04-08', instruction: '调研' },
      ],
    })
    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error.issues.map((issue: { pointer: string }) => issue.pointer)).toEqual([
      '/items/0/dueOn',
      '/items/1/unit',
    ])
    expect(error.issues[0].message.zh).toContain('晚于本任务的截止日期 2018-04-10')
    expect(await s.t.db.selectFrom('sub_task').select('task_id').execute()).toHaveLength(0)
  })

  it('refuses a split by a unit that does not own the task (403)', async () => {
    const s = await setup()
    const response = await s.lead.post(`/api/tasks/${s.parent}/subtasks`, { items: ROWS })
    expect(response.status).toBe(403)
  })

  it('gives each unit its sub-task in its inbox, hidden from units it is not theirs', async () => {
    const s = await setup()
    const subs = await split(s)
    expect(await tasksOf(s.townA)).toEqual([subs['town-a']])
    expect(await tasksOf(s.townB)).toEqual([subs['town-b']])
    expect((await s.finance.get(`/api/tasks/${subs['town-a']}`)).status).toBe(404)
    expect((await s.townB.get(`/api/tasks/${subs['town-a']}`)).status).toBe(404)
    const page = await (await s.townA.get(`/api/tasks/${subs['town-a']}`)).json()
    expect(page).toMatchObject({
      role: 'sub',
      dueOn: '2018-04-08',
      reviewer: 'reform-office',
      split: { parentTaskId: s.parent, depth: 1, instruction: '完成本镇调研', share: '50%' },
    })
    const parent = await (await s.office.get(`/api/tasks/${s.parent}`)).json()
    expect(parent.subTasks.map((sub: { assignee: { id: string } }) => sub.assignee.id)).toEqual([
      'town-a',
      'town-b',
    ])
    expect(parent.history.map((event: { type: string }) => event.type)).toEqual(['SPLIT'])
    const notices = await s.t.db
      .selectFrom('notification')
      .select('recipient')
      .where('kind', '=', 'assigned')
      .execute()
    expect(notices.map((notice) => notice.recipient).sort()).toEqual(['town-a', 'town-b'])
  })

  it('splits a sub-task again for the units below its unit, no later than its own deadline', async () => {
    const s = await setup()
    const subs = await split(s)
    const later = await s.townA.post(`/api/tasks/${subs['town-a']}/subtasks`, {
      items: [{ unit: 'village-a', dueOn: '2018-04-09', instruction: '入户调查' }],
    })
    expect(later.status).toBe(422)
    expect((await later.json()).error.issues[0].pointer).toBe('/items/0/dueOn')
    const again = await s.townA.post(`/api/tasks/${subs['town-a']}/subtasks`, {
      items: [{ unit: 'village-a', dueOn: '2018-04-07', instruction: '入户调查' }],
    })
    expect(again.status).toBe(201)
    const body = await again.json()
    expect(body.depth).toBe(2)
    expect(await tasksOf(s.village)).toEqual([body.subTasks[0].id])
    // The parent's owner follows its own sub-tasks; the village's is town A's to review.
    const village = await (await s.village.get(`/api/tasks/${body.subTasks[0].id}`)).json()
    expect(village.reviewer).toBe('town-a')
  })

  it('refuses its report until every sub-task is approved, then shows theirs on its page', async () => {
    const s = await setup()
    const subs = await split(s)
    const send = (client: Client, id: string, body: unknown) =>
      client.post(`/api/tasks/${id}/events`, body)
    expect((await send(s.office, s.parent, { type: 'START' })).status).toBe(200)
    const early = await send(s.office, s.parent, { type: 'SUBMIT', data: { summary: '方案' } })
    expect(early.status).toBe(409)
    expect((await early.json()).error.openSubTasks).toHaveLength(2)
    for (const [client, id] of [
      [s.townA, subs['town-a']!],
      [s.townB, subs['town-b']!],
    ] as const) {
      expect((await send(client, id, { type: 'START' })).status).toBe(200)
      expect(
        (await send(client, id, { type: 'SUBMIT', data: { summary: `${client.username} 已调研` } }))
          .status,
      ).toBe(200)
      expect((await send(s.office, id, { type: 'APPROVE' })).status).toBe(200)
    }
    const page = await (await s.office.get(`/api/tasks/${s.parent}`)).json()
    expect(page.subTasks.map((sub: { data: { summary: string } }) => sub.data.summary)).toEqual([
      'town-a 已调研',
      'town-b 已调研',
    ])
    const done = await send(s.office, s.parent, { type: 'SUBMIT', data: { summary: '汇总方案' } })
    expect(done.status).toBe(200)
  })

  it('fires a sub-task’s reminder on its own date in simulated time, to its unit', async () => {
    const s = await setup()
    const subs = await split(s)
    const reminder = await s.t.db
      .selectFrom('timer')
      .selectAll()
      .where('task_id', '=', subs['town-a']!)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()
    // Three days before its own deadline (2018-04-08), at 09:00 Beijing time.
    expect(reminder).toMatchObject({ kind: 'remind', fire_at: '2018-04-05T01:00:00.000Z' })
    s.t.clock.set(reminder.fire_at)
    await runDueTimers(s.t, s.t.clock)
    const notices = await s.t.db
      .selectFrom('notification')
      .select(['recipient', 'task_id'])
      .where('kind', '=', 'remind')
      .execute()
    expect(notices).toContainEqual({ recipient: 'town-a', task_id: subs['town-a'] })
    expect(notices.map((notice) => notice.task_id)).not.toContain(subs['town-b'])
  })

  it('adds a new unit named with its row to the plan below the owner, and accounts may be given it', async () => {
    const s = await setup()
    const refused = await s.office.post(`/api/tasks/${s.parent}/subtasks`, {
      items: [
        { unit: 'Town C', name: '丙镇卫生院', dueOn: '2018-04-08', instruction: '调研' },
        { unit: 'finance-bureau', name: '财政', dueOn: '2018-04-08', instruction: '调研' },
      ],
    })
    expect(refused.status).toBe(422)
    expect(
      (await refused.json()).error.issues.map((issue: { pointer: string }) => issue.pointer),
    ).toEqual(['/items/0/unit', '/items/1/unit'])
    const made = await s.office.post(`/api/tasks/${s.parent}/subtasks`, {
      items: [{ unit: 'town-c', name: '丙镇卫生院', dueOn: '2018-04-08', instruction: '调研' }],
    })
    expect(made.status).toBe(201)
    const body = await made.json()
    expect(body.addedUnits).toEqual([{ id: 'town-c', name: '丙镇卫生院' }])
    const parent = await (await s.office.get(`/api/tasks/${s.parent}`)).json()
    expect(parent.subTasks[0].assignee).toEqual({ id: 'town-c', name: '丙镇卫生院' })
    expect(parent.splitUnits.map((unit: { id: string }) => unit.id)).toContain('town-c')
    // The users administrator gives the new unit an account, which finds the sub-task.
    const admin = await loginAs(s.t, 'root', { roles: ['admin'] })
    const created = await admin.post('/api/users', {
      username: 'town-c',
      displayName: '丙镇卫生院',
      roles: ['department'],
      units: [{ policyId: 'demo-county-plan', unitId: 'town-c' }],
      password: 'Town-C-clinic-2018',
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const townC = await logIn(s.t, 'town-c', 'Town-C-clinic-2018')
    expect(await tasksOf(townC)).toEqual([body.subTasks[0].id])
    // A group's members are still edited as before, the new unit kept.
    const members = `/api/plans/${s.planId}/groups/hospitals/members`
    const { version } = await (await s.lead.get(members)).json()
    const put = await s.lead.put(
      members,
      { members: [{ id: 'county-hospital', name: '县人民医院' }] },
      { 'if-match': `"${version}"` },
    )
    expect(put.status, await put.clone().text()).toBe(200)
    const after = await (await s.office.get(`/api/tasks/${s.parent}`)).json()
    expect(after.subTasks[0].assignee.name).toBe('丙镇卫生院')
  })

  it('refuses to split deeper than three levels (409)', async () => {
    const s = await setup()
    const subs = await split(s)
    // Town A's sub-task stands here for one already three levels below the duty's task.
    await s.t.db
      .updateTable('sub_task')
      .set({ depth: 3 })
      .where('task_id', '=', subs['town-a']!)
      .execute()
    const deeper = await s.townA.post(`/api/tasks/${subs['town-a']}/subtasks`, {
      items: [{ unit: 'village-a', dueOn: '2018-04-07', instruction: '入户调查' }],
    })
    expect(deeper.status).toBe(409)
    expect((await deeper.json()).error.depth).toBe(3)
  })

  it('withdraws the sub-tasks below a withdrawn task, level by level, and stops their timers', async () => {
    const s = await setup()
    const subs = await split(s)
    const again = await s.townA.post(`/api/tasks/${subs['town-a']}/subtasks`, {
      items: [{ unit: 'village-a', dueOn: '2018-04-07', instruction: '入户调查' }],
    })
    expect(again.status).toBe(201)
    const { model } = await loadPlanContext(s.t.db, s.planId)
    await s.t.db.transaction().execute(async (trx) => {
      const tasks = await trx
        .selectFrom('task')
        .selectAll()
        .where('plan_id', '=', s.planId)
        .execute()
      const parent = tasks.find((task) => task.id === s.parent)!
      const chosen = withContributions(tasks, [parent])
      expect(chosen).toHaveLength(4)
      await withdrawTasks(trx, chosen, {
        model,
        reason: '职责调整',
        actor: 'test',
        now: s.t.clock.now(),
      })
    })
    const rows = await s.t.db
      .selectFrom('task')
      .select(['assignee', 'state'])
      .where('plan_id', '=', s.planId)
      .where('source_id', '=', 'draft-plan')
      .execute()
    expect(rows.map((row) => row.state)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ])
    const pending = await s.t.db
      .selectFrom('timer')
      .select('id')
      .where('task_id', 'in', Object.values(subs))
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toHaveLength(0)
  })

  it('keeps sub-tasks open with their own deadlines when the plan moves to a revised version', async () => {
    const s = await setup()
    const subs = await split(s)
    // 1.1.0 moves 制定方案 to the middle of April: the duty's own task takes the new date.
    const v2 = withReplaced(
      '    due: 2018年4月上旬\n',
      '    due: 2018年4月中旬\n',
      withReplaced('  version: 1.0.0', '  version: 1.1.0', SPLIT_POLICY),
    )
    await publishPolicy(s.t, s.t.clock, 'test', { yaml: v2, sourceText: MINIMAL_SOURCE })
    const path = `/api/plans/${s.planId}/migration`
    const preview = await (await s.lead.post(path, { toVersion: '1.1.0', dryRun: true })).json()
    const applied = await s.lead.post(path, {
      toVersion: '1.1.0',
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)
    const rows = await s.t.db
      .selectFrom('task')
      .select(['id', 'state', 'due_on'])
      .where('id', 'in', [s.parent, subs['town-a']!, subs['town-b']!])
      .execute()
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]))
    expect(byId[s.parent]!.due_on).toBe('2018-04-20')
    expect(byId[subs['town-a']!]).toMatchObject({ state: 'assigned', due_on: '2018-04-08' })
    expect(byId[subs['town-b']!]).toMatchObject({ state: 'assigned', due_on: '2018-04-09' })
  })

  it('leaves sub-tasks out of the phase’s count and counts them under their own units', async () => {
    const s = await setup()
    await split(s)
    const progress = await (await s.lead.get(`/api/plans/${s.planId}/progress`)).json()
    const drafting = progress.phases.find((phase: { id: string }) => phase.id === 'drafting')
    expect(drafting.tasks.total).toBe(1)
    expect(drafting.gate.openTasks).toBe(1)
    const units = Object.fromEntries(
      progress.units.map((unit: { id: string; total: number }) => [unit.id, unit.total]),
    )
    expect(units).toMatchObject({ 'reform-office': 1, 'town-a': 1, 'town-b': 1 })
  })
})

describe('POST /api/tasks/:id/transfer', () => {
  it('moves a task to the right unit with its history and timers, audited, both units told', async () => {
    const s = await setup()
    const draft = await taskId(s.t, s.planId, 'draft-plan', 'reform-office')
    expect((await s.office.post(`/api/tasks/${draft}/events`, { type: 'START' })).status).toBe(200)
    const timersBefore = await s.t.db
      .selectFrom('timer')
      .select(['id', 'fire_at', 'status'])
      .where('task_id', '=', draft)
      .execute()
    const refused = await s.office.post(`/api/tasks/${draft}/transfer`, {
      toUnit: 'health-bureau',
      reason: '交办有误',
    })
    expect(refused.status).toBe(403)
    const unknown = await s.lead.post(`/api/tasks/${draft}/transfer`, {
      toUnit: 'nowhere',
      reason: '交办有误',
    })
    expect(unknown.status).toBe(422)
    expect((await unknown.json()).error.issues[0].pointer).toBe('/toUnit')
    const moved = await s.lead.post(`/api/tasks/${draft}/transfer`, {
      toUnit: 'health-bureau',
      reason: '交办有误，应由卫健局牵头',
    })
    expect(moved.status).toBe(200)
    expect((await moved.json()).assignee).toEqual({ id: 'health-bureau', name: '县卫健局' })
    const health = await loginAs(s.t, 'health', {
      units: [{ policyId: 'demo-county-plan', unitId: 'health-bureau' }],
    })
    const page = await (await health.get(`/api/tasks/${draft}`)).json()
    expect(page.state).toBe('in_progress')
    expect(page.history.map((event: { type: string }) => event.type)).toEqual(['START', 'TRANSFER'])
    expect(page.history[1].payload).toEqual({
      from: 'reform-office',
      to: 'health-bureau',
      reason: '交办有误，应由卫健局牵头',
    })
    expect((await s.office.get(`/api/tasks/${draft}`)).status).toBe(404)
    expect(
      await s.t.db
        .selectFrom('timer')
        .select(['id', 'fire_at', 'status'])
        .where('task_id', '=', draft)
        .execute(),
    ).toEqual(timersBefore)
    const notices = await s.t.db
      .selectFrom('notification')
      .select('recipient')
      .where('task_id', '=', draft)
      .where('kind', '=', 'assigned')
      .execute()
    expect(notices.map((notice) => notice.recipient).sort()).toEqual([
      'health-bureau',
      'reform-office',
    ])
    const audit = await s.t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', draft)
      .execute()
    expect(audit.map((row) => row.action)).toContain('task.transfer')
    expect((await verifyAuditChains(s.t.db)).ok).toBe(true)
  })

  it('gives the new unit the review of the sub-tasks the old one split off', async () => {
    const s = await setup()
    const subs = await split(s)
    const moved = await s.lead.post(`/api/tasks/${s.parent}/transfer`, {
      toUnit: 'health-bureau',
      reason: '交办有误',
    })
    expect(moved.status).toBe(200)
    const reviewers = await s.t.db
      .selectFrom('task')
      .select('reviewer')
      .where('id', 'in', Object.values(subs))
      .execute()
    expect(reviewers.map((row) => row.reviewer)).toEqual(['health-bureau', 'health-bureau'])
    expect((await verifyAuditChains(s.t.db)).ok).toBe(true)
  })
})
