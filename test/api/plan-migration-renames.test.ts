/**
 * Renames in a migration: a responsibility and a phase whose ids changed carry their tasks, phase
 * row and timers to the new ids; a withdrawn task of the renamed duty follows it with its history
 * as it was; a rename that matches nothing is refused at its pointer.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'

/** The funding measure led by the open group 县级医院. */
const V1 = withReplaced(
  `    lead: [finance-bureau]
    due: { unspecified: 文件未规定完成时限 }`,
  `    lead: [hospitals]
    due: { unspecified: 文件未规定完成时限 }`,
)

/** 1.1.0: funding becomes subsidy-funding, the drafting phase plan-drafting. */
const V2 = [
  ['  version: 1.0.0', '  version: 1.1.0'],
  ['  - id: funding\n', '  - id: subsidy-funding\n'],
  ['    - id: drafting\n', '    - id: plan-drafting\n'],
  ['    phase: drafting\n', '    phase: plan-drafting\n'],
].reduce((text, [from, to]) => withReplaced(from!, to!, text), V1)

const RENAMES = {
  responsibilities: { funding: 'subsidy-funding' },
  phases: { drafting: 'plan-drafting' },
}

describe('POST /api/plans/:id/migration with renames', () => {
  it('moves a renamed duty’s tasks (withdrawn ones too) and a renamed phase to their new ids', async () => {
    const t = await makeTestApp()
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: V1,
      sourceText: MINIMAL_SOURCE,
    })
    const planId = (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan.id
    await publishPolicy(t, t.clock, 'test', { yaml: V2, sourceText: MINIMAL_SOURCE })
    const office = await loginAs(t, 'office', {
      units: [{ policyId: version.policy_id, unitId: 'leading-group' }],
    })
    // A town clinic is named, then taken away: its funding task is withdrawn; a county hospital
    // is named and keeps its task.
    const members = `/api/plans/${planId}/groups/hospitals/members`
    for (const list of [
      [{ id: 'town-clinic', name: '城关镇卫生院' }],
      [{ id: 'county-hospital', name: '县人民医院' }],
    ]) {
      const { version: read } = await (await office.get(members)).json()
      const put = await office.put(members, { members: list }, { 'if-match': `"${read}"` })
      expect(put.status).toBe(200)
    }
    const funding = async () =>
      t.db
        .selectFrom('task')
        .select(['id', 'assignee', 'state', 'source_id'])
        .where('plan_id', '=', planId)
        .where('source_id', 'in', ['funding', 'subsidy-funding'])
        .orderBy('assignee')
        .execute()
    const before = await funding()
    expect(before.map((task) => [task.assignee, task.state])).toEqual([
      ['county-hospital', 'assigned'],
      ['town-clinic', 'withdrawn'],
    ])
    const withdrawnHistory = await t.db
      .selectFrom('task_event')
      .selectAll()
      .where('task_id', '=', before[1]!.id)
      .execute()

    const path = `/api/plans/${planId}/migration`
    const bad = await office.post(path, {
      toVersion: '1.1.0',
      dryRun: true,
      renames: { phases: { drafting: 'no-such-phase' } },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.issues).toEqual([
      expect.objectContaining({ pointer: '/renames/phases/drafting' }),
    ])
    const preview = await (
      await office.post(path, { toVersion: '1.1.0', dryRun: true, renames: RENAMES })
    ).json()
    expect(preview.unmatched.responsibilities).toEqual({ removed: [], added: [] })
    expect(preview.unmatched.phases).toEqual({ removed: [], added: [] })
    expect(preview.phases.changed).toEqual([
      expect.objectContaining({ from: 'drafting', to: 'plan-drafting' }),
    ])
    const applied = await office.post(path, {
      toVersion: '1.1.0',
      renames: RENAMES,
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)

    const after = await funding()
    expect(after.map((task) => [task.id, task.state, task.source_id])).toEqual([
      [before[0]!.id, 'assigned', 'subsidy-funding'],
      [before[1]!.id, 'withdrawn', 'subsidy-funding'],
    ])
    expect(
      await t.db
        .selectFrom('task_event')
        .selectAll()
        .where('task_id', '=', before[1]!.id)
        .execute(),
    ).toEqual(withdrawnHistory)
    const phases = await t.db
      .selectFrom('plan_phase')
      .select(['phase_id', 'status'])
      .where('plan_id', '=', planId)
      .orderBy('opens_on')
      .execute()
    expect(phases.map((phase) => phase.phase_id)).toEqual(['plan-drafting', 'supervision'])
    const drafting = await t.db
      .selectFrom('task')
      .select('phase_id')
      .where('plan_id', '=', planId)
      .where('source_id', '=', 'draft-plan')
      .execute()
    expect(new Set(drafting.map((task) => task.phase_id))).toEqual(new Set(['plan-drafting']))
    const phaseTimers = await t.db
      .selectFrom('timer')
      .select(['kind', 'payload'])
      .where('plan_id', '=', planId)
      .where('status', '=', 'pending')
      .where('kind', 'in', ['phase-open', 'phase-end'])
      .execute()
    const phasesTimed = phaseTimers.map((timer) => JSON.parse(timer.payload).phase as string)
    expect(phasesTimed).toContain('plan-drafting')
    expect(phasesTimed).not.toContain('drafting')
    // The task page reads the renamed duty's title.
    const page = await (await office.get(`/api/tasks/${before[0]!.id}`)).json()
    expect(page).toMatchObject({ sourceId: 'subsidy-funding', title: '统筹落实补助资金' })
  })
})
