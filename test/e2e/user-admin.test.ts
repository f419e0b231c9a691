/**
 * Account administration in the browser: the demo administrator creates an account on 用户管理,
 * sees its one-time password once, the new user must change it at first login, then the
 * administrator deactivates the account and its open session ends at once. Then a bulk import:
 * the template downloads, a file with a bad row is checked and refused by row, the corrected file
 * imports and its one-time passwords are shown once (and download as CSV); an account is
 * deactivated and re-activated, its units edited with the per-policy checkboxes, and the list
 * filtered by unit; on a phone, an import whose username was taken after its check is refused by
 * row.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('用户管理 in the browser', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E()
  })

  afterAll(async () => {
    await e2e?.close()
  })

  async function logIn(username: string, password: string): Promise<Page> {
    const context = await e2e.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${e2e.server.baseUrl}/#/inbox`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    return page
  }

  it('creates an account, shows its one-time password once, and deactivation ends its session', async () => {
    const admin = await loginPage(e2e, 'admin', '#/inbox')
    await admin.getByRole('link', { name: '用户管理' }).click()
    await admin.getByRole('heading', { name: '用户管理' }).waitFor()
    await admin.locator('tbody tr[data-user=admin]').waitFor()
    // A unit of the published demo config, as an existing department account holds it.
    const unit = await admin.evaluate(async () => {
      const { users } = (await (await fetch('/api/users')).json()) as {
        users: { units: { policyId: string; unitId: string }[] }[]
      }
      const held = users.find((user) => user.units.length > 0)!.units[0]!
      return `${held.policyId}/${held.unitId}`
    })

    await admin.locator('details[data-panel=create] > summary').click()
    const form = admin.locator('form.create')
    await form.locator('input[name=username]').fill('wang.wu')
    await form.locator('input[name=displayName]').fill('王五')
    await form.locator('input[name=phone]').fill('138 0000 0000')
    await form.getByLabel('责任单位').check()
    await form.locator('textarea[name=units]').fill(`${unit}\n${unit.split('/')[0]}/no-such-unit`)
    await form.getByRole('button', { name: '新建用户' }).click()
    // The server's issue is shown at the units field, and nothing was created.
    await form.locator('#error-units').waitFor()
    await screenshot(admin, '50-user-admin-unit-refused')
    await form.locator('textarea[name=units]').fill(unit)
    await form.getByRole('button', { name: '新建用户' }).click()

    const dialog = admin.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('只显示这一次')
    const password = (await dialog.locator('[data-secret]').innerText()).trim()
    expect(password.length).toBeGreaterThanOrEqual(10)
    await screenshot(admin, '51-user-admin-one-time-password')
    await dialog.getByRole('button', { name: '关闭' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await admin.content()).not.toContain(password)
    expect(await admin.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(password)
    const row = admin.locator('tbody tr[data-user="wang.wu"]')
    // The list names the unit; its policyId/unitId is the title.
    expect(await row.locator(`span.unit[title="${unit}"]`).count()).toBe(1)

    const user = await logIn('wang.wu', password)
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor()
    await user.getByLabel('一次性密码（当前密码）').fill(password)
    await user.getByLabel('新密码', { exact: true }).fill('Wang-Wu-2024!')
    await user.getByLabel('再次输入新密码').fill('Wang-Wu-2024!')
    await user.getByRole('button', { name: '修改密码' }).click()
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor({ state: 'detached' })
    expect(await user.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(200)
    // A non-administrator gets no 用户管理 entry.
    expect(await user.getByRole('link', { name: '用户管理' }).count()).toBe(0)

    await row.locator('[data-action=deactivate]').click()
    await screenshot(admin, '52-user-admin-confirm-deactivate')
    await row.locator('[data-action=confirm]').click()
    await admin.locator('tbody tr[data-user="wang.wu"].inactive').waitFor()
    expect(await row.innerText()).toContain('已停用')

    expect(await user.evaluate(async () => (await fetch('/api/tasks')).status)).toBe(401)
    await user.reload()
    await user.getByRole('button', { name: '登录' }).waitFor()

    // On a phone the table becomes cards: no header row, each cell labelled.
    await admin.setViewportSize({ width: 390, height: 844 })
    expect(await admin.locator('thead').isVisible()).toBe(false)
    await screenshot(admin, '53-user-admin-phone')
  })

  it('imports accounts from the template after a clean dry run, shows their passwords once, re-activates one, edits its units, and shows a refused import by row', async () => {
    const admin = await loginPage(e2e, 'admin', '#/users')
    await admin.getByRole('heading', { name: '用户管理' }).waitFor()
    // A unit of a published policy, from the same API the page reads.
    const unit = await admin.evaluate(async () => {
      const { policies } = (await (await fetch('/api/policies')).json()) as {
        policies: { policyId: string; version: string; title: string }[]
      }
      const policy = policies[0]!
      const version = (await (
        await fetch(
          `/api/policies/${encodeURIComponent(policy.policyId)}/versions/${encodeURIComponent(policy.version)}`,
        )
      ).json()) as { config: { organizations: { units: { id: string; name: string }[] } } }
      const [first, second] = version.config.organizations.units
      return {
        policyId: policy.policyId,
        title: policy.title,
        first: { id: first!.id, name: first!.name },
        second: { id: second!.id, name: second!.name },
      }
    })
    const firstKey = `${unit.policyId}/${unit.first.id}`
    const secondKey = `${unit.policyId}/${unit.second.id}`

    await admin.getByText('批量导入（Excel / CSV）').click()
    const importer = admin.locator('ls-user-import')
    const templateDownload = admin.waitForEvent('download')
    await importer.getByRole('link', { name: '下载 Excel 导入模板' }).click()
    const template = readFileSync(await (await templateDownload).path())
    const folder = mkdtempSync(join(tmpdir(), 'luoshi-e2e-import-'))
    const fileOf = async (name: string, rows: string[][]) => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(
        template.buffer.slice(template.byteOffset, template.byteOffset + template.byteLength),
      )
      for (const row of rows) workbook.worksheets[0]!.addRow(row)
      const path = join(folder, name)
      await workbook.xlsx.writeFile(path)
      return path
    }
    const good = [
      ['陈一', 'chen.yi', firstKey, '部门', '13800000001'],
      ['陈二', 'chen.er', firstKey, '部门、审核', ''],
    ]

    // A file with a bad row: the report names it, and nothing can be imported.
    await importer
      .locator('input[type=file]')
      .setInputFiles(
        await fileOf('bad.xlsx', [
          ...good,
          ['陈三', 'admin', `${unit.policyId}/no-such-unit`, '部门', ''],
        ]),
      )
    await importer.getByRole('button', { name: '检查（不创建）' }).click()
    const badRow = importer.locator('tr[data-row="5"]')
    await badRow.waitFor()
    expect(await badRow.innerText()).toContain('用户名「admin」已被使用')
    expect(await badRow.innerText()).toContain('no-such-unit')
    expect(await importer.locator('tr[data-row="3"]').innerText()).toContain('可导入')
    expect(await importer.locator('[data-action=import]').isDisabled()).toBe(true)
    await screenshot(admin, '54-user-import-dry-run-refused')

    // The corrected file checks clean and imports.
    await importer.locator('input[type=file]').setInputFiles(await fileOf('good.xlsx', good))
    await importer.getByRole('button', { name: '检查（不创建）' }).click()
    await importer.getByText('全部通过，可以导入').waitFor()
    await importer.getByRole('button', { name: '导入 2 个用户' }).click()
    const created = importer.locator('[part=created]')
    await created.waitFor()
    expect(await created.innerText()).toContain('只显示这一次')
    const passwordOf = async (username: string) =>
      (await created.locator(`tr[data-user="${username}"] [data-secret]`).innerText()).trim()
    const chenYi = await passwordOf('chen.yi')
    const chenEr = await passwordOf('chen.er')
    expect(chenYi.length).toBeGreaterThanOrEqual(20)
    await screenshot(admin, '55-user-import-passwords-once')
    const csvDownload = admin.waitForEvent('download')
    await created.getByRole('button', { name: '下载密码（CSV）' }).click()
    const csv = readFileSync(await (await csvDownload).path(), 'utf8')
    expect(csv).toContain('chen.yi')
    expect(csv).toContain(chenYi.replace(/^-/, "'-"))
    await created.getByRole('button', { name: '我已保存，关闭' }).click()
    await created.waitFor({ state: 'detached' })
    expect(await admin.content()).not.toContain(chenYi)
    expect(
      await admin.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage })),
    ).not.toContain(chenYi)
    // The imported accounts are in the list at once, and log in with the one-time password.
    const chenRow = admin.locator('tbody tr[data-user="chen.er"]')
    await chenRow.waitFor()
    const user = await logIn('chen.yi', chenYi)
    await user.getByRole('heading', { name: '请设置新密码' }).waitFor()
    expect(chenEr).not.toBe(chenYi)

    // Deactivate (after the confirm), then re-activate.
    await chenRow.locator('[data-action=deactivate]').click()
    await chenRow.locator('[data-action=confirm]').click()
    await admin.locator('tbody tr[data-user="chen.er"].inactive').waitFor()
    await chenRow.locator('[data-action=reactivate]').click()
    await admin
      .locator('tbody tr[data-user="chen.er"]:not(.inactive) [data-action=reset]')
      .waitFor()
    expect(await chenRow.innerText()).toContain('启用')

    // Edit its units: the second unit of the policy instead of the first.
    await chenRow.locator('[data-action=edit]').click()
    const edit = admin.locator('form.edit')
    const policyUnits = edit.locator(`details[data-policy="${unit.policyId}"]`)
    expect(await policyUnits.getAttribute('open')).not.toBeNull()
    await policyUnits.locator(`input[value="${firstKey}"]`).uncheck()
    await policyUnits.locator(`input[value="${secondKey}"]`).check()
    await screenshot(admin, '56-user-admin-edit-units')
    await edit.getByRole('button', { name: '保存' }).click()
    await edit.waitFor({ state: 'detached' })
    expect(await chenRow.locator(`span.unit[title="${secondKey}"]`).innerText()).toBe(
      unit.second.name,
    )
    expect(await chenRow.locator(`span.unit[title="${firstKey}"]`).count()).toBe(0)

    // Filtered by the second unit, the list shows chen.er and not chen.yi.
    await admin.locator('form.filter select[name=unit]').selectOption(secondKey)
    await admin.locator('tbody tr[data-user="chen.yi"]').waitFor({ state: 'detached' })
    expect(await chenRow.isVisible()).toBe(true)
    await admin.locator('form.filter input[name=text]').fill('陈')
    await admin.locator('form.filter select[name=unit]').selectOption('')
    await admin.locator('tbody tr[data-user="chen.yi"]').waitFor()
    expect(await admin.locator('tbody tr[data-user]').count()).toBe(2)

    // On a phone: a file checks clean, but its username is taken before the import runs (by
    // another administrator, here the API): the refused import shows the problem by row.
    await admin.setViewportSize({ width: 390, height: 844 })
    await importer
      .locator('input[type=file]')
      .setInputFiles(await fileOf('late.xlsx', [['陈三', 'chen.san', firstKey, '部门', '']]))
    await importer.getByRole('button', { name: '检查（不创建）' }).click()
    await importer.getByText('全部通过，可以导入').waitFor()
    const taken = await admin.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string }
      const response = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ username: 'chen.san', displayName: '陈三', roles: ['department'] }),
      })
      return response.status
    })
    expect(taken).toBe(201)
    await importer.getByRole('button', { name: '导入 1 个用户' }).click()
    const refused = importer.locator('.refused')
    await refused.waitFor()
    expect(await refused.innerText()).toContain('未创建任何用户')
    expect(await refused.locator('tr[data-row="3"]').innerText()).toContain(
      '用户名「chen.san」已被使用',
    )
    expect(await importer.locator('[part=created]').count()).toBe(0)
    expect(await importer.locator('thead').first().isVisible()).toBe(false)
    await screenshot(admin, '57-user-import-phone-refused')
  })
})
