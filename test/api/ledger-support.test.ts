/**
 * A lead task's supporting units in the ledger: every one of them, in the order of their ids,
 * not in the order their tasks were made — on a whole ledger and on a page of it.
 */
import { makeTestApp, loginAs } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import type { Ledger } from '../../schemas/api/responses.schema.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'

/** 1.1.0: the finance bureau supports 制定方案 too; its task is made after the health bureau's. */
const V2 = [
  ['  version: 1.0.0', '  version: 1.1.0'],
  ['support: [health-bureau]', 'support: [health-bureau, finance-bureau]'],
].reduce((text, [from, to]) => withReplaced(from!, to!, text), MINIMAL_POLICY)

describe('the supporting units of a ledger row', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await makeTestApp()
  })

  afterAll(async () => {
    await t.db.destroy()
  })

  it('lists them all, ordered by id, on the whole ledger and on its pages', async () => {
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: MINIMAL_POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id })
    await publishPolicy(t, t.clock, 'test', { yaml: V2, sourceText: MINIMAL_SOURCE })
    const office = await loginAs(t, 'office', {
      roles: ['reviewer'],
      units: [{ policyId: plan.policy_id, unitId: 'leading-group' }],
    })
    const path = `/api/plans/${plan.id}/migration`
    const preview = await (await office.post(path, { toVersion: '1.1.0', dryRun: true })).json()
    const applied = await office.post(path, {
      toVersion: '1.1.0',
      planRevision: preview.planRevision,
    })
    expect(applied.status, await applied.clone().text()).toBe(200)
    for (const query of ['', '?pageSize=1']) {
      const ledger = (await (
        await office.get(`/api/plans/${plan.id}/ledger${query}`)
      ).json()) as Ledger
      const row = ledger.groups.flatMap((group) => group.rows).find((r) => r.title === '制定方案')!
      expect(row.lead.id, query).toBe('reform-office')
      expect(
        row.support.map((unit) => unit.id),
        query,
      ).toEqual(['finance-bureau', 'health-bureau'])
    }
  })
})
