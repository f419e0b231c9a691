/**
 * A plan for the office's documents: the minimal policy with a hostile task title, a bulletin
 * template, and a funding duty the office reviews; started on 2 April 2018 and read on 2 May 2018,
 * three weeks past the hostile task's deadline (red, up the escalation ladder, urged once by the
 * office), with the funding task approved that day.
 */
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from './minimal-policy.ts'
import { loginAs, taskId } from './test-app.ts'
import type { Client, TestApp } from './test-app.ts'

export const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","点我") <w:t>&amp; 方案'
export const URGE_MESSAGE = '请于本周内报送 <b>方案</b> & 说明'

export const OFFICE_POLICY = [
  (text: string) => withReplaced('    title: 制定方案\n', `    title: '${HOSTILE_TITLE}'\n`, text),
  (text: string) =>
    withReplaced(
      'due: { unspecified: 文件未规定完成时限 }',
      'due: 2018年10月8日前\n    form: summary-form\n    review: { by: leading-group }',
      text,
    ),
  (text: string) =>
    withReplaced(
      'dataElements:\n',
      `supervision:
  bulletin:
    title: '{plan}督办情况通报（{from}至{to}）'
    closing: 请于5个工作日内报送{office}。
dataElements:
`,
      text,
    ),
].reduce((text, edit) => edit(text), MINIMAL_POLICY)

export interface OfficePlan {
  planId: string
  /** The reform office's 制定方案 task with the hostile title: overdue, urged. */
  hostileId: string
  /** The finance bureau's funding task, approved on the day read. */
  fundingId: string
  office: Client
  finance: Client
}

/** Publishes {@link OFFICE_POLICY}, starts its plan and brings it to 2 May 2018 (see the module). */
export async function startOfficePlan(t: TestApp): Promise<OfficePlan> {
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: OFFICE_POLICY,
    sourceText: MINIMAL_SOURCE,
  })
  const started = await startPlan(t, t.clock, 'test', { versionId: version.id })
  const planId = started.plan.id
  const policyId = started.plan.policy_id
  const hostileId = await taskId(t, planId, 'draft-plan', 'reform-office')
  const fundingId = await taskId(t, planId, 'funding', 'finance-bureau')
  t.clock.set('2018-05-02T09:00:00+08:00')
  await runDueTimers(t, t.clock)
  const office = await loginAs(t, 'office', {
    roles: ['reviewer'],
    units: [{ policyId, unitId: 'leading-group' }],
  })
  const finance = await loginAs(t, 'finance', { units: [{ policyId, unitId: 'finance-bureau' }] })
  const expectOk = async (response: Promise<Response>) => {
    const answer = await response
    if (answer.status >= 300) throw new Error(`${answer.status} ${await answer.text()}`)
  }
  await expectOk(office.post(`/api/tasks/${hostileId}/urge`, { message: URGE_MESSAGE }))
  await expectOk(finance.post(`/api/tasks/${fundingId}/events`, { type: 'START' }))
  await expectOk(
    finance.post(`/api/tasks/${fundingId}/events`, {
      type: 'SUBMIT',
      data: { summary: '已落实补助资金' },
    }),
  )
  await expectOk(office.post(`/api/tasks/${fundingId}/events`, { type: 'APPROVE' }))
  return { planId, hostileId, fundingId, office, finance }
}
