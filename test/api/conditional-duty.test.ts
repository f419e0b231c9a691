/**
 * A duty that starts when an event happens (`startsWhen`): Meishan's monthly transfer of the
 * “打包付费” total (四、(一)2) begins only once a county's reform is launched after its
 * evaluation (五、(二)) — no task and no timer before, this month's task and next month's timer
 * after. An optional duty (`optional`) makes nothing on its own.
 */
import { readFileSync } from 'node:fs'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { enterValues, MEISHAN_MEMBERS, meishanInputs } from '../helpers/meishan.ts'
import { loginAs, makeTestApp, startBundledPlan, taskId } from '../helpers/test-app.ts'

const POLICY = 'meishan-medical-community-insurance'

describe('a duty that starts on an event (startsWhen) or an activation (optional)', () => {
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

  it('starts a duty waiting for an assessment’s results when they are published, and not before', async () => {
    const t = await makeTestApp('2020-12-20T09:00:00+08:00')
    // 结果应用 waits for the results; the document names no unit for it, so this copy names one.
    const yaml = readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8')
    const named = yaml.replace(
      '    lead:\n      unspecified: 文件未明确由哪个单位执行结果应用\n',
      '    lead:\n      - city-healthcare-security-bureau\n',
    )
    expect(named).not.toBe(yaml)
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: named,
      sourceText: readFileSync('policies/meishan/source.txt', 'utf8'),
    })
    const { plan } = await startPlan(t, t.clock, 'test', {
      versionId: version.id,
      members: MEISHAN_MEMBERS,
    })
    const results = () =>
      t.db
        .selectFrom('task')
        .select(['assignee', 'period'])
        .where('plan_id', '=', plan.id)
        .where('source_id', '=', 'apply-assessment-results')
        .execute()
    expect(await results()).toEqual([])
    for (const unit of ['dongpo-mc', 'renshou-mc'])
      await enterValues(
        t,
        plan.id,
        unit,
        '2020',
        meishanInputs({ rehab_payment_reform_started: false }),
      )
    const bureau = await loginAs(t, 'bureau', {
      units: [{ policyId: plan.policy_id, unitId: 'city-healthcare-security-bureau' }],
    })
    const runs = `/api/plans/${plan.id}/assessments/reform-assessment/runs`
    expect((await bureau.post(runs, { year: 2020 })).status).toBe(201)
    expect((await bureau.post(`${runs}/2020/review`, { note: '已核对' })).status).toBe(200)
    expect(await results()).toEqual([]) // computed and reviewed, not yet published
    expect((await bureau.post(`${runs}/2020/publish`)).status).toBe(200)
    expect(await results()).toEqual([
      { assignee: 'city-healthcare-security-bureau', period: 'once' },
    ])
  })
})
