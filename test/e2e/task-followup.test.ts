/**
 * 延期申请 and 催办 in the browser on Pingnan's demo data: a department asks for a new due date
 * with its reason and progress, the reviewer approves it and the page shows the date moved with
 * the first one kept; the office urges a department, and the department sees the 催办 in the
 * task's history.
 */
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const NOW = '2018-09-05T09:00:00+08:00'

interface Row {
  id: string
  dueOn: string | null
  state: string
  role: string
  assignee: { id: string; name: string }
}

describe('extension and 催办 on the task page, in Chromium', () => {
  let e2e: E2E
  let department: Page
  let office: Page
  let extended: Row
  let urged: Row

  beforeAll(async () => {
    e2e = await startE2E(NOW, { PORT: '4401' })
    office = await loginPage(e2e, 'pingnan.leadership-group-office')
    // Open tasks with a deadline still ahead, as the office sees the whole plan.
    const all = (await office.evaluate(async () =>
      (await fetch('/api/tasks?scope=all&state=assigned&dueAfter=2018-09-06')).json(),
    )) as { tasks: Row[] }
    extended = all.tasks.find((row) => row.role === 'lead')!
    urged =
      all.tasks.find((row) => row.assignee.id === extended.assignee.id && row.id !== extended.id) ??
      extended
    department = await loginPage(e2e, `pingnan.${extended.assignee.id}`)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('lets the department ask for a later due date with reason and progress', async () => {
    await department.goto(`${e2e.server.baseUrl}/#/tasks/${extended.id}`)
    await department.getByRole('heading', { name: '申请延期' }).waitFor()
    const later = new Date(Date.parse(`${extended.dueOn}T00:00:00Z`) + 14 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    await department.getByLabel('申请的新截止日').fill(later)
    await department.getByLabel('延期理由').fill('需等待上级价格政策出台')
    await department.getByLabel('已完成（%）').fill('60')
    // The extension form's own 进展情况 (the 周期反馈 form above has one too).
    await department.locator('ls-task-followup').getByLabel('进展情况').fill('已完成调研与初稿')
    await screenshot(department, 'followup-01-extension-form')
    await department.getByRole('button', { name: '提交延期申请' }).click()
    await department.getByText(`延期申请待审批：${extended.dueOn} 延至 ${later}`).waitFor()
    await screenshot(department, 'followup-02-extension-pending')
  })

  it('lets the reviewer approve it, and shows the new date with the first one kept', async () => {
    await office.goto(`${e2e.server.baseUrl}/#/tasks/${extended.id}`)
    await office.getByLabel('审批意见').fill('同意延期两周')
    await screenshot(office, 'followup-03-extension-decision')
    await office.getByRole('button', { name: '同意延期' }).click()
    await office.getByText(`原截止日 ${extended.dueOn}，经批准延至`).waitFor()
    await department.reload()
    await department.getByText(`原截止日 ${extended.dueOn}，经批准延至`).waitFor()
    await department.getByRole('cell', { name: '同意延期', exact: true }).waitFor()
    await screenshot(department, 'followup-04-extension-approved')
  })

  it('lets the office send a 催办 that the department sees in the task’s history', async () => {
    await office.goto(`${e2e.server.baseUrl}/#/tasks/${urged.id}`)
    await office.getByLabel('催办内容').fill('请于本周五前报送进展')
    await office.getByRole('button', { name: '催办', exact: true }).click()
    await office.getByRole('cell', { name: '请于本周五前报送进展' }).waitFor()
    await screenshot(office, 'followup-05-urged')
    await office.getByLabel('催办内容').fill('再次催办')
    await office.getByRole('button', { name: '催办', exact: true }).click()
    await office.getByText('今天已催办过该任务').waitFor()
    await department.goto(`${e2e.server.baseUrl}/#/tasks/${urged.id}`)
    await department.reload()
    await department.getByRole('cell', { name: '请于本周五前报送进展' }).waitFor()
    await screenshot(department, 'followup-06-urge-in-history')
  })
})
