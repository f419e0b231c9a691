/**
 * The whole round in the browser: a department submits a report (correcting a form error on the
 * way), the reviewer returns it with a reason, the department resubmits, the reviewer approves, and
 * the leader sees the phase's progress move.
 */
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const TASK = 'duty-price-bureau' // Pingnan 二、(三)5: 县物价局 完善医疗服务价格政策 (phase 开展医联体各项工作)

describe('report → return → resubmit → approve, in Chromium', () => {
  let e2e: E2E
  let department: Page
  let reviewer: Page
  let leader: Page
  let taskId: string
  let planId: string

  const phaseApproved = async () => {
    const progress = await leader.evaluate(
      async (id) => (await fetch(`/api/plans/${id}/progress`)).json(),
      planId,
    )
    return (progress.phases as Array<{ id: string; tasks: { approved: number } }>).find(
      (phase) => phase.id === 'carry-out',
    )!.tasks.approved
  }

  beforeAll(async () => {
    e2e = await startE2E()
    department = await loginPage(e2e, 'pingnan.county-price-bureau')
    const inbox = await department.evaluate(async () => (await fetch('/api/tasks')).json())
    const task = inbox.tasks.find((row: { sourceId: string }) => row.sourceId === TASK)
    taskId = task.id
    planId = task.planId
    reviewer = await loginPage(e2e, 'pingnan.leadership-group-office')
    leader = await loginPage(e2e, 'pingnan.leadership-group', `#/plans/${planId}`)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows the department its tasks by deadline', async () => {
    await department.goto(`${e2e.server.baseUrl}/#/inbox`)
    await department.getByRole('link', { name: '完善医疗服务价格政策' }).first().waitFor()
    await screenshot(department, '01-inbox')
  })

  it('submits after correcting a form error shown at its field', async () => {
    await department.goto(`${e2e.server.baseUrl}/#/tasks/${taskId}`)
    await department.getByRole('button', { name: '提交', exact: true }).click()
    await department.getByText('此项为必填项').first().waitFor()
    const field = department.getByLabel(/完成情况/)
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    await screenshot(department, '02-task-form-error')
    await field.fill('已制定远程医疗项目收费标准并报县物价局备案')
    await department.getByRole('button', { name: '提交', exact: true }).click()
    await department.getByText('待审核').first().waitFor()
  })

  it('is returned by the reviewer with a reason', async () => {
    await reviewer.goto(`${e2e.server.baseUrl}/#/tasks/${taskId}`)
    await reviewer.getByLabel(/审核意见/).fill('请补充收费标准文件')
    await reviewer.getByRole('button', { name: '退回' }).click()
    await reviewer.getByText('已退回').first().waitFor()
    await screenshot(reviewer, '03-task-returned')
  })

  it('is resubmitted by the department and approved by the reviewer', async () => {
    await department.reload()
    await department.getByText('请补充收费标准文件').first().waitFor()
    await department.getByLabel(/完成情况/).fill('已制定远程医疗项目收费标准，附收费标准文件')
    await department.getByRole('button', { name: '重新提交' }).click()
    await department.getByText('待审核').first().waitFor()
    const before = await phaseApproved()
    await reviewer.reload()
    await reviewer.getByRole('button', { name: '审核通过' }).click()
    await reviewer.getByText('已通过').first().waitFor()
    expect(await phaseApproved()).toBe(before + 1)
  })

  it('shows the leader the phase progress and the plan’s dashboard', async () => {
    await leader.goto(`${e2e.server.baseUrl}/#/plans/${planId}`)
    await leader.reload()
    await leader.getByText('开展医联体各项工作').first().waitFor()
    await leader.waitForTimeout(800) // let the charts draw
    await screenshot(leader, '04-dashboard')
  })
})
