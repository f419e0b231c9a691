/** A phase gate signed off by the body the config names, and the progress leaders see. */
import { completePhaseTasks } from '../helpers/drive-tasks.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

const POLICY = 'pingnan-medical-alliance'

describe('phase sign-off (Pingnan 督导检查, gate signed by the leadership group)', () => {
  let t: TestApp
  let planId: string
  let leader: Client

  beforeAll(async () => {
    t = await makeTestApp('2019-01-05T10:00:00+08:00')
    ;({ planId } = await startBundledPlan(t, 'pingnan'))
    leader = await loginAs(t, 'leader', {
      roles: ['leader'],
      units: [{ policyId: POLICY, unitId: 'leadership-group' }],
    })
  })

  const progress = async () =>
    (await (await leader.get(`/api/plans/${planId}/progress`)).json()) as {
      phases: Array<{
        id: string
        status: string
        late: boolean
        tasks: { total: number; approved: number }
        gate: { openTasks: number; signedOff: boolean; holds: boolean }
      }>
      units: Array<{ name: string; overdue: number }>
      escalations: { supervise: number; circulate: number }
    }

  it('shows a late phase waiting for its tasks and its sign-off, and who is overdue', async () => {
    const body = await progress()
    const supervise = body.phases.find((phase) => phase.id === 'supervise')!
    expect(supervise).toMatchObject({
      status: 'open',
      late: true,
      gate: { signedOff: false, holds: false },
    })
    expect(supervise.gate.openTasks).toBeGreaterThan(0)
    expect(body.units.some((unit) => unit.overdue > 0)).toBe(true)
  })

  it('refuses the sign-off from a unit outside the body', async () => {
    const office = await loginAs(t, 'health', {
      units: [{ policyId: POLICY, unitId: 'county-health-bureau' }],
    })
    const response = await office.post(`/api/plans/${planId}/phases/supervise/sign-off`, {})
    expect(response.status).toBe(403)
  })

  it('records the sign-off, and closes the phase once its tasks are approved too', async () => {
    const first = await leader.post(`/api/plans/${planId}/phases/supervise/sign-off`, {
      note: '同意',
    })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ closed: false })
    await completePhaseTasks(t.db, t.clock, planId, 'supervise')
    const supervise = (await progress()).phases.find((phase) => phase.id === 'supervise')!
    expect(supervise).toMatchObject({ status: 'closed', gate: { openTasks: 0, signedOff: true } })
    expect(supervise.tasks.approved).toBe(supervise.tasks.total)
  })

  it('refuses a sign-off on a phase that needs none', async () => {
    const response = await leader.post(`/api/plans/${planId}/phases/plan/sign-off`, {})
    expect(response.status).toBe(409)
  })
})
