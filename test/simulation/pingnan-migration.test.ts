/**
 * Revising a running plan: Pingnan's plan runs on version 1.0.0 for half a year in simulated time
 * (the drafting approved, measures reported and approved, tasks escalated to 通报, the region's
 * figures for the year before entered); then a 1.1.0 built here from the bundled config — one deadline
 * moved, a measure added, one removed, one id renamed, a measure's supporting unit changed, a
 * report form replaced, a recurring duty re-scheduled, with a change note — is previewed and
 * applied through POST /api/plans/:id/migration.
 */
import { readFileSync } from 'node:fs'
import { createAjv } from '../../schemas/ajv.ts'
import {
  planMigrationOptionsSchema,
  planMigrationSchema,
} from '../../schemas/api/responses.schema.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { nextTimerAt, runDueTimers } from '../../server/timers/scheduler.ts'
import { completePhaseTasks, drive } from '../helpers/drive-tasks.ts'
import { copiedFixture, loginAs, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const YAML = readFileSync('policies/pingnan/medical-alliance-2018.yaml', 'utf8')
const SOURCE = readFileSync('policies/pingnan/source.txt', 'utf8')
const NOTE = '考核评估提前至12月中旬；新增检查检验结果互认；删除物价部门条目；财政补助条目改编号'

/** Replaces `from` (which must occur once) in `text`. */
function replaced(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2)
  return text.replace(from, to)
}

/** The bundled config revised to 1.1.0. */
function revisedYaml(): string {
  let yaml = replaced(YAML, '  version: 1.0.0', '  version: 1.1.0')
  // Deadline moved: 考核评估 from the end of December to its middle ten days.
  yaml = replaced(
    yaml,
    '    phase: assess\n    due: 2018年12月\n',
    '    phase: assess\n    due: 2018年12月中旬\n',
  )
  // Deadline moved for work already escalated to 通报: the council's filing, to October.
  yaml = replaced(
    yaml,
    '    phase: organize\n    due: 2018年6月下旬\n    note: 原文为被动句',
    '    phase: organize\n    due: 2018年10月\n    note: 原文为被动句',
  )
  // Renamed: the finance bureau's subsidies measure gets a new id.
  yaml = replaced(yaml, '  - id: impl-finance-subsidies\n', '  - id: impl-finance-subsidy-policy\n')
  // Removed: the price department's measure.
  const start = yaml.indexOf('  - id: impl-price-policy\n')
  const end = yaml.indexOf('  - id: impl-clinical-research-centers\n')
  yaml = yaml.slice(0, start) + yaml.slice(end)
  // Units changed in a closed phase (开展医联体各项工作 does not wait for its tasks): the food and
  // drug administration supports the research centres instead of the health bureau.
  yaml = replaced(
    yaml,
    '    lead: [county-science-bureau]\n    support: [county-health-bureau]\n',
    '    lead: [county-science-bureau]\n    support: [county-fda]\n',
  )
  // Units changed: the finance bureau leads 考核评估 with the reform office, not the health bureau.
  yaml = replaced(
    yaml,
    '    lead: [county-reform-office, county-health-bureau]\n    deliverables:\n      - { name: 医联体考核评估结果, kind: report }\n',
    '    lead: [county-reform-office, county-finance-bureau]\n    deliverables:\n      - { name: 医联体考核评估结果, kind: report }\n',
  )
  // Form changed: the drafting is reported on the written-summary form.
  yaml = replaced(
    yaml,
    '    review: { by: county-government }\n    phase: plan\n',
    '    review: { by: county-government }\n    form: written-summary\n    phase: plan\n',
  )
  // Recurring duty re-scheduled: the council's task review becomes monthly.
  yaml = replaced(
    yaml,
    '    title: 按季度审核医联体任务完成情况\n    category: 工作内容\n    lead: [alliance-council]\n    phase: carry-out\n    due: 按季度\n',
    '    title: 按季度审核医联体任务完成情况\n    category: 工作内容\n    lead: [alliance-council]\n    phase: carry-out\n    due: 按月度\n',
  )
  // Added: a new measure with a lead and a supporting unit.
  yaml = replaced(
    yaml,
    '\ntimeline:\n',
    `  - id: safeguard-result-recognition
    title: 推进检查检验结果互认
    category: 保障措施
    lead: [county-health-bureau]
    support: [county-finance-bureau]
    phase: supervise
    due: 2018年12月
    source: { clause: 四、(四), quote: '推进医疗机构间医学影像检查和临床检验结果互认' }

timeline:
`,
  )
  return yaml
}

