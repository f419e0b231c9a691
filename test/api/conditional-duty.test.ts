/**
 * A duty that starts when an event happens (`startsWhen`): Meishan's monthly transfer of the
 * “打包付费” total (四、(一)2) begins only once a county's reform is launched after its
 * evaluation (五、(二)) — no task and no timer before, this month's task and next month's timer
 * after. An optional duty (`optional`) makes nothing on its own.
 */
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'

const POLICY = 'meishan-medical-community-insurance'

describe('a duty that starts when a procedure step is done (startsWhen)', () => {
  it('makes no task and no timer before the launch, and this month’s tasks and the next month’s timer after', async () => {
    const t = await makeTestApp('2020-08-03T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'meishan', {
      'county-healthcare-security-bureaus': [
        { id: 'dongpo-healthcare-security-bureau', name: '东坡区医疗保障局' },
      ],
      'insurance-agencies': [
        { id: 'dongpo-insurance-agency', name: '东坡区医疗保障事务中心' },
        { id: 'renshou-insurance-agency', name: '仁寿县医疗保障事务中心' },
      ],
    })
    const transfers = () =>
      t.db
        .selectFrom('task')
        .select(['assignee', 'period', 'due_on'])
        .where('plan_id', '=', planId)
        .where('source_id', '=', 'monthly-package-transfer')
        .orderBy('assignee')
        .execute()
    const transferTimers = async () =>
      (
        await t.db
          .selectFrom('timer')
          .select(['kind', 'payload'])
          .where('plan_id', '=', planId)
          .where('kind', '=', 'period-open')
          .execute()
      ).filter((timer) => timer.payload.includes('monthly-package-transfer'))
    expect(await transfers()).toEqual([])
    expect(await transferTimers()).toEqual([])
    // The optional duty (一个总额 where regional total control exists) makes nothing either.
    const optional = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', planId)
      .where('source_id', '=', 'single-total-management')
      .execute()
    expect(optional).toEqual([])

    // 东坡 applies in August; the city evaluates and launches in October.
    const id = await taskId(t, planId, 'reform-application', 'dongpo-healthcare-security-bureau')
    const district = await loginAs(t, 'dongpo', {
      units: [{ policyId: POLICY, unitId: 'dongpo-healthcare-security-bureau' }],
    })
    const city = await loginAs(t, 'city', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'city-healthcare-security-bureau' }],
    })
    const complete = async (client: typeof city, data?: object) =>
      (
        await client.post(`/api/tasks/${id}/events`, {
          type: 'COMPLETE',
          ...(data ? { data } : {}),
        })
      ).status
    expect(
      await complete(district, {
        county: '东坡区',
        countyReformPlan: '东坡区人民政府工作方案',
        supportingEvidence: '“六统一”及信息系统规划佐证材料',
        sixUnifications: true,
        itInGovernmentPlan: true,
      }),
    ).toBe(200)
    expect(await complete(city)).toBe(200) // evaluated: the reform is not launched yet
    expect(await transfers()).toEqual([])
    t.clock.set('2020-10-12T09:00:00+08:00')
    const cityAgain = await loginAs(t, 'city-october', {
      roles: ['reviewer'],
      units: [{ policyId: POLICY, unitId: 'city-healthcare-security-bureau' }],
    })
    expect(await complete(cityAgain)).toBe(200) // 启动实施

    // October's transfer for each agency (earlier months are past and not owed), and a timer
    // that opens November's.
    expect(await transfers()).toEqual([
      { assignee: 'dongpo-insurance-agency', period: '2020-10', due_on: '2020-10-31' },
      { assignee: 'renshou-insurance-agency', period: '2020-10', due_on: '2020-10-31' },
    ])
    const timers = await transferTimers()
    expect(timers).toHaveLength(1)
    expect(JSON.parse(timers[0]!.payload)).toMatchObject({ duty: 'monthly-package-transfer' })
    const started = await t.db.selectFrom('duty_start').selectAll().execute()
    expect(started).toEqual([
      expect.objectContaining({
        plan_id: planId,
        duty_id: 'monthly-package-transfer',
        cause: 'procedure-step reform-application/launch-decision',
      }),
    ])
  })

  it('starts an optional duty only when the office activates it, once, and refuses a duty that is not optional', async () => {
    const t = await makeTestApp('2021-03-01T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'meishan', {})
    const admin = await loginAs(t, 'root', { roles: ['admin'] })
    const activate = (duty: string) =>
      admin.post(`/api/plans/${planId}/duties/${duty}/activate`, {
        reason: '东坡区已按 DRG 付费实现部分区域性总控',
      })
    const first = await activate('single-total-management')
    expect(first.status, await first.clone().text()).toBe(201)
    expect(await first.json()).toMatchObject({
      duty: 'single-total-management',
      condition: expect.stringContaining('区域性总控'),
    })
    expect(await t.db.selectFrom('duty_start').select(['duty_id', 'cause']).execute()).toEqual([
      {
        duty_id: 'single-total-management',
        cause: 'activated: 东坡区已按 DRG 付费实现部分区域性总控',
      },
    ])
    expect((await activate('single-total-management')).status).toBe(409)
    const notOptional = await activate('publicity')
    expect(notOptional.status).toBe(422)
    expect((await activate('no-such-duty')).status).toBe(404)
  })
})
