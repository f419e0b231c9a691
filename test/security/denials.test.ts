/**
 * Every denied read is audited the same way, whatever was asked for — a plan, an assessment, a
 * unit's result, indicator values, a file, a task: the answer is the 404 a missing thing gets (or
 * the list without what may not be seen), and one `access.denied` entry names what and who.
 */
import { enterValues } from '../helpers/meishan.ts'
import { loginAs, makeTestApp, taskId } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import type { RegionPlan } from '../helpers/two-regions.ts'

const MISSING = '01900000-0000-7000-8000-000000000000'

describe('denied reads', () => {
  let t: TestApp
  let a: RegionPlan
  let b: RegionPlan
  let aFinance: Client
  let aHealth: Client
  let bFinance: Client
  let hospital: string

  const denials = async (entity: string, entityId: string) =>
    (
      await t.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'access.denied')
        .where('entity', '=', entity)
        .where('entity_id', '=', entityId)
        .execute()
    ).map((row) => ({
      actor: row.actor,
      username: (JSON.parse(row.payload) as { username: string }).username,
    }))
  const userId = async (username: string) =>
    (
      await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id
  const allDenials = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'access.denied')
          .executeTakeFirstOrThrow()
      ).n,
    )

  beforeAll(async () => {
    t = await makeTestApp()
    ;({ a, b } = await startTwoRegions(t))
    hospital = `${a.policyId}-hospital`
    aFinance = await loginAs(t, 'a-finance', {
      units: [{ policyId: a.policyId, unitId: 'finance-bureau' }],
    })
    aHealth = await loginAs(t, 'a-health', {
      units: [{ policyId: a.policyId, unitId: 'health-bureau' }],
    })
    bFinance = await loginAs(t, 'b-finance', {
      units: [{ policyId: b.policyId, unitId: 'finance-bureau' }],
    })
    await enterValues(t, a.planId, 'health-bureau', '2018', {
      county_visits: 9000,
      total_visits: 10000,
    })
  })

  const crossRegion = (plan: () => string) =>
    [
      ['plan', '', 'plan'],
      ['plan progress', '/progress', 'plan'],
      ['plan escalations', '/escalations', 'plan'],
      ['plan ledger', '/ledger', 'plan'],
      ['plan ledger as Excel', '/ledger.xlsx', 'plan'],
      ['plan bulletin', '/bulletin', 'plan'],
      ['assessments', '/assessments', 'assessment'],
      ['an assessment run', '/assessments/annual/runs/2018', 'assessment', '/annual'],
      [
        'a unit’s assessment report',
        '/assessments/annual/runs/2018/units/finance-bureau',
        'assessment',
        '/annual',
      ],
      ['indicator values', '/indicator-values', 'indicator_value'],
      ['indicator inputs', '/indicator-values/inputs', 'indicator_value'],
      ['indicators', '/indicators', 'indicator_value'],
    ].map(([name, path, entity, suffix = '']) => ({
      name: name!,
      path: `/api/plans/${plan()}${path}`,
      missing: `/api/plans/${MISSING}${path}`,
      entity: entity!,
      entityId: () => `${plan()}${suffix}`,
    }))

  it.each(crossRegion(() => '').map((route) => route.name))(
    'answers another region’s %s like a missing one, and audits it',
    async (name) => {
      const route = crossRegion(() => a.planId).find((r) => r.name === name)!
      const before = await allDenials()
      const earlier = (await denials(route.entity, route.entityId())).length
      const denied = await bFinance.get(route.path)
      const absent = await bFinance.get(route.missing)
      expect(denied.status).toBe(404)
      expect(await denied.json()).toEqual(await absent.json())
      const entries = await denials(route.entity, route.entityId())
      expect(entries.slice(earlier)).toEqual([
        { actor: await userId('b-finance'), username: 'b-finance' },
      ])
      expect(await allDenials()).toBe(before + 1)
    },
  )

  it('answers another unit’s assessment result like a unit that is not assessed, and audits it', async () => {
    const path = `/api/plans/${a.planId}/assessments/annual/runs/2018/units`
    const denied = await aFinance.get(`${path}/${hospital}`)
    const absent = await aFinance.get(`${path}/no-such-unit`)
    expect(denied.status).toBe(404)
    expect(await denied.json()).toEqual(await absent.json())
    expect((await aFinance.get(`${path}/${hospital}/report.xlsx`)).status).toBe(404)
    expect(await denials('assessment', `${a.planId}/annual/2018/${hospital}`)).toEqual([
      { actor: await userId('a-finance'), username: 'a-finance' },
      { actor: await userId('a-finance'), username: 'a-finance' },
    ])
    expect(await denials('assessment', `${a.planId}/annual/2018/no-such-unit`)).toEqual([])
  })

  it('leaves another unit’s indicator values out of a read that names it, and audits it', async () => {
    const response = await aFinance.get(
      `/api/plans/${a.planId}/indicator-values?unit=health-bureau`,
    )
    expect(response.status).toBe(200)
    expect(((await response.json()) as { values: unknown[] }).values).toEqual([])
    expect(await denials('indicator_value', `${a.planId}/health-bureau`)).toEqual([
      { actor: await userId('a-finance'), username: 'a-finance' },
    ])
    // The unit itself reads them, unaudited.
    const own = await aHealth.get(`/api/plans/${a.planId}/indicator-values?unit=health-bureau`)
    expect(((await own.json()) as { values: unknown[] }).values.length).toBe(2)
    expect((await denials('indicator_value', `${a.planId}/health-bureau`)).length).toBe(1)
  })

  it('refuses another unit’s indicator figures as a scope, and audits it', async () => {
    expect(
      (await aFinance.get(`/api/plans/${a.planId}/indicators?scope=health-bureau`)).status,
    ).toBe(400)
    expect((await denials('indicator_value', `${a.planId}/health-bureau`)).length).toBe(2)
  })

  it('answers a file the user may not read like a missing one, and audits it', async () => {
    const uploaded = await aFinance.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
      body: 'A',
    })
    const { id } = (await uploaded.json()) as { id: string }
    const denied = await aHealth.get(`/api/attachments/${id}`)
    expect(denied.status).toBe(404)
    expect(await denied.json()).toEqual(
      await (await aHealth.get(`/api/attachments/${MISSING}`)).json(),
    )
    expect(await denials('attachment', id)).toEqual([
      { actor: await userId('a-health'), username: 'a-health' },
    ])
  })

  it('still audits another unit’s task', async () => {
    const task = await taskId(t, a.planId, 'funding', 'finance-bureau')
    expect((await aHealth.get(`/api/tasks/${task}`)).status).toBe(404)
    expect(await denials('task', task)).toEqual([
      { actor: await userId('a-health'), username: 'a-health' },
    ])
  })

  it('records nothing for ids that name nothing', async () => {
    expect(await denials('plan', MISSING)).toEqual([])
    expect(await denials('attachment', MISSING)).toEqual([])
    expect(await denials('task', MISSING)).toEqual([])
  })
})