const RENAMES = { responsibilities: { 'impl-finance-subsidies': 'impl-finance-subsidy-policy' } }

interface Fixture {
  planId: string
  policyId: string
  toVersionId: string
  office: Client
  bureau: Client
}

/** Moves the clock forward, firing every timer on the way in order. */
async function advanceTo(t: TestApp, instant: string): Promise<void> {
  const target = new Date(instant).toISOString()
  for (;;) {
    const next = await nextTimerAt(t.db)
    if (!next || next > target) break
    t.clock.set(next)
    await runDueTimers(t, t.clock)
  }
  t.clock.set(target)
}

const fixture = copiedFixture('2018-04-01T09:00:00+08:00', async (t): Promise<Fixture> => {
  const { planId, policyId } = await startBundledPlan(t, 'pingnan')
  // Sessions lapse while months pass: each user logs in when they act.
  const officeOf = () =>
    loginAs(t, 'office', { units: [{ policyId, unitId: 'leadership-group-office' }] })
  await advanceTo(t, '2018-04-05T10:00:00+08:00')
  await completePhaseTasks(t.db, t.clock, planId, 'plan')
  await advanceTo(t, '2018-07-10T10:00:00+08:00')
  // The finance bureau reports its subsidies, and the office approves.
  const subsidies = await taskId(t, planId, 'impl-finance-subsidies', 'county-finance-bureau')
  await drive(
    t.db,
    t.clock,
    planId,
    subsidies,
    { type: 'SUBMIT', data: { summary: '已落实' } },
    {
      type: 'APPROVE',
    },
  )
  // The office enters the region's figures for 2017, the year before the reform (2018's entry
  // task opens only once 2018 has ended).
  const atEntry = await officeOf()
  const entered = await atEntry.put(`/api/plans/${planId}/indicator-values`, {
    values: [
      { element: 'township_centers_total', unit: 'region', period: '2017', value: 10 },
      { element: 'alliance-policy-system', unit: 'region', period: '2017', value: false },
    ],
  })
  expect(entered.status, await entered.clone().text()).toBe(200)
  await advanceTo(t, '2018-10-08T10:00:00+08:00')
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: revisedYaml(),
    sourceText: SOURCE,
    note: NOTE,
  })
  const office = await officeOf()
  const bureau = await loginAs(t, 'bureau', {
    units: [{ policyId, unitId: 'county-health-bureau' }],
  })
  return { planId, policyId, toVersionId: version.id, office, bureau }
})

async function tasks(t: TestApp, planId: string, sourceId: string) {
  return t.db
    .selectFrom('task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('source_id', '=', sourceId)
    .orderBy('assignee')
    .orderBy('period')
    .execute()
}

async function history(t: TestApp, taskIdValue: string) {
  const rows = await t.db
    .selectFrom('task_event')
    .selectAll()
    .where('task_id', '=', taskIdValue)
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({
    ...row,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }))
}

async function snapshotOf(t: TestApp) {
  const all = async (
    table:
      'task' | 'timer' | 'task_event' | 'audit_log' | 'plan' | 'plan_phase' | 'indicator_value',
  ) => t.db.selectFrom(table).selectAll().execute()
  return {
    tasks: await all('task'),
    timers: await all('timer'),
    events: await all('task_event'),
    audit: await all('audit_log'),
    plans: await all('plan'),
    phases: await all('plan_phase'),
    values: await all('indicator_value'),
  }
}

