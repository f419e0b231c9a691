/**
 * 解除红灯 in the browser, on the demo (Pingnan on 5 September 2018): the leading group's office
 * opens an overdue (red) task, a clearance without a reason is refused in the page, one with a
 * reason turns the task yellow, and the reason is listed on the task page.
 */
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('解除红灯 in the browser', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E(undefined, { PORT: process.env.PORT ?? '4442' })
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('clears an overdue task’s red light with a reason: it shows yellow with the reason listed', async () => {
    const office = await loginPage(e2e, 'pingnan.leadership-group-office')
    const { tasks } = (await office.evaluate(async () =>
      (await fetch('/api/tasks?scope=all')).json(),
    )) as { tasks: Array<{ id: string; light: string }> }
    const red = tasks.find((task) => task.light === 'red')
    expect(red, 'an overdue task in the demo').toBeDefined()
    await office.goto(`${e2e.server.baseUrl}/#/tasks/${red!.id}`)
    const section = office.locator('ls-task-page ls-progress-report')
    const light = section.getByRole('heading', { name: /周期反馈/ }).locator('.light')
    await light.filter({ hasText: '红灯' }).waitFor()
    await screenshot(office, '97-clear-red-before')

    await section.getByRole('button', { name: '解除红灯' }).click()
    await section.getByRole('alert').filter({ hasText: '解除理由' }).waitFor()
    await section.getByLabel('解除理由').fill('已与责任单位核实，因省级文件调整延后，非主观原因')
    await section.getByRole('button', { name: '解除红灯' }).click()
    await section.getByRole('status').filter({ hasText: '红灯已解除' }).waitFor()
    await light.filter({ hasText: '黄灯' }).waitFor()
    await section
      .getByText('已解除红灯：已与责任单位核实，因省级文件调整延后，非主观原因')
      .waitFor()
    expect(await section.getByRole('button', { name: '解除红灯' }).count()).toBe(0)
    await screenshot(office, '98-clear-red-yellow')

    const after = (await office.evaluate(
      async (id) => (await fetch(`/api/tasks/${id}`)).json(),
      red!.id,
    )) as { light: string }
    expect(after.light).toBe('yellow')
  })
})
