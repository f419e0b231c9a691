/**
 * 层层分解 and 转办 in the browser, on Pingnan: 县人社局 splits its duty for the 社保局 below it and
 * a new unit it names (a refused date shown at its row first), the 社保局 finds the sub-task in its
 * inbox with what it is asked, and the plan's office transfers a task to another unit with a reason.
 */
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const SPLIT = 'duty-hrss-bureau' // 二、(三)3: 县人社局 完善医保政策 (no deadline in the document)
const TRANSFER = 'duty-finance-bureau' // 二、(三)4: 县财政局 统筹落实综合医改补助资金

describe('split a task and transfer one, in Chromium', () => {
  let e2e: E2E
  let hrss: Page
  let insurance: Page
  let office: Page
  let splitId: string
  let transferId: string

  const taskOf = async (page: Page, sourceId: string) => {
    const inbox = await page.evaluate(async () => (await fetch('/api/tasks')).json())
    return inbox.tasks.find((row: { sourceId: string }) => row.sourceId === sourceId)
  }

  beforeAll(async () => {
    e2e = await startE2E('2018-09-05T09:00:00+08:00', { PORT: process.env.E2E_PORT ?? '0' })
    hrss = await loginPage(e2e, 'pingnan.county-hrss-bureau')
    insurance = await loginPage(e2e, 'pingnan.county-social-insurance-bureau')
    office = await loginPage(e2e, 'pingnan.leadership-group-office')
    splitId = (await taskOf(hrss, SPLIT)).id
    const finance = await loginPage(e2e, 'pingnan.county-finance-bureau')
    transferId = (await taskOf(finance, TRANSFER)).id
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('shows a date the server refuses at its row', async () => {
    await hrss.goto(`${e2e.server.baseUrl}/#/tasks/${splitId}`)
    await hrss.getByRole('button', { name: '分解任务' }).click()
    await hrss.getByLabel('下级单位').selectOption({ label: '社保局' })
    await hrss.getByLabel('截止日期').fill('2018-09-01')
    await hrss.getByLabel('任务要求').fill('测算医共体医保资金分配方案')
    await hrss.getByRole('button', { name: '确认分解' }).click()
    await hrss.getByText('早于今天').first().waitFor()
    expect(await hrss.getByLabel('截止日期').getAttribute('aria-invalid')).toBe('true')
    await screenshot(hrss, 'split-01-date-refused')
  })

  it('previews, then splits the task for the unit below and a new one, listing the sub-tasks', async () => {
    await hrss.getByLabel('截止日期').fill('2018-10-31')
    await hrss.getByLabel('分担份额').fill('医保资金测算')
    await hrss.getByRole('button', { name: '添加一行' }).click()
    await hrss.getByLabel('下级单位').nth(1).selectOption({ label: '新增下级单位…' })
    await hrss.getByLabel('新单位名称').fill('城关镇医保服务站')
    await hrss.getByLabel('新单位标识').fill('chengguan-insurance-station')
    await hrss.getByLabel('截止日期').nth(1).fill('2018-10-15')
    await hrss.getByLabel('任务要求').nth(1).fill('收集城关镇医保结算数据')
    await hrss.getByRole('button', { name: '预览' }).click()
    await hrss.getByText('将生成 2 个子任务（尚未保存）').waitFor()
    await screenshot(hrss, 'split-02-preview')
    await hrss.getByRole('button', { name: '确认分解' }).click()
    await hrss.getByText('已分解为 2 个子任务。').waitFor()
    await hrss.getByText('已完成 0/2').waitFor()
    await hrss.getByRole('link', { name: '社保局' }).waitFor()
    await hrss.getByRole('link', { name: '城关镇医保服务站' }).waitFor()
    await screenshot(hrss, 'split-03-sub-tasks')
  })

  it('gives the unit below the sub-task in its inbox, with what it is asked', async () => {
    // The inbox was open since login, before the split: load it afresh.
    await insurance.reload()
    await insurance
      .getByRole('link', { name: '完善医保政策，建立适应医联体发展的利益共享机制' })
      .first()
      .click()
    await insurance.getByText('测算医共体医保资金分配方案').first().waitFor()
    await insurance.getByText('上级要求').waitFor()
    await screenshot(insurance, 'split-04-sub-task-page')
  })

  it('lets the office transfer a task to another unit with a reason', async () => {
    await office.goto(`${e2e.server.baseUrl}/#/tasks/${transferId}`)
    await office.getByLabel('转至单位').selectOption({ label: '县卫计局' })
    await office.getByLabel('转办理由').fill('交办有误，应由县卫计局牵头')
    await office.getByRole('button', { name: '确认转办' }).click()
    await office.getByText('已转办至县卫计局。').waitFor()
    await office.getByText('交办有误，应由县卫计局牵头').first().waitFor()
    await screenshot(office, 'split-05-transferred')
  })
})