const path = (planId: string) => `/api/plans/${planId}/migration`
const ajv = createAjv()
const validMigration = ajv.compile(planMigrationSchema)
const validOptions = ajv.compile(planMigrationOptionsSchema)

describe('POST /api/plans/:id/migration on Pingnan after half a year', () => {
  it('previews with dryRun: every task’s change by unit and by kind, what stayed unmatched, and writes nothing', async () => {
    const { t, planId, office } = await fixture()
    const before = await snapshotOf(t)
    const response = await office.post(path(planId), {
      toVersion: '1.1.0',
      renames: RENAMES,
      dryRun: true,
    })
    expect(response.status, await response.clone().text()).toBe(200)
    const preview = await response.json()
    expect(validMigration(preview) ? [] : validMigration.errors).toEqual([])
    expect(preview).toMatchObject({
      dryRun: true,
      planRevision: 0,
      from: { version: '1.0.0' },
      to: { version: '1.1.0', note: NOTE },
    })
    expect(preview.unmatched.responsibilities).toEqual({
      removed: [{ id: 'impl-price-policy', name: '完善医药价格政策' }],
      added: [{ id: 'safeguard-result-recognition', name: '推进检查检验结果互认' }],
    })
    expect(preview.renamed).toEqual([
      {
        kind: 'responsibilities',
        from: 'impl-finance-subsidies',
        to: 'impl-finance-subsidy-policy',
      },
    ])
    const kinds = preview.byChange.map((group: { kind: string }) => group.kind)
    expect(kinds).toEqual([
      'kept',
      'renamed',
      'deadline',
      'form',
      'removed',
      'unit-removed',
      'added',
      'unit-added',
    ])
    const group = (kind: string) =>
      preview.byChange.find((entry: { kind: string }) => entry.kind === kind).tasks as Array<{
        sourceId: string
        unit: { id: string }
        dueFrom: string | null
        dueTo: string | null
        why: string
        flagged?: boolean
      }>
    expect(
      group('deadline')
        .filter((task) => task.sourceId === 'step-assessment')
        .map((task) => [task.unit.id, task.dueFrom, task.dueTo]),
    ).toEqual([['county-reform-office', '2018-12-31', '2018-12-20']])
    expect(
      group('deadline')
        .filter((task) => task.sourceId === 'step-council-filing')
        .map((task) => [task.dueFrom, task.dueTo]),
    ).toEqual(Array(5).fill(['2018-06-30', '2018-10-31']))
    expect(group('removed').map((task) => [task.sourceId, task.unit.id])).toEqual([
      ['impl-price-policy', 'county-price-bureau'],
    ])
    expect(group('removed')[0]!.why).toBe('政策修订为 1.1.0：「完善医药价格政策」已从新版本删除')
    expect(
      group('unit-removed')
        .map((task) => [task.sourceId, task.unit.id])
        .sort(),
    ).toEqual([
      ['impl-clinical-research-centers', 'county-health-bureau'],
      ['step-assessment', 'county-health-bureau'],
    ])
    expect(
      group('unit-added')
        .map((task) => [task.sourceId, task.unit.id, task.dueTo])
        .sort(),
    ).toEqual([
      ['impl-clinical-research-centers', 'county-fda', null],
      ['step-assessment', 'county-finance-bureau', '2018-12-20'],
    ])
    expect(
      group('added')
        .map((task) => [task.sourceId, task.unit.id])
        .sort(),
    ).toEqual([
      ['safeguard-result-recognition', 'county-finance-bureau'],
      ['safeguard-result-recognition', 'county-health-bureau'],
    ])
    expect(group('form').map((task) => [task.sourceId, task.flagged])).toEqual([
      ['step-draft-plan', true],
    ])
    expect(preview.schedules).toEqual([
      {
        sourceId: 'work-quarterly-task-review',
        title: '按季度审核医联体任务完成情况',
        fromPeriod: '2018-11',
      },
    ])
    // By unit: the health bureau sees its withdrawn support, its new lead task and its kept work.
    const health = preview.byUnit.find(
      (entry: { unit: { id: string } }) => entry.unit.id === 'county-health-bureau',
    )
    expect(health.unit.name).toBe('县卫计局')
    const changes = health.tasks.map((task: { changes: string[] }) => task.changes.join('+'))
    expect(changes).toEqual(expect.arrayContaining(['kept', 'unit-removed', 'added']))
    expect(await snapshotOf(t)).toEqual(before)
  })

  it('names both ids as unmatched when the rename is not given', async () => {
    const { t, planId, office } = await fixture()
    const preview = await (
      await office.post(path(planId), { toVersion: '1.1.0', dryRun: true })
    ).json()
    expect(preview.unmatched.responsibilities.removed.map((e: { id: string }) => e.id)).toEqual([
      'impl-finance-subsidies',
      'impl-price-policy',
    ])
    expect(preview.unmatched.responsibilities.added.map((e: { id: string }) => e.id)).toEqual([
      'impl-finance-subsidy-policy',
      'safeguard-result-recognition',
    ])
    // Approved work of a duty left unmatched stays approved: nothing of it is withdrawn.
    const removed = preview.byChange.find((g: { kind: string }) => g.kind === 'removed').tasks
    expect(removed.map((task: { sourceId: string }) => task.sourceId)).toEqual([
      'impl-price-policy',
    ])
    void t
  })

  it('applies the preview in one transaction: kept work untouched, deadlines moved with their escalation, removed work withdrawn, new work made, audited', async () => {
    const { t, planId, office, bureau, toVersionId } = await fixture()
    const before = await snapshotOf(t)
    const inboxBefore = await (await bureau.get(`/api/tasks?plan=${planId}`)).json()
    const preview = await (
      await office.post(path(planId), { toVersion: '1.1.0', renames: RENAMES, dryRun: true })
    ).json()
    const applied = await office.post(path(planId), {
      toVersion: '1.1.0',
      renames: RENAMES,
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)
    const result = await applied.json()
    expect(validMigration(result) ? [] : validMigration.errors).toEqual([])
    expect(result).toMatchObject({ dryRun: false, planRevision: 1, counts: preview.counts })

    // The plan points at the new version; no second plan runs beside it.
    const plans = await t.db.selectFrom('plan').selectAll().execute()
    expect(plans).toHaveLength(1)
    expect(plans[0]).toMatchObject({ id: planId, policy_version_id: toVersionId, revision: 1 })

    // Kept: an escalated task keeps its state, level, history and notifications.
    const [organize] = (await tasks(t, planId, 'step-organize-alliances')).filter(
      (task) => task.role === 'lead',
    )
    const organizeBefore = before.tasks.find((task) => task.id === organize!.id)!
    expect(organize).toEqual(organizeBefore)
    expect(organize!.escalation_level).toBe(4)

    // Renamed: the approved task is the same task under its new id, still approved.
    const [subsidy] = await tasks(t, planId, 'impl-finance-subsidy-policy')
    expect(subsidy).toMatchObject({ state: 'approved', assignee: 'county-finance-bureau' })
    expect(await tasks(t, planId, 'impl-finance-subsidies')).toEqual([])
    const subsidyHistory = await history(t, subsidy!.id)
    expect(subsidyHistory.map((event) => event.type)).toEqual(['SUBMIT', 'APPROVE', 'REVISE'])
    expect(subsidyHistory.at(-1)!.payload).toMatchObject({
      changes: ['renamed'],
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      note: NOTE,
    })

    // Deadline moved: due date and phrase, the history says from when to when and why, and the
    // pending reminder is re-planned from the new date.
    const { model } = await loadPlanContext(t.db, planId)
    const assessment = await tasks(t, planId, 'step-assessment')
    const reform = assessment.find((task) => task.assignee === 'county-reform-office')!
    expect(reform).toMatchObject({
      due_on: '2018-12-20',
      due_phrase: '2018年12月中旬',
      state: 'assigned',
    })
    const revise = (await history(t, reform.id)).at(-1)!
    expect(revise.type).toBe('REVISE')
    expect(revise.payload).toMatchObject({
      changes: ['deadline'],
      dueFrom: '2018-12-31',
      dueTo: '2018-12-20',
      note: NOTE,
    })
    expect(revise.payload.reason).toContain('截止日由 2018-12-31 改为 2018-12-20')
    const timers = await t.db
      .selectFrom('timer')
      .selectAll()
      .where('task_id', '=', reform.id)
      .execute()
    const old = before.timers.filter((timer) => timer.task_id === reform.id)
    expect(old.map((timer) => timer.status)).toEqual(['pending'])
    expect(timers.find((timer) => timer.id === old[0]!.id)!.status).toBe('cancelled')
    const pending = timers.filter((timer) => timer.status === 'pending')
    expect(pending.map((timer) => [timer.kind, timer.fire_at])).toEqual([
      ['remind', model.escalationFor('2018-12-20')[0]!.fireAt],
    ])
    expect(pending[0]!.fire_at).not.toBe(old[0]!.fire_at)

    // An escalation already sent stays: the filing keeps 通报 and its history; the ladder has no
    // step left above it, so nothing is planned again.
    for (const filing of await tasks(t, planId, 'step-council-filing')) {
      const was = before.tasks.find((task) => task.id === filing.id)!
      expect(was.escalation_level).toBe(4)
      expect(filing).toMatchObject({ due_on: '2018-10-31', escalation_level: 4, state: was.state })
      const events = (await history(t, filing.id)).map((event) => event.type)
      expect(events).toEqual(['REMIND', 'OVERDUE', 'ESCALATE', 'ESCALATE', 'REVISE'])
      const ladder = await t.db
        .selectFrom('timer')
        .select('id')
        .where('task_id', '=', filing.id)
        .where('status', '=', 'pending')
        .execute()
      expect(ladder).toEqual([])
    }

    // Units changed: the health bureau's part withdrawn, the finance bureau's made at the new date.
    expect(assessment.map((task) => [task.assignee, task.state, task.due_on]).sort()).toEqual([
      ['county-finance-bureau', 'assigned', '2018-12-20'],
      ['county-health-bureau', 'withdrawn', '2018-12-31'],
      ['county-reform-office', 'assigned', '2018-12-20'],
    ])
    const finance = assessment.find((task) => task.assignee === 'county-finance-bureau')!
    expect((await history(t, finance.id))[0]!.payload).toMatchObject({ changes: ['unit-added'] })
    expect(
      await t.db
        .selectFrom('timer')
        .select(['kind', 'fire_at'])
        .where('task_id', '=', finance.id)
        .execute(),
    ).toEqual([{ kind: 'remind', fire_at: model.escalationFor('2018-12-20')[0]!.fireAt }])

    // Removed: withdrawn with the reason, never deleted; its timers stop.
    const [price] = await tasks(t, planId, 'impl-price-policy')
    expect(price!.state).toBe('withdrawn')
    const priceHistory = await history(t, price!.id)
    expect(priceHistory.at(-1)).toMatchObject({
      type: 'WITHDRAW',
      payload: { reason: '政策修订为 1.1.0：「完善医药价格政策」已从新版本删除' },
    })
    expect(priceHistory.at(-2)!.payload).toMatchObject({ changes: ['removed'], note: NOTE })

    // Units changed where the work goes on past its closed phase: the FDA's part is made, feeding
    // the same lead, which still waits for one contribution.
    const research = await tasks(t, planId, 'impl-clinical-research-centers')
    const lead = research.find((task) => task.role === 'lead')!
    expect(
      research.map((task) => [task.assignee, task.role, task.state, task.parent_task_id]),
    ).toEqual([
      ['county-fda', 'support', 'assigned', lead.id],
      ['county-health-bureau', 'support', 'withdrawn', lead.id],
      ['county-science-bureau', 'lead', 'assigned', null],
    ])
    expect(JSON.parse(lead.snapshot).context.pendingContributions).toBe(1)

    // Added: the new measure's tasks with their first reminders, and why they exist.
    const added = await tasks(t, planId, 'safeguard-result-recognition')
    expect(added.map((task) => [task.assignee, task.role, task.state, task.due_on])).toEqual([
      ['county-finance-bureau', 'support', 'assigned', '2018-12-31'],
      ['county-health-bureau', 'lead', 'assigned', '2018-12-31'],
    ])
    for (const task of added) {
      const [event] = await history(t, task.id)
      expect(event).toMatchObject({ type: 'REVISE', payload: { changes: ['added'], note: NOTE } })
      const reminder = await t.db
        .selectFrom('timer')
        .select(['kind', 'status'])
        .where('task_id', '=', task.id)
        .execute()
      expect(reminder).toEqual([{ kind: 'remind', status: 'pending' }])
    }

    // Form changed: the approved report is kept as it was, flagged on the task page.
    const [draft] = await tasks(t, planId, 'step-draft-plan')
    const draftBefore = before.tasks.find((task) => task.id === draft!.id)!
    expect(draft).toMatchObject({ state: 'approved', data: draftBefore.data })
    expect(JSON.parse(draft!.report_flag!)).toMatchObject({ version: '1.1.0' })
    const page = await (await office.get(`/api/tasks/${draft!.id}`)).json()
    expect(page.reportFlag).toMatchObject({ version: '1.1.0' })
    expect(page.history.at(-1)).toMatchObject({ type: 'REVISE', payload: { note: NOTE } })

    // Indicator values stay as entered.
    expect(await t.db.selectFrom('indicator_value').selectAll().execute()).toEqual(before.values)

    // No department's inbox grows by a duplicate: the health bureau loses its part of 考核评估
    // and its support of the research centres, and gains the new measure's lead, nothing more.
    const inboxAfter = await (await bureau.get(`/api/tasks?plan=${planId}`)).json()
    type Row = { id: string; sourceId: string; period: string; role: string; state: string }
    const open = (rows: Row[]) => rows.filter((row) => row.state !== 'withdrawn')
    const keys = open(inboxAfter.tasks).map(
      (row: Row) => `${row.sourceId}|${row.period}|${row.role}`,
    )
    expect(new Set(keys).size).toBe(keys.length)
    expect(open(inboxAfter.tasks).length).toBe(open(inboxBefore.tasks).length - 2 + 1)
    expect(open(inboxAfter.tasks).map((row: Row) => row.sourceId)).toContain(
      'safeguard-result-recognition',
    )

    // Audited: one plan.migrate with both versions and the counts, and the chain verifies.
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'plan.migrate')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      counts: preview.counts,
    })
    expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true })
  })

  it('opens the re-scheduled recurring duty’s periods by the new schedule, from the next one not yet opened', async () => {
    const { t, planId, office } = await fixture()
    const before = await tasks(t, planId, 'work-quarterly-task-review')
    const preview = await (
      await office.post(path(planId), { toVersion: '1.1.0', renames: RENAMES, dryRun: true })
    ).json()
    const applied = await office.post(path(planId), {
      toVersion: '1.1.0',
      renames: RENAMES,
      planRevision: preview.planRevision,
    })
    expect(applied.status).toBe(200)
    // The opened quarter keeps its dates; the next period is a month.
    expect(await tasks(t, planId, 'work-quarterly-task-review')).toEqual(before)
    await advanceTo(t, '2018-12-02T10:00:00+08:00')
    const periods = (await tasks(t, planId, 'work-quarterly-task-review')).map(
      (task) => task.period,
    )
    expect(before.map((task) => task.period)).toEqual(['2018-Q3', '2018-Q4'])
    expect(periods).toEqual(['2018-11', '2018-12', '2018-Q3', '2018-Q4'])
  })

  it('refuses a stale preview with 409 and a missing revision with 428, writing nothing', async () => {
    const { t, planId, office } = await fixture()
    const preview = await (
      await office.post(path(planId), { toVersion: '1.1.0', renames: RENAMES, dryRun: true })
    ).json()
    const missing = await office.post(path(planId), { toVersion: '1.1.0', renames: RENAMES })
    expect(missing.status).toBe(428)
    // The office names a township health centre meanwhile: the plan's make-up changes.
    const members = `/api/plans/${planId}/groups/township-health-centers/members`
    const { version } = await (await office.get(members)).json()
    const changed = await office.put(
      members,
      { members: [{ id: 'dahe-center', name: '大和镇卫生院' }] },
      { 'if-match': `"${version}"` },
    )
    expect(changed.status).toBe(200)
    const before = await snapshotOf(t)
    expect(before.plans[0]!.revision).toBe(1)
    const stale = await office.post(path(planId), {
      toVersion: '1.1.0',
      renames: RENAMES,
      planRevision: preview.planRevision,
    })
    expect(stale.status).toBe(409)
    expect((await stale.json()).error.message.zh).toContain('重新预览')
    expect(await snapshotOf(t)).toEqual(before)
  })

  it('says who may migrate the plan and to which versions, lets only those who govern it migrate (403 for others who see it, 404 for the rest), to a newer published version only, while it runs', async () => {
    const { t, planId, office, bureau } = await fixture()
    // The versions one may move to, and whether this user may: the office may, the bureau not.
    const options = await (await office.get(path(planId))).json()
    expect(validOptions(options) ? [] : validOptions.errors).toEqual([])
    expect(options).toMatchObject({
      planRevision: 0,
      current: { version: '1.0.0' },
      versions: [{ version: '1.1.0', note: NOTE }],
      mayGovern: true,
    })
    expect(await (await bureau.get(path(planId))).json()).toMatchObject({ mayGovern: false })
    const forbidden = await bureau.post(path(planId), { toVersion: '1.1.0', dryRun: true })
    expect(forbidden.status).toBe(403)
    const outsider = await loginAs(t, 'outsider', {})
    expect((await outsider.post(path(planId), { toVersion: '1.1.0', dryRun: true })).status).toBe(
      404,
    )
    const unknown = await office.post(path(planId), { toVersion: '9.9.9', dryRun: true })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error.message.zh).toContain('9.9.9')
    const same = await office.post(path(planId), { toVersion: '1.0.0', dryRun: true })
    expect(same.status).toBe(400)
    expect((await same.json()).error.message.zh).toContain('不比计划当前的 1.0.0 版本新')
    const badRename = await office.post(path(planId), {
      toVersion: '1.1.0',
      dryRun: true,
      renames: { responsibilities: { 'no-such-duty': 'impl-finance-subsidy-policy' } },
    })
    expect(badRename.status).toBe(400)
    expect((await badRename.json()).error.issues[0].pointer).toBe(
      '/renames/responsibilities/no-such-duty',
    )
    // Only a running plan moves.
    await t.db.updateTable('plan').set({ status: 'closed' }).where('id', '=', planId).execute()
    const finished = await office.post(path(planId), { toVersion: '1.1.0', dryRun: true })
    expect(finished.status).toBe(409)
    expect((await finished.json()).error.message.zh).toBe('只有运行中的计划可以修订。')
  })
})
