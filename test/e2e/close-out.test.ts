/**
 * 办结销号 in the browser, on a plan of a policy published in the test whose 统筹落实补助资金 is
 * closed out only with evidence: the unit submits without an attachment, the reviewer's approval
 * is refused with the reason on the task page; the reviewer returns it, the unit attaches a file
 * and resubmits, and the approval closes the task out — the page shows 已销号 with who and when.
 */
import { login } from '../helpers/durability-server.ts'
import type { HttpSession } from '../helpers/durability-server.ts'
import { MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const POLICY_ID = 'demo-county-plan'
const PASSWORD = 'Close-Out-2018!'
const YAML = withReplaced(
  '    due: { unspecified: 文件未规定完成时限 }\n',
  '    due: { unspecified: 文件未规定完成时限 }\n    closeOut: { evidence: required }\n',
)

async function created(session: HttpSession, path: string, body: object): Promise<any> {
  const response = await session.post(path, body)
  expect(response.status, await response.clone().text()).toBe(201)
  return response.json()
}

describe('办结销号 with evidence required, in the browser', () => {
  let e2e: E2E
  let taskId: string

  beforeAll(async () => {
    e2e = await startE2E(undefined, { PORT: process.env.PORT ?? '4441' })
    const author = await login(e2e.server.baseUrl, 'author', 'luoshi-demo')
    const admin = await login(e2e.server.baseUrl, 'admin', 'luoshi-demo')
    await created(author, '/api/policies', { yaml: YAML, sourceText: MINIMAL_SOURCE })
    const { plan } = await created(author, '/api/plans', {
      policyId: POLICY_ID,
      version: '1.0.0',
      name: '示范县医改实施方案',
    })
    const tasks = await admin.get(`/api/tasks?plan=${plan.id}&scope=all&assignee=finance-bureau`)
    taskId = ((await tasks.json()) as { tasks: Array<{ id: string }> }).tasks[0]!.id
    const task = (await (await admin.get(`/api/tasks/${taskId}`)).json()) as {
      reviewer: string
      closeOutEvidence: string
    }
    expect(task.closeOutEvidence).toBe('required')
    const { regions } = (await (await admin.get('/api/regions')).json()) as {
      regions: Array<{ id: string; name: string }>
    }
    const regionId = regions.find((region) => region.name === '示范县')!.id
    const account = (username: string, displayName: string, unitId: string, role: string) =>
      created(admin, '/api/users', {
        username,
        displayName,
        roles: [role],
        regionId,
        units: [{ policyId: POLICY_ID, unitId }],
        password: PASSWORD,
      })
    await account('demo.finance', '财政局王会计', 'finance-bureau', 'department')
    await account('demo.reviewer', '医改办李审核', task.reviewer, 'reviewer')
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('refuses the 销号 without an attachment, then closes the task out once one is attached', async () => {
    const unit = await loginPage(e2e, 'demo.finance', `#/tasks/${taskId}`, PASSWORD)
    const unitTask = unit.locator('ls-task-page')
    await unitTask.getByText('销号须附佐证材料：报送中至少一个附件').waitFor()
    await unitTask.getByRole('button', { name: '开始办理' }).click()
    await unitTask.getByRole('button', { name: '提交', exact: true }).waitFor()
    await unitTask.getByLabel(/完成情况/).fill('补助资金已拨付到位')
    await unitTask.getByRole('button', { name: '提交', exact: true }).click()
    await unitTask.locator('.notice').waitFor()

    const reviewer = await loginPage(e2e, 'demo.reviewer', `#/tasks/${taskId}`, PASSWORD)
    const review = reviewer.locator('ls-task-page')
    await review.getByRole('button', { name: '审核通过' }).click()
    const refusal = review.locator('[part="banner"]')
    await refusal.filter({ hasText: '该任务须附佐证材料方可销号' }).waitFor()
    await review.locator('ls-json-form').getByText('报送须附至少一个附件').waitFor()
    expect(await review.getByText(/已销号/).count()).toBe(0)
    await screenshot(reviewer, '94-close-out-refused')

    await review.getByRole('textbox', { name: /审核意见/ }).fill('请附拨付凭证')
    await review.getByRole('button', { name: '退回' }).click()
    await review.locator('.notice').waitFor()

    await unit.reload()
    await unitTask.getByRole('button', { name: '重新提交' }).waitFor()
    await unitTask.locator('input[type=file]').setInputFiles({
      name: '拨付凭证.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%拨付凭证\n', 'utf8'),
    })
    await unitTask.getByText('拨付凭证.pdf').waitFor()
    await screenshot(unit, '95-close-out-evidence-attached')
    await unitTask.getByRole('button', { name: '重新提交' }).click()
    await unitTask.locator('.notice').waitFor()

    await reviewer.reload()
    await review.getByRole('button', { name: '审核通过' }).click()
    const closed = review.getByRole('status').filter({ hasText: '已销号' })
    await closed.waitFor()
    expect(await closed.innerText()).toMatch(/已销号（\d{4}-\d{2}-\d{2}，医改办李审核）/)
    await screenshot(reviewer, '96-close-out-done')
  })
})
