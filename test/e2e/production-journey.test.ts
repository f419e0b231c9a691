/**
 * A county adopts luoshi in production, in Chromium — the browser twin of
 * test/adoption/production-journey.test.ts, over a real server started with `LUOSHI_DEMO=0` whose
 * first administrator was made with the CLI: the administrator creates the region and another one
 * on 地区管理 and names the region's administrator; that administrator must change the one-time
 * password, opens the policy's YAML and source from disk, publishes them, imports twenty staff
 * from an .xlsx on 用户管理 and starts the plan ticking the open group's members among the config's
 * units; a hospital's staff member sees exactly its unit's tasks (on a desktop and a phone); a
 * person of the other region sees no plan and no task; deactivating a person sends its open page
 * to the login form at its next request. Screenshots: 70-79-journey-*.png.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { childEnv, killHard, ROOT, startServer } from '../helpers/durability-server.ts'
import type { ServerProcess } from '../helpers/durability-server.ts'
import {
  JOURNEY_MEMBERS,
  JOURNEY_POLICY,
  JOURNEY_POLICY_ID,
  JOURNEY_REGION,
  JOURNEY_SOURCE,
  JOURNEY_STAFF,
  journeyStaffWorkbook,
} from '../helpers/journey-policy.ts'
import { CHROMIUM, screenshot } from './helpers/browser.ts'

interface Task {
  id: string
  title: string
  assignee: { id: string }
}

describe('a county adopting luoshi in production, in Chromium', () => {
  let server: ServerProcess
  let browser: Browser
  let dataDir: string
  /** The files the administrator opens from disk. */
  let files: string

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`)
    dataDir = mkdtempSync(join(tmpdir(), 'luoshi-e2e-journey-'))
    files = mkdtempSync(join(tmpdir(), 'luoshi-e2e-journey-files-'))
    const created = spawnSync(
      process.execPath,
      ['bin/luoshi.js', 'admin', 'create', 'chief', '--data', dataDir],
      { cwd: ROOT, env: childEnv({}), input: 'Chief-Pass-2024\n', encoding: 'utf8' },
    )
    expect(created.status, created.stderr).toBe(0)
    server = await startServer({
      dataDir,
      now: '2018-04-02T09:00:00+08:00',
      env: { LUOSHI_DEMO: '0' },
    })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      headless: true,
    })
  })

  afterAll(async () => {
    await browser?.close()
    await killHard(server)
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(files, { recursive: true, force: true })
  })

  /** A new page (its own cookies) that submits the login form. */
  async function logIn(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 900 },
    })
    const page = await context.newPage()
    await page.goto(`${server.baseUrl}/#/inbox`)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByRole('button', { name: '登录' }).click()
    return page
  }

  /** The forced change of a one-time password; resolves once the pages are open. */
  async function changePassword(page: Page, oneTime: string, password: string): Promise<void> {
    await page.getByLabel('一次性密码（当前密码）').fill(oneTime)
    await page.getByLabel('新密码', { exact: true }).fill(password)
    await page.getByLabel('再次输入新密码').fill(password)
    await page.getByRole('button', { name: '修改密码' }).click()
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '退出' }).waitFor()
  }

  /** A first login: the one-time password must go first, then the user's own pages. */
  async function firstLogin(username: string, oneTime: string): Promise<Page> {
    const page = await logIn(username, oneTime)
    await page.getByRole('heading', { name: '请设置新密码' }).waitFor()
    await changePassword(page, oneTime, `${username}-Own-Pass-2024`)
    return page
  }

  /** The JSON answer of a GET, asked with the page's own session. */
  const read = <T>(page: Page, path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url)
      return { status: response.status, body: (await response.json()) as unknown }
    }, path) as Promise<{ status: number; body: T }>

  /** The one-time password in the dialog, read once and then closed. */
  async function oneTimePassword(page: Page): Promise<string> {
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('只显示这一次')
    return (await dialog.locator('[data-secret]').innerText()).trim()
  }

  it('takes a county from its first administrator to a hospital’s staff seeing exactly its unit’s tasks, another region none, and a deactivated person’s page the login form', async () => {
    // 1. The system administrator creates the region and another one, and names the former's
    // administrator, whose one-time password shows once.
    const chief = await logIn('chief', 'Chief-Pass-2024')
    await chief.getByRole('link', { name: '地区管理' }).click()
    await chief.getByRole('heading', { name: '地区管理' }).waitFor()
    await chief.getByText('暂无地区：先新建一个').waitFor()
    const create = chief.locator('ls-region-admin form.create')
    for (const region of [JOURNEY_REGION, { name: '西县', level: 'county', divisionCode: '' }]) {
      await create.getByLabel('地区名称').fill(region.name)
      await create.getByLabel('层级').selectOption(region.level)
      await create.getByLabel('行政区划代码').fill(region.divisionCode)
      await create.getByRole('button', { name: '新建地区' }).click()
      await chief.locator(`ls-region-admin tr[data-region="${region.name}"]`).waitFor()
    }
    const east = chief.locator(`ls-region-admin tr[data-region="${JOURNEY_REGION.name}"]`)
    expect(await east.innerText()).toContain(JOURNEY_REGION.divisionCode)
    await east.locator('[data-action=name-admin]').click()
    const naming = east.locator('form.naming')
    await naming.getByLabel('用户名').fill('dx.admin')
    await naming.getByLabel('姓名').fill('东县医改办管理员')
    await naming.getByRole('button', { name: '指定管理员' }).click()
    const adminPassword = await oneTimePassword(chief)
    expect(adminPassword.length).toBeGreaterThanOrEqual(10)
    expect(await east.innerText()).toContain('东县医改办管理员（dx.admin）')
    await screenshot(chief, '70-journey-region-administrator-named')
    await chief.getByRole('alertdialog').getByRole('button', { name: '关闭' }).click()
    const regions = await read<{ regions: Array<{ id: string; name: string }> }>(
      chief,
      '/api/regions',
    )
    const eastId = regions.body.regions.find((region) => region.name === JOURNEY_REGION.name)!.id

    // 2. The region administrator must change the one-time password first.
    const officer = await logIn('dx.admin', adminPassword)
    await officer.getByRole('heading', { name: '请设置新密码' }).waitFor()
    await officer.getByLabel('一次性密码（当前密码）').fill(adminPassword)
    await screenshot(officer, '71-journey-password-change')
    await officer.getByLabel('新密码', { exact: true }).fill('Dx-Admin-Pass-2024')
    await officer.getByLabel('再次输入新密码').fill('Dx-Admin-Pass-2024')
    await officer.getByRole('button', { name: '修改密码' }).click()
    await officer.getByRole('button', { name: '退出' }).waitFor()

    // It opens the policy's YAML and source from disk, sees no issue, and publishes them.
    const yamlFile = join(files, '东县医改实施方案.yaml')
    const sourceFile = join(files, '东县医改实施方案.txt')
    writeFileSync(yamlFile, JOURNEY_POLICY)
    writeFileSync(sourceFile, JOURNEY_SOURCE)
    await officer.getByRole('link', { name: '政策配置' }).click()
    await officer.locator('.cm-line').first().waitFor()
    await officer.getByLabel('打开 YAML 文件').setInputFiles(yamlFile)
    await officer.getByText('已打开文件 东县医改实施方案.yaml').waitFor()
    await officer.getByLabel('上传原文文件').setInputFiles(sourceFile)
    await officer.getByText('已载入原文 东县医改实施方案.txt').waitFor()
    await officer.locator('ls-issue-list').getByText('未发现问题').waitFor()
    await officer.getByRole('button', { name: '发布', exact: true }).click()
    const publish = officer.getByRole('dialog', { name: `发布 ${JOURNEY_POLICY_ID} v1.0.0？` })
    await publish.getByLabel('变更说明').fill('东县实施方案首次发布')
    await publish.getByRole('button', { name: '确认发布' }).click()
    await officer.getByText(`已发布 ${JOURNEY_POLICY_ID} v1.0.0`).first().waitFor()
    const version = officer.locator('ls-policy-versions tbody tr', { hasText: '1.0.0' })
    expect(await version.innerText()).toContain('东县实施方案首次发布')
    await screenshot(officer, '72-journey-policy-published')

    // 3. Twenty staff from an .xlsx: the check finds every row good, then the import shows the
    // one-time passwords once.
    const workbook = join(files, '东县人员.xlsx')
    writeFileSync(workbook, await journeyStaffWorkbook())
    await officer.getByRole('link', { name: '用户管理' }).click()
    await officer.getByRole('heading', { name: '用户管理' }).waitFor()
    await officer.getByText('批量导入（Excel / CSV）').click()
    const importer = officer.locator('ls-user-import')
    await importer.locator('input[type=file]').setInputFiles(workbook)
    await importer.getByRole('button', { name: '检查（不创建）' }).click()
    await importer.getByText('全部通过，可以导入').waitFor()
    expect(await importer.locator('tr.row-good').count()).toBe(JOURNEY_STAFF.length)
    expect(await importer.locator('tr.row-bad').count()).toBe(0)
    for (const cell of await importer.locator('tr.row-good td.status').allInnerTexts())
      expect(cell).toContain('✓')
    await importer.getByRole('button', { name: `导入 ${JOURNEY_STAFF.length} 个用户` }).click()
    const created = importer.locator('[part=created]')
    await created.waitFor()
    expect(await created.innerText()).toContain('只显示这一次')
    expect(await created.locator('tbody tr').count()).toBe(JOURNEY_STAFF.length)
    await screenshot(officer, '73-journey-staff-imported')
    const passwordOf = async (username: string) =>
      (await created.locator(`tr[data-user="${username}"] [data-secret]`).innerText()).trim()
    // A person of 县人民医院, and one of 县中医院 who will leave.
    const [nurse, leaving] = [JOURNEY_STAFF[2]!, JOURNEY_STAFF[3]!]
    const nursePassword = await passwordOf(nurse.username)
    const leavingPassword = await passwordOf(leaving.username)
    await created.getByRole('button', { name: '我已保存，关闭' }).click()
    await created.waitFor({ state: 'detached' })
    const users = await read<{ users: Array<{ username: string; regionId: string | null }> }>(
      officer,
      '/api/users',
    )
    const imported = users.body.users.filter((user) => user.username.startsWith('dx.staff'))
    expect(imported).toHaveLength(JOURNEY_STAFF.length)
    expect(new Set(imported.map((user) => user.regionId))).toEqual(new Set([eastId]))

    // 4. The plan starts from the published version, the open group's members ticked among the
    // units of the config; its dashboard warns of no unassigned work.
    await officer.getByRole('link', { name: '政策配置' }).click()
    await version.getByRole('button', { name: '启动计划' }).click()
    const starter = officer.locator('ls-plan-starter')
    const group = starter.getByRole('group', { name: '「县级医院」的成员' })
    for (const member of JOURNEY_MEMBERS.hospitals)
      await group.getByLabel(member.name, { exact: true }).check()
    await screenshot(officer, '74-journey-plan-start-members')
    await starter.getByRole('button', { name: '启动计划' }).click()
    await starter.getByRole('status').filter({ hasText: '计划已启动' }).waitFor()
    expect(await starter.locator('.warn').count()).toBe(0)
    await starter.getByRole('link', { name: '打开计划看板' }).click()
    const dashboard = officer.locator('ls-dashboard')
    await dashboard.getByRole('heading', { name: '各单位完成情况' }).waitFor()
    await dashboard.locator('ls-unit-progress', { hasText: '县人民医院' }).waitFor()
    expect(await dashboard.locator('section.unassigned').count()).toBe(0)
    await screenshot(officer, '75-journey-plan-dashboard')
    const everything = await read<{ tasks: Task[] }>(officer, '/api/tasks?scope=all')
    const byUnit = (unitId: string) =>
      everything.body.tasks.filter((task) => task.assignee.id === unitId)

    // 5. A hospital's staff member changes the one-time password and sees exactly its unit's
    // tasks, on a desktop and on a phone.
    const hospital = await firstLogin(nurse.username, nursePassword)
    const table = hospital.locator('ls-inbox ls-task-table')
    await table.locator('tbody tr').first().waitFor()
    const mine = await read<{ tasks: Task[] }>(hospital, '/api/tasks')
    const expected = byUnit(nurse.unitId)
    expect(expected).not.toEqual([])
    expect(mine.body.tasks.map((task) => task.id).sort()).toEqual(
      expected.map((task) => task.id).sort(),
    )
    const shown = await table
      .locator('tbody tr th[role=rowheader] a')
      .evaluateAll((links) =>
        links.map((link) => decodeURIComponent(link.getAttribute('href')!.replace('#/tasks/', ''))),
      )
    expect(shown.sort()).toEqual(expected.map((task) => task.id).sort())
    await screenshot(hospital, '76-journey-hospital-tasks')
    await hospital.setViewportSize({ width: 390, height: 844 })
    expect(await table.locator('tbody tr').count()).toBe(expected.length)
    await screenshot(hospital, '77-journey-hospital-tasks-phone')

    // 6. An account of the other region, made by the system administrator on 用户管理, sees no
    // plan and no task.
    await chief.getByRole('link', { name: '用户管理' }).click()
    await chief.locator('details[data-panel=create] > summary').click()
    const form = chief.locator('form.create')
    await form.locator('input[name=username]').fill('xx.author')
    await form.locator('input[name=displayName]').fill('西县配置员')
    await form.locator('select[name=regionId]').selectOption({ label: '西县' })
    await form.getByLabel('政策配置').check()
    await form.getByRole('button', { name: '新建用户' }).click()
    const westPassword = await oneTimePassword(chief)
    await chief.getByRole('alertdialog').getByRole('button', { name: '关闭' }).click()
    const westerner = await firstLogin('xx.author', westPassword)
    await westerner.locator('ls-inbox [part=counts]').waitFor()
    expect(await westerner.locator('ls-inbox ls-task-table tbody tr').count()).toBe(0)
    expect((await read<{ tasks: Task[] }>(westerner, '/api/tasks?scope=all')).body.tasks).toEqual(
      [],
    )
    await westerner.getByRole('link', { name: '领导看板' }).click()
    await westerner.getByText('暂无可查看的计划').waitFor()
    expect((await read<{ plans: unknown[] }>(westerner, '/api/plans')).body.plans).toEqual([])
    await screenshot(westerner, '78-journey-other-region-no-plan')

    // 7. The region administrator deactivates a person whose page is open: that page's next
    // request sends it to the login form.
    const leaver = await firstLogin(leaving.username, leavingPassword)
    await leaver.locator('ls-inbox ls-task-table tbody tr').first().waitFor()
    await officer.getByRole('link', { name: '用户管理' }).click()
    const row = officer.locator(`tbody tr[data-user="${leaving.username}"]`)
    await row.locator('[data-action=deactivate]').click()
    await row.locator('[data-action=confirm]').click()
    await officer.locator(`tbody tr[data-user="${leaving.username}"].inactive`).waitFor()
    await leaver.getByRole('link', { name: '领导看板' }).click()
    await leaver.getByRole('button', { name: '登录' }).waitFor()
    expect(await leaver.getByRole('button', { name: '退出' }).count()).toBe(0)
    await screenshot(leaver, '79-journey-deactivated-sent-to-login')
    // Another person's session goes on.
    expect((await read<{ tasks: Task[] }>(hospital, '/api/tasks')).status).toBe(200)
  })
})
