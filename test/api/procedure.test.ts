/** Meishan's application procedure: a district submits the materials → the city evaluates → starts. */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const POLICY = 'meishan-medical-community-insurance'

describe('the application procedure (眉山 五、实施步骤)', () => {
  let t: TestApp
  let planId: string

  beforeAll(async () => {
    t = await makeTestApp('2020-08-03T09:00:00+08:00')
    ;({ planId } = await startBundledPlan(t, 'meishan', {
      'county-healthcare-security-bureaus': [
        { id: 'dongpo-healthcare-security-bureau', name: '东坡区医疗保障局' },
        { id: 'renshou-healthcare-security-bureau', name: '仁寿县医疗保障局' },
      ],
    }))
  })

  it('opens one application per district supplied at plan start', async () => {
    const rows = await t.db
      .selectFrom('task')
      .select(['assignee', 'state'])
      .where('plan_id', '=', planId)
      .where('kind', '=', 'procedure')
      .execute()
    expect(rows.sort((a, b) => a.assignee.localeCompare(b.assignee))).toEqual([
      { assignee: 'dongpo-healthcare-security-bureau', state: 'step:collect-and-submit' },
      { assignee: 'renshou-healthcare-security-bureau', state: 'step:collect-and-submit' },
    ])
  })

  it('moves from the district to the city, back on a return, and on to implementation', async () => {
    const id = await taskId(t, planId, 'reform-application', 'dongpo-healthcare-security-bureau')
    const district = await loginAs(t, 'dongpo', {
      units: [{ policyId: POLICY, unitId: 'dongpo-healthcare-security-bureau' }],
    })
    const city = await loginAs(t, 'city', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'city-healthcare-security-bureau' }],
    })
    const step = async (client: typeof city, body: object) => {
      const response = await client.post(`/api/tasks/${id}/events`, body)
      return {
        status: response.status,
        state: ((await response.json()) as { state?: string }).state,
      }
    }
    expect(await step(city, { type: 'COMPLETE' })).toMatchObject({ status: 403 }) // not the city's step yet
    const materials = {
      county: '东坡区',
      countyReformPlan: '东坡区人民政府工作方案',
      supportingEvidence: '"六统一"佐证材料',
      sixUnifications: true,
      itInGovernmentPlan: false,
    }
    const incomplete = await district.post(`/api/tasks/${id}/events`, {
      type: 'COMPLETE',
      data: { county: '东坡区' },
    })
    expect(incomplete.status).toBe(422) // the application materials form (眉山 五、(一)) names what must be supplied
    expect(await step(district, { type: 'COMPLETE', data: materials })).toEqual({
      status: 200,
      state: 'step:comprehensive-evaluation',
    })
    const cityInbox = await (await city.get('/api/tasks')).json()
    expect(
      cityInbox.tasks
        .filter((task: { kind: string }) => task.kind === 'procedure')
        .map((task: { id: string }) => task.id),
    ).toEqual([id])
    expect(await step(district, { type: 'COMPLETE' })).toMatchObject({ status: 403 }) // the district cannot evaluate itself
    expect(
      await step(city, { type: 'RETURN', reason: '信息系统建设纳入政府规划的佐证不足' }),
    ).toEqual({ status: 200, state: 'step:collect-and-submit' })
    expect(
      await step(district, { type: 'COMPLETE', data: { ...materials, itInGovernmentPlan: true } }),
    ).toEqual({ status: 200, state: 'step:comprehensive-evaluation' })
    expect(await step(city, { type: 'COMPLETE' })).toEqual({
      status: 200,
      state: 'step:launch-decision',
    })
    expect(await step(city, { type: 'COMPLETE' })).toEqual({
      status: 200,
      state: 'step:implement-measures',
    })
    // 落实各项政策措施 names no actor: it is carried out where the procedure applies, by the district.
    expect(await step(district, { type: 'COMPLETE' })).toEqual({ status: 200, state: 'done' })
    const detail = await (await district.get(`/api/tasks/${id}`)).json()
    expect(detail.procedure.steps.map((s: { id: string }) => s.id)).toEqual([
      'collect-and-submit',
      'comprehensive-evaluation',
      'launch-decision',
      'implement-measures',
    ])
    expect(detail.context.returns).toBe(1)
  })
})
