/**
 * The plan-start option `shiftYears`: the plan runs its version's calendar moved by whole years —
 * phase windows, deadlines in phrases (2018年4月上旬) and ISO dates, the effective period — while
 * the published config, and another plan of the same version, keep the document's dates.
 */
import { SimulatedClock } from '../../server/clock.ts'
import { shiftConfigYears, shiftText } from '../../server/plan-model/shift-years.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { effectiveEnd } from '../../server/plans/close-plan.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { makeTestApp } from '../helpers/test-app.ts'

describe('a plan started with its dates moved by whole years', () => {
  it('moves years in dates and deadline phrases, not in other numbers; 29 February falls on the 28th', () => {
    expect(shiftText('2018年4月上旬', 8)).toBe('2026年4月上旬')
    expect(shiftText('2018-04-01', 8)).toBe('2026-04-01')
    expect(shiftText('2018年8—12月', 1)).toBe('2019年8—12月')
    expect(shiftText('2020-02-29', 1)).toBe('2021-02-28')
    expect(shiftText('2020-02-29', 4)).toBe('2024-02-29')
    expect(shiftText('共 2018 家机构', 8)).toBe('共 2018 家机构')
  })

  it('leaves the document’s text alone: only the scheduling fields move', () => {
    const config = {
      metadata: { title: '2018年方案', effective: { from: '2018-04-01', to: '2020-12-31' } },
      responsibilities: [{ id: 'a', due: '2018年4月上旬', source: { quote: '2018年4月上旬完成' } }],
    }
    const shifted = shiftConfigYears(config as never, 2) as unknown as typeof config
    expect(shifted.metadata).toEqual({
      title: '2018年方案',
      effective: { from: '2020-04-01', to: '2022-12-31' },
    })
    expect(shifted.responsibilities[0]).toEqual({
      id: 'a',
      due: '2020年4月上旬',
      source: { quote: '2018年4月上旬完成' },
    })
  })

  it('starts a plan whose phases and deadlines are the document’s moved, beside one on its own dates', async () => {
    const t = await makeTestApp('2026-04-02T09:00:00+08:00')
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: MINIMAL_POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    // Each started on the same day of its own calendar: 2 April 2018, and 2 April 2026.
    const own = await startPlan(t, new SimulatedClock('2018-04-02T09:00:00+08:00'), 'test', {
      versionId: version.id,
    })
    const moved = await startPlan(t, t.clock, 'test', { versionId: version.id, shiftYears: 8 })
    expect(moved.plan.shift_years).toBe(8)
    const dues = async (planId: string) =>
      (
        await t.db
          .selectFrom('task')
          .select('due_on')
          .where('plan_id', '=', planId)
          .where('due_on', 'is not', null)
          .orderBy('due_on')
          .execute()
      ).map((row) => row.due_on!)
    const ownDues = await dues(own.plan.id)
    const movedDues = await dues(moved.plan.id)
    expect(movedDues.length).toBeGreaterThan(0)
    expect(movedDues).toEqual(ownDues.map((due) => shiftText(due, 8)))
    const phases = await t.db
      .selectFrom('plan_phase')
      .select(['plan_id', 'opens_on'])
      .orderBy('opens_on')
      .execute()
    const first = (planId: string) => phases.find((phase) => phase.plan_id === planId)!.opens_on
    expect(first(moved.plan.id)).toBe(shiftText(first(own.plan.id), 8))
    expect(effectiveEnd((await loadPlanContext(t.db, moved.plan.id)).model)).toBe('2028-12-31')
    expect(effectiveEnd((await loadPlanContext(t.db, own.plan.id)).model)).toBe('2020-12-31')
  })
})
