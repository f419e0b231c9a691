/**
 * Indicators against targets for a unit, a group and the region, through GET
 * /api/plans/:id/indicators — the figures behind the leadership dashboard's trend charts.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { upsertValues } from '../../server/indicators/value-store.ts'
import { MEISHAN_MEMBERS as MEMBERS } from '../helpers/meishan.ts'
import { copiedFixture, loginAs, startBundledPlan } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Series {
  scope: { id: string; kind: string }
  scopes: Array<{ id: string }>
  years: number[]
  indicators: Array<{
    id: string
    rollup: string
    series: Array<{
      year: number
      value: string | null
      status: string
      gap: string | null
      target: { value: string } | null
      reporting: number
      partial: boolean
    }>
  }>
}

describe('indicator series', () => {
  let t: TestApp
  let planId: string
  let leader: Client
  let dongpo: Client

  // Every test starts from Meishan's plan with two users logged in: built once, copied for each.
  const fixture = copiedFixture('2021-12-20T09:00:00+08:00', async (t) => {
    const started = await startBundledPlan(t, 'meishan', MEMBERS)
    return {
      planId: started.planId,
      leader: await loginAs(t, 'leader', {
        roles: ['leader'],
        units: [{ policyId: started.policyId, unitId: 'city-leading-group' }],
      }),
      dongpo: await loginAs(t, 'dongpo', {
        units: [{ policyId: started.policyId, unitId: 'dongpo-mc' }],
      }),
    }
  })

  beforeEach(async () => {
    ;({ t, planId, leader, dongpo } = await fixture())
    const rows = [
      ['dongpo-mc', '2020', { county_visits: 8700, total_visits: 10000 }],
      ['dongpo-mc', '2021', { county_visits: 9100, total_visits: 10000 }],
      ['renshou-mc', '2021', { county_visits: 26000, total_visits: 30000 }],
    ] as const
    await upsertValues(
      t.db,
      rows.flatMap(([unit, period, values]) =>
        Object.entries(values).map(([element, value]) => ({
          plan_id: planId,
          element_id: element,
          unit_id: unit,
          period,
          value: String(value),
          source: 'api' as const,
          task_id: null,
          entered_by: 'test',
          entered_at: '2021-12-20T01:00:00Z',
        })),
      ),
    )
  })

  it('shows a unit’s values against each year’s target, with the gap', async () => {
    const body = (await (
      await leader.get(`/api/plans/${planId}/indicators?scope=dongpo-mc`)
    ).json()) as Series
    expect(body.years).toEqual([2020, 2021])
    const visits = body.indicators.find((i) => i.id === 'county-visit-rate')!
    expect(visits.series.map((p) => [p.year, p.value, p.target?.value, p.status, p.gap])).toEqual([
      [2020, '87', '88', 'not-met', '1'],
      [2021, '91', '90', 'met', '0'],
    ])
    expect(body.indicators.find((i) => i.id === 'public-satisfaction')!.series[0]!.status).toBe(
      'missing',
    )
  })

  it('measures a 较试点前 target against the unit’s own 2019 value, and says when 2019 has none', async () => {
    t.clock.set('2023-01-10T09:00:00+08:00')
    const { policy_id: policyId } = await t.db
      .selectFrom('plan')
      .select('policy_id')
      .where('id', '=', planId)
      .executeTakeFirstOrThrow()
    // The clock moved past the session's life: sign in again.
    const reader = await loginAs(t, 'leader-2023', {
      roles: ['leader'],
      units: [{ policyId, unitId: 'city-leading-group' }],
    })
    const rows = [
      ['dongpo-mc', '2019', { primary_outpatient_visits: 5000, outpatient_visits: 10000 }],
      ['dongpo-mc', '2022', { primary_outpatient_visits: 5400, outpatient_visits: 10000 }],
      ['renshou-mc', '2022', { primary_outpatient_visits: 6000, outpatient_visits: 10000 }],
    ] as const
    await upsertValues(
      t.db,
      rows.flatMap(([unit, period, values]) =>
        Object.entries(values).map(([element, value]) => ({
          plan_id: planId,
          element_id: element,
          unit_id: unit,
          period,
          value: String(value),
          source: 'api' as const,
          task_id: null,
          entered_by: 'test',
          entered_at: '2023-01-10T01:00:00Z',
        })),
      ),
    )
    const share = async (scope: string) => {
      const body = (await (
        await reader.get(`/api/plans/${planId}/indicators?scope=${scope}`)
      ).json()) as Series
      const indicator = body.indicators.find((i) => i.id === 'primary-outpatient-share')!
      return indicator.series.find(
        (p) => p.year === 2022,
      )! as Series['indicators'][0]['series'][0] & {
        target: { value: string; baseline?: string | null } | null
        problem: { zh: string } | null
      }
    }
    // 50% in 2019, so 2022's target is 55%: 54% falls 1 point short.
    expect(await share('dongpo-mc')).toMatchObject({
      value: '54',
      status: 'not-met',
      gap: '1',
      target: { value: '55', baseline: '50' },
    })
    // 仁寿 entered no 2019 figure: no baseline value, neither met nor missed.
    const renshou = await share('renshou-mc')
    expect(renshou).toMatchObject({ value: '60', status: 'no-baseline', target: null })
    expect(renshou.problem!.zh).toContain('缺基线值')
  })

  it('pools a rate over the members for the region: all visits over all visits, not a mean of rates', async () => {
    const body = (await (
      await leader.get(`/api/plans/${planId}/indicators?scope=region`)
    ).json()) as Series
    const visits = body.indicators.find((i) => i.id === 'county-visit-rate')!
    expect(visits.rollup).toBe('pooled')
    // (9,100 + 26,000) / (10,000 + 30,000) = 87.75%, where the mean of rates would be 88.83%.
    expect(visits.series[1]).toMatchObject({
      value: '87.75',
      status: 'not-met',
      reporting: 2,
      partial: false,
    })
    // 2020 has only 东坡's figures: the region's point says it is partial.
    expect(visits.series[0]).toMatchObject({ value: '87', reporting: 1, partial: true })
  })

  it('averages a plain count over the members, as its per-unit target reads, instead of summing it', async () => {
    await upsertValues(
      t.db,
      [
        ['dongpo-mc', '12'],
        ['renshou-mc', '8'],
      ].map(([unit, value]) => ({
        plan_id: planId,
        element_id: 'day_surgery_kinds',
        unit_id: unit!,
        period: '2021',
        value: value!,
        source: 'api' as const,
        task_id: null,
        entered_by: 'test',
        entered_at: '2021-12-20T01:00:00Z',
      })),
    )
    const body = (await (
      await leader.get(`/api/plans/${planId}/indicators?scope=region`)
    ).json()) as Series
    const kinds = body.indicators.find((i) => i.id === 'day-surgery-kinds')!
    expect(kinds.rollup).toBe('mean')
    expect(kinds.series[1]).toMatchObject({ value: '10', reporting: 2 })
  })

  it('leaves out of a pooled rate a member that entered only part of its inputs', async () => {
    // 仁寿 entered its 2020 county visits but not yet the total: pooling it would give
    // (8,700 + 26,000) / 10,000 = 347%.
    await upsertValues(t.db, [
      {
        plan_id: planId,
        element_id: 'county_visits',
        unit_id: 'renshou-mc',
        period: '2020',
        value: '26000',
        source: 'api',
        task_id: null,
        entered_by: 'test',
        entered_at: '2021-12-20T01:00:00Z',
      },
    ])
    const body = (await (
      await leader.get(`/api/plans/${planId}/indicators?scope=region`)
    ).json()) as Series
    const visits = body.indicators.find((i) => i.id === 'county-visit-rate')!
    expect(visits.series[0]).toMatchObject({ value: '87', status: 'not-met', reporting: 1 })
  })

  it('lets a unit see its own figures and the region’s, but not another unit’s', async () => {
    const own = (await (await dongpo.get(`/api/plans/${planId}/indicators`)).json()) as Series
    expect(own.scope.id).toBe('dongpo-mc')
    expect(own.scopes.map((s) => s.id).sort()).toEqual(['dongpo-mc', 'region'])
    const other = await dongpo.get(`/api/plans/${planId}/indicators?scope=renshou-mc`)
    expect(other.status).toBe(400)
  })
})
