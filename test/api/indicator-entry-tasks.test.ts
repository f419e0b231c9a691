/**
 * Indicator entry is a recurring duty like any other: a task per owning unit per period, opened
 * when the period ends and due after it, with the escalation ladder; its generated form checks ranges; submitting it
 * stores the values; indicators without a named owner are entered by the office for the region.
 */
import { upsertValues } from '../../server/indicators/value-store.ts'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { startPlan } from '../../server/plans/start-plan.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { MEISHAN_MEMBERS as MEMBERS, meishanInputs } from '../helpers/meishan.ts'
import {
  copiedFixture,
  loginAs,
  makeTestApp,
  startBundledPlan,
  taskId,
} from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { pingnanYearlyEntry } from '../helpers/pingnan-entry.ts'

/**
 * Publishes Meishan with 县域内就诊率's reporting changed (`frequency` and `entryDue` lines) and
 * a top-level `section` appended, and starts its plan.
 */
async function startVisitRateVariant(t: TestApp, reporting: string, section = '') {
  const visitRate =
    "    owner:\n      - medical-communities\n    targets:\n      - year: 2020\n        op: '>='\n        value: 88"
  const yaml = readFileSync('policies/meishan/medical-community-insurance-2020.yaml', 'utf8')
    .replace(`    frequency: yearly\n${visitRate}`, `${reporting}${visitRate}`)
    .concat(section)
  expect(yaml).toContain(reporting)
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml,
    sourceText: readFileSync('policies/meishan/source.txt', 'utf8'),
  })
  const planId = (await startPlan(t, t.clock, 'test', { versionId: version.id, members: MEMBERS }))
    .plan.id
  return { planId, version }
}

