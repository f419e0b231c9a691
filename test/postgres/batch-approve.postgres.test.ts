/**
 * 批量审核通过 on PostgreSQL: the savepoint of each task in the request's one transaction — an
 * approved report stands, a refused task is rolled back to its savepoint and reported.
 */
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { postgresTestApp, startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

const POLICY = withReplaced(
  'due: { unspecified: 文件未规定完成时限 }',
  'due: 2018年10月8日前\n    form: summary-form\n    review: { by: leading-group }',
  MINIMAL_POLICY,
)

describe('batch approval on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startMigratedPostgres>>
  let t: TestApp
  let planId: string
  let policyId: string

  beforeAll(async () => {
    pg = await startMigratedPostgres('luoshi_batch')
    t = postgresTestApp(pg, 'batch')
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml: POLICY,
      sourceText: MINIMAL_SOURCE,
    })
    const started = await startPlan(t, t.clock, 'test', { versionId: version.id })
    planId = started.plan.id
    policyId = started.plan.policy_id
  }, 120_000)

  afterAll(async () => {
    await pg?.stop()
  })

  it('approves the submitted report and reports the one not awaiting review, writing nothing of it', async () => {
    const funding = await taskId(t, planId, 'funding', 'finance-bureau')
    const finance = await loginAs(t, 'finance', { units: [{ policyId, unitId: 'finance-bureau' }] })
    const office = await loginAs(t, 'office', { units: [{ policyId, unitId: 'leading-group' }] })
    expect(
      (
        await finance.post(`/api/tasks/${funding}/events`, {
          type: 'SUBMIT',
          data: { summary: '已落实' },
        })
      ).status,
    ).toBe(200)
    const other = await t.db
      .selectFrom('task')
      .select(['id', 'version'])
      .where('plan_id', '=', planId)
      .where('id', '!=', funding)
      .where('reviewer', '=', 'leading-group')
      .executeTakeFirstOrThrow()
    const body = (await (
      await office.post('/api/tasks/approve', { taskIds: [other.id, funding] })
    ).json()) as { approved: number; results: Array<{ id: string; ok: boolean }> }
    expect(body.approved).toBe(1)
    expect(body.results).toEqual([
      expect.objectContaining({ id: other.id, ok: false }),
      expect.objectContaining({ id: funding, ok: true }),
    ])
    const after = await t.db
      .selectFrom('task')
      .select(['id', 'state', 'version'])
      .where('id', 'in', [other.id, funding])
      .execute()
    expect(after.find((task) => task.id === funding)!.state).toBe('approved')
    expect(after.find((task) => task.id === other.id)!.version).toBe(other.version)
  })
})
