/**
 * An assessor (考核主体) and the units it computes with choose 查看范围 among the units they
 * assess and the group those are assessed as, and enter those units' indicator values; an
 * assessed unit still sees only its own figures.
 */
import { MEISHAN_MEMBERS as MEMBERS } from '../helpers/meishan.ts'
import { copiedFixture, loginAs, startBundledPlan } from '../helpers/test-app.ts'

interface Series {
  scope: { id: string; kind: string }
  scopes: Array<{ id: string; kind: string }>
}

describe('the assessor’s 查看范围 and entry', () => {
  const fixture = copiedFixture('2021-12-20T09:00:00+08:00', async (t) => {
    const started = await startBundledPlan(t, 'meishan', MEMBERS)
    const unit = (unitId: string) => ({ units: [{ policyId: started.policyId, unitId }] })
    return {
      planId: started.planId,
      assessor: await loginAs(t, 'assessor', unit('city-healthcare-security-bureau')),
      partner: await loginAs(t, 'partner', unit('city-health-commission')),
      dongpo: await loginAs(t, 'dongpo', unit('dongpo-mc')),
    }
  })

  it('offers the assessed units and their group, opening on the group', async () => {
    const { planId, assessor, partner } = await fixture()
    for (const client of [assessor, partner]) {
      const series = (await (await client.get(`/api/plans/${planId}/indicators`)).json()) as Series
      expect(series.scope).toMatchObject({ id: 'medical-communities', kind: 'group' })
      expect(series.scopes.map((scope) => scope.id).sort()).toEqual([
        'dongpo-mc',
        'medical-communities',
        'region',
        'renshou-mc',
      ])
      const unit = (await (
        await client.get(`/api/plans/${planId}/indicators?scope=renshou-mc`)
      ).json()) as Series
      expect(unit.scope.id).toBe('renshou-mc')
    }
  })

  it('lets the assessor enter an assessed unit’s values, and nothing of units it does not assess', async () => {
    const { planId, assessor, dongpo } = await fixture()
    const put = await assessor.put(`/api/plans/${planId}/indicator-values`, {
      values: [{ element: 'county_visits', unit: 'renshou-mc', period: '2021', value: 25000 }],
    })
    expect(put.status).toBe(200)
    const read = (await (
      await assessor.get(`/api/plans/${planId}/indicator-values?unit=renshou-mc&period=2021`)
    ).json()) as { values: Array<{ element: string; value: string }> }
    expect(read.values.find((value) => value.element === 'county_visits')?.value).toBe('25000')
    const region = await assessor.put(`/api/plans/${planId}/indicator-values`, {
      values: [{ element: 'county_visits', unit: 'region', period: '2021', value: 1 }],
    })
    expect(region.status).toBe(422)
    // The assessed unit itself still sees only its own figures and the region's.
    const own = (await (await dongpo.get(`/api/plans/${planId}/indicators`)).json()) as Series
    expect(own.scopes.map((scope) => scope.id).sort()).toEqual(['dongpo-mc', 'region'])
  })
})