describe('indicator entry tasks', () => {
  // Meishan's plan with 东坡区医共体 logged in, for the tests that start there: built once, copied for
  // each. In January 2022 the entry tasks for 2020 and 2021 are both open (each opens as its year ends).
  const meishanWithDongpo = copiedFixture('2022-01-10T09:00:00+08:00', async (t) => {
    const { planId, policyId } = await startBundledPlan(t, 'meishan', MEMBERS)
    return {
      planId,
      dongpo: await loginAs(t, 'dongpo', { units: [{ policyId, unitId: 'dongpo-mc' }] }),
    }
  })

  it('gives each owning unit a yearly entry task once the year has ended, due the next January, with reminders and escalation', async () => {
    const t = await makeTestApp('2021-01-04T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'meishan', MEMBERS)
    const tasks = () =>
      t.db
        .selectFrom('task')
        .select(['assignee', 'period', 'opens_on', 'due_on', 'kind', 'id'])
        .where('plan_id', '=', planId)
        .where('source_id', '=', 'indicator-entry-yearly')
        .orderBy('period')
        .orderBy('assignee')
        .execute()
    // 2020's figures exist once 2020 is over: reported in January 2021.
    const first = await tasks()
    expect(first.map((task) => [task.assignee, task.period, task.opens_on, task.due_on])).toEqual([
      ['dongpo-mc', '2020', '2021-01-01', '2021-01-31'],
      ['renshou-mc', '2020', '2021-01-01', '2021-01-31'],
    ])
    expect(first.map((task) => task.kind)).toEqual(['indicator-entry', 'indicator-entry'])
    const timers = await t.db
      .selectFrom('timer')
      .select(['kind', 'fire_at'])
      .where('task_id', '=', first[0]!.id)
      .execute()
    expect(timers).toHaveLength(1)
    expect(timers[0]!.kind).toBe('remind')
    // 2021's tasks open when 2021 ends, on 1 January 2022 (Beijing time), due that January.
    const opening = await t.db
      .selectFrom('timer')
      .select(['payload', 'fire_at'])
      .where('plan_id', '=', planId)
      .where('kind', '=', 'period-open')
      .execute()
    const yearly = opening.filter(
      (timer) => JSON.parse(timer.payload).duty === 'indicator-entry-yearly',
    )
    expect(yearly.map((timer) => new Date(timer.fire_at).toISOString())).toEqual([
      '2021-12-31T16:00:00.000Z',
    ])
    t.clock.set('2022-01-01T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    expect(
      (await tasks())
        .filter((task) => task.period === '2021')
        .map((task) => [task.assignee, task.opens_on, task.due_on]),
    ).toEqual([
      ['dongpo-mc', '2022-01-01', '2022-01-31'],
      ['renshou-mc', '2022-01-01', '2022-01-31'],
    ])
  })

  it('waits for the period when a period-open timer armed by an earlier schedule fires before it', async () => {
    const t = await makeTestApp('2021-01-04T09:00:00+08:00')
    const { planId } = await startBundledPlan(t, 'meishan', MEMBERS)
    const opening = () =>
      t.db
        .selectFrom('timer')
        .select(['id', 'status', 'fire_at', 'payload'])
        .where('plan_id', '=', planId)
        .where('kind', '=', 'period-open')
        .execute()
        .then((rows) =>
          rows.filter((row) => JSON.parse(row.payload).duty === 'indicator-entry-yearly'),
        )
    const [timer] = await opening()
    // As a plan started when a year's entry was due at its end: 2021's timer set for its start.
    await t.db
      .updateTable('timer')
      .set({ fire_at: new Date('2021-01-01T00:00:00+08:00').toISOString() })
      .where('id', '=', timer!.id)
      .execute()
    await runDueTimers(t, t.clock)
    const year2021 = () =>
      t.db
        .selectFrom('task')
        .select('id')
        .where('plan_id', '=', planId)
        .where('source_id', '=', 'indicator-entry-yearly')
        .where('period', '=', '2021')
        .execute()
    expect(await year2021()).toEqual([])
    expect(await opening()).toEqual([
      { ...timer!, status: 'pending', fire_at: '2021-12-31T16:00:00.000Z' },
    ])
    t.clock.set('2022-01-01T09:00:00+08:00')
    await runDueTimers(t, t.clock)
    expect(await year2021()).toHaveLength(2)
  })

  it('checks ranges in the generated form and writes nothing when a value is wrong', async () => {
    const { t, planId, dongpo } = await meishanWithDongpo()
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2020')
    const page = (await (await dongpo.get(`/api/tasks/${id}`)).json()) as {
      title: string
      form: { properties: Record<string, { title: string; description: string; minimum?: number }> }
    }
    // The title names its year; the form names no technical id.
    expect(page.title).toBe('2020年 指标数据填报（年度）')
    expect(page.form.properties.county_visits).toMatchObject({
      title: '县域内就诊人次',
      description: '单位：人次。 / Unit: 人次.',
      type: 'integer',
      minimum: 0,
    })
    const response = await dongpo.post(`/api/tasks/${id}/events`, {
      type: 'SAVE',
      data: { county_visits: 12.5, total_visits: -3 },
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as { error: { issues: Array<{ pointer: string }> } }
    expect(body.error.issues.map((issue) => issue.pointer).sort()).toEqual([
      '/data/county_visits',
      '/data/total_visits',
    ])
    const stored = await t.db
      .selectFrom('indicator_value')
      .selectAll()
      .where('plan_id', '=', planId)
      .execute()
    expect(stored).toEqual([])
  })

  it('shows beside each box the value stored for the year before, with thousands separators', async () => {
    const { t, planId, dongpo } = await meishanWithDongpo()
    await upsertValues(t.db, [
      {
        plan_id: planId,
        element_id: 'county_visits',
        unit_id: 'dongpo-mc',
        period: '2020',
        value: '1234567',
        source: 'api',
        task_id: null,
        entered_by: 'test',
        entered_at: '2021-01-10T01:00:00Z',
      },
    ])
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2021')
    const page = (await (await dongpo.get(`/api/tasks/${id}`)).json()) as {
      form: { properties: Record<string, { description?: string }> }
    }
    expect(page.form.properties.county_visits!.description).toBe(
      '单位：人次。上年（2020年）：1,234,567 / Unit: 人次. Last year (2020): 1,234,567',
    )
    // An input with nothing stored the year before shows no such line.
    expect(page.form.properties.total_visits!.description).toBe('单位：人次。 / Unit: 人次.')
  })

  it('has the office enter region-wide figures when the document names no owner (Pingnan)', async () => {
    const t = await makeTestApp('2019-01-10T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const office = await loginAs(t, 'office', {
      units: [{ policyId, unitId: 'leadership-group-office' }],
    })
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'leadership-group-office', '2018')
    const page = (await (await office.get(`/api/tasks/${id}`)).json()) as {
      title: string
      form: { required: string[] }
      allowedEvents: string[]
    }
    expect(page.title).toBe('2018年 指标数据填报（年度）：全区域')
    const data = pingnanYearlyEntry(page.form.required)
    const submitted = await office.post(`/api/tasks/${id}/events`, { type: 'SUBMIT', data })
    expect(submitted.status, await submitted.clone().text()).toBe(200)
    const stored = await t.db
      .selectFrom('indicator_value')
      .select(['unit_id', 'element_id', 'value', 'source', 'task_id'])
      .where('plan_id', '=', planId)
      .where('element_id', '=', 'township_centers_total')
      .execute()
    expect(stored).toEqual([
      {
        unit_id: 'region',
        element_id: 'township_centers_total',
        value: '10',
        source: 'form',
        task_id: id,
      },
    ])
    const flag = await t.db
      .selectFrom('indicator_value')
      .select('value')
      .where('plan_id', '=', planId)
      .where('element_id', '=', 'alliance-policy-system')
      .executeTakeFirstOrThrow()
    expect(flag.value).toBe('true')
  })

  it('is fulfilled by values that arrive another way: shown in the form while partial, submitted once complete', async () => {
    const { t, planId, dongpo } = await meishanWithDongpo()
    const id = await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2020')
    const values = Object.entries(meishanInputs({ rehab_payment_reform_started: false })).map(
      ([element, value]) => ({ element, unit: 'dongpo-mc', period: '2020', value }),
    )

    // Part of the year: the task stays open, and its form starts from what is stored.
    const partial = await dongpo.put(`/api/plans/${planId}/indicator-values`, {
      values: values.slice(0, 2),
    })
    expect(await partial.json()).toEqual({ applied: 2, submittedTasks: 0 })
    const open = (await (await dongpo.get(`/api/tasks/${id}`)).json()) as {
      state: string
      data: Record<string, unknown>
    }
    expect(open.state).toBe('assigned')
    expect(open.data).toEqual({
      [values[0]!.element]: values[0]!.value,
      [values[1]!.element]: values[1]!.value,
    })

    // The rest: the task is submitted with the stored values, by whoever entered them, and its
    // reminders and escalation stop. Meishan names nobody to review entry, and only a review
    // approves indicator data: the task stays submitted, its values correctable.
    const rest = await dongpo.put(`/api/plans/${planId}/indicator-values`, {
      values: values.slice(2),
    })
    expect(await rest.json()).toEqual({ applied: values.length - 2, submittedTasks: 1 })
    const done = (await (await dongpo.get(`/api/tasks/${id}`)).json()) as {
      state: string
      data: Record<string, unknown>
      history: Array<{ type: string; actorName: string }>
    }
    expect(done.state).toBe('submitted')
    expect(done.data).toEqual(meishanInputs({ rehab_payment_reform_started: false }))
    expect(done.history.at(-1)).toMatchObject({ type: 'SUBMIT', actorName: 'dongpo' })
    const pending = await t.db
      .selectFrom('timer')
      .select('id')
      .where('task_id', '=', id)
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toEqual([])
    // The other year's task is untouched.
    const other = await t.db
      .selectFrom('task')
      .select('state')
      .where('id', '=', await taskId(t, planId, 'indicator-entry-yearly', 'dongpo-mc', '2021'))
      .executeTakeFirstOrThrow()
    expect(other.state).toBe('assigned')
  })

  it('stores a one-off (once) report’s values for the year it is due, where series and assessments read them', async () => {
    const t = await makeTestApp('2021-03-01T09:00:00+08:00')
    const { planId, version } = await startVisitRateVariant(
      t,
      '    frequency: once\n    entryDue: 2021年6月30日前\n',
    )
    const dongpo = await loginAs(t, 'dongpo', {
      units: [{ policyId: version.policy_id, unitId: 'dongpo-mc' }],
    })
    const task = await t.db
      .selectFrom('task')
      .select(['id', 'period', 'due_on'])
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'dongpo-mc')
      .where('source_id', '=', 'indicator-entry-once')
      .executeTakeFirstOrThrow()
    expect(task).toMatchObject({ period: 'once', due_on: '2021-06-30' })
    await dongpo.post(`/api/tasks/${task.id}/events`, { type: 'START' })
    const submitted = await dongpo.post(`/api/tasks/${task.id}/events`, {
      type: 'SUBMIT',
      data: { county_visits: 9100, total_visits: 10000 },
    })
    expect(submitted.status).toBe(200)
    const stored = await t.db
      .selectFrom('indicator_value')
      .select(['element_id', 'period', 'value'])
      .where('plan_id', '=', planId)
      .orderBy('element_id')
      .execute()
    expect(stored).toEqual([
      { element_id: 'county_visits', period: '2021', value: '9100' },
      { element_id: 'total_visits', period: '2021', value: '10000' },
    ])
    const series = (await (
      await dongpo.get(`/api/plans/${planId}/indicators?scope=dongpo-mc`)
    ).json()) as {
      indicators: Array<{ id: string; series: Array<{ year: number; value: string | null }> }>
    }
    expect(
      series.indicators
        .find((indicator) => indicator.id === 'county-visit-rate')!
        .series.find((point) => point.year === 2021)!.value,
    ).toBe('91')
  })

  it('keeps an indicator’s own entryDue in its own duty, and follows it', async () => {
    const t = await makeTestApp('2021-03-01T09:00:00+08:00')
    const { planId } = await startVisitRateVariant(
      t,
      '    frequency: yearly\n    entryDue: 次年1月\n',
    )
    const tasks = await t.db
      .selectFrom('task')
      .select(['source_id', 'period', 'opens_on', 'due_on'])
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'dongpo-mc')
      .where('kind', '=', 'indicator-entry')
      .orderBy('source_id')
      .orderBy('period')
      .execute()
    // 县域内就诊率 names 次年1月, the same as the default, yet keeps the duty it had before the
    // default changed: its plan's tasks stay matched by duty id when the plan moves versions.
    expect(tasks).toEqual([
      {
        source_id: 'indicator-entry-yearly',
        period: '2020',
        opens_on: '2021-01-01',
        due_on: '2021-01-31',
      },
      {
        source_id: 'indicator-entry-yearly-2',
        period: '2020',
        opens_on: '2021-01-01',
        due_on: '2021-01-31',
      },
    ])
  })

  it('takes the office’s own default deadline from indicatorEntry.due', async () => {
    const t = await makeTestApp('2021-03-15T09:00:00+08:00')
    const { planId } = await startVisitRateVariant(
      t,
      '    frequency: yearly\n    entryDue: 次年3月中旬\n',
      'indicatorEntry:\n  due:\n    yearly: 次年2月\n',
    )
    const tasks = await t.db
      .selectFrom('task')
      .select(['source_id', 'period', 'opens_on', 'due_on'])
      .where('plan_id', '=', planId)
      .where('assignee', '=', 'dongpo-mc')
      .where('kind', '=', 'indicator-entry')
      .orderBy('source_id')
      .orderBy('period')
      .execute()
    expect(tasks).toEqual([
      // 县域内就诊率 follows its own entryDue: 2020's figures from 11 to 20 March 2021.
      {
        source_id: 'indicator-entry-yearly',
        period: '2020',
        opens_on: '2021-03-11',
        due_on: '2021-03-20',
      },
      // The rest follow the office's default: 2020's figures in February 2021.
      {
        source_id: 'indicator-entry-yearly-2',
        period: '2020',
        opens_on: '2021-02-01',
        due_on: '2021-02-28',
      },
    ])
  })
})
