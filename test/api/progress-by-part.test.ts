/**
 * GET /api/plans/:id/progress groups the tasks by the document's own parts, apart from phases,
 * each with the heading the config gives it (`structure.parts`).
 */
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginAs, makeTestApp, startBundledPlan } from '../helpers/test-app.ts'

describe('GET /api/plans/:id/progress by the document’s parts', () => {
  it('counts Pingnan’s duties under 一、 to 五、 in document order with their headings, every lead task once', async () => {
    const t = await makeTestApp('2018-07-02T09:00:00+08:00')
    const { planId, policyId } = await startBundledPlan(t, 'pingnan')
    const office = await loginAs(t, 'office', {
      units: [{ policyId, unitId: 'leadership-group-office' }],
    })
    const response = await office.get(`/api/plans/${planId}/progress`)
    expect(response.status).toBe(200)
    const { parts } = (await response.json()) as {
      parts: Array<{ part: string; title: string | null; duties: number; tasks: { total: number } }>
    }
    expect(parts.map((p) => p.part)).toEqual(['一、', '二、', '三、', '四、', '五、'])
    expect(parts.map((p) => p.title)).toEqual([
      '总体要求',
      '组建及管理',
      '工作步骤',
      '保障措施',
      '组织实施',
    ])
    const tasks = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', planId)
      .where('kind', '=', 'responsibility')
      .where('role', '!=', 'sub')
      .execute()
    expect(parts.reduce((sum, p) => sum + p.tasks.total, 0)).toBe(tasks.length)
  })

  it('gives each part the heading the config names for it, and null where it names none', async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const yaml = withReplaced(
      'responsibilities:\n',
      'structure:\n  parts:\n    - { clause: 三、, title: 工作步骤 }\nresponsibilities:\n',
    )
    const { version } = await publishPolicy(t, t.clock, 'test', {
      yaml,
      sourceText: MINIMAL_SOURCE,
    })
    const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id })
    const office = await loginAs(t, 'office', {
      units: [{ policyId: 'demo-county-plan', unitId: 'reform-office' }],
    })
    const response = await office.get(`/api/plans/${plan.id}/progress`)
    expect(response.status).toBe(200)
    const { parts } = (await response.json()) as {
      parts: Array<{ part: string; title: string | null; duties: number }>
    }
    expect(parts.map(({ part, title, duties }) => ({ part, title, duties }))).toEqual([
      { part: '三、', title: '工作步骤', duties: 2 },
      { part: '二、', title: null, duties: 1 },
    ])
  })
})
