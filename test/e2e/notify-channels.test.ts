/**
 * In the browser, 通知渠道: an administrator picks a region, adds an e-mail and a 钉钉 channel for
 * its units (a bad address refused beside its row), saves, and after a reload sees the 钉钉
 * webhook token and signing secret masked; the page reads in English and fits a phone. A region
 * administrator gets their own region's channels without choosing a region.
 */
import { login } from '../helpers/durability-server.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const DING = 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef'
const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef'
const REGION_ADMIN_PASSWORD = 'Channels-Officer-2018!'

describe('notification channels in the browser', () => {
  let e2e: E2E
  let regionName: string
  let regionId: string

  beforeAll(async () => {
    e2e = await startE2E(undefined, { PORT: process.env.PORT ?? '4440' })
    // The region of a published policy: its units are those the page offers.
    const admin = await login(e2e.server.baseUrl, 'admin', 'luoshi-demo')
    const { policies } = (await (await admin.get('/api/policies')).json()) as {
      policies: Array<{ region: string }>
    }
    const { regions } = (await (await admin.get('/api/regions')).json()) as {
      regions: Array<{ id: string; name: string }>
    }
    const region = regions.find((each) => policies.some((policy) => policy.region === each.name))!
    regionName = region.name
    regionId = region.id
    const created = await admin.post('/api/users', {
      username: 'channels.officer',
      displayName: '渠道管理员',
      roles: ['region-admin'],
      regionId,
      password: REGION_ADMIN_PASSWORD,
    })
    expect(created.status, await created.clone().text()).toBe(201)
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('configures an e-mail and a 钉钉 channel, refusing a bad address at its row, and shows the secret masked after a reload', async () => {
    const page = await loginPage(e2e, 'admin', '#/inbox')
    await page.locator('ls-app nav').getByRole('link', { name: '通知渠道' }).click()
    const view = page.locator('ls-notify-channels')
    await view.getByRole('heading', { name: '通知渠道' }).waitFor()
    await view.getByLabel('地区').selectOption({ label: regionName })
    await view.getByText('尚未设置通知渠道').waitFor()

    await view.getByRole('button', { name: '添加渠道' }).click()
    const email = view.locator('tr[data-channel="0"]')
    expect(await email.getByLabel('单位').locator('option').count()).toBeGreaterThan(0)
    await email.getByLabel('渠道').selectOption({ label: '邮件' })
    await email.getByLabel('邮箱或 Webhook 地址').fill('not an address')
    await view.getByRole('button', { name: '添加渠道' }).click()
    const ding = view.locator('tr[data-channel="1"]')
    await ding.getByLabel('渠道').selectOption({ label: '钉钉群机器人' })
    await ding.getByLabel('邮箱或 Webhook 地址').fill(DING)
    await ding.getByLabel('加签密钥').fill(DING_SECRET)
    await view.getByRole('button', { name: '保存' }).click()
    await email.getByRole('alert').waitFor()
    expect(await ding.getByRole('alert').count()).toBe(0)
    await screenshot(page, '90-channels-refused')

    await email.getByLabel('邮箱或 Webhook 地址').fill('office@example.gov.cn')
    await view.getByRole('button', { name: '保存' }).click()
    await view.getByRole('status').filter({ hasText: '已保存' }).waitFor()

    await page.reload()
    await view.getByLabel('地区').selectOption({ label: regionName })
    const rows = view.locator('tr[data-channel]')
    await rows.nth(1).waitFor()
    const dingRow = view.locator('tr[data-kind="dingtalk"]')
    const target = dingRow.getByLabel('邮箱或 Webhook 地址')
    expect(await target.inputValue()).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=0123…',
    )
    const secret = dingRow.getByLabel('加签密钥')
    expect(await secret.getAttribute('type')).toBe('password')
    expect(await secret.inputValue()).toBe('')
    expect(await secret.getAttribute('placeholder')).toBe('已设置（SEC0…），留空则保留')
    const emailRow = view.locator('tr[data-kind="email"]')
    expect(await emailRow.getByLabel('邮箱或 Webhook 地址').inputValue()).toBe(
      'office@example.gov.cn',
    )
    expect(await page.content()).not.toContain('0123456789abcdef0123456789abcdef')
    await screenshot(page, '91-channels-saved')

    // Saved again unchanged, the stored webhook and secret are kept (the masked ones not sent).
    await view.getByRole('button', { name: '保存' }).click()
    await view.getByRole('status').filter({ hasText: '已保存' }).waitFor()
    const listed = await page.evaluate(
      async (id) => (await fetch(`/api/regions/${id}/channels`)).json(),
      regionId,
    )
    expect(listed.channels).toContainEqual(
      expect.objectContaining({
        kind: 'dingtalk',
        target: 'https://oapi.dingtalk.com/robot/send?access_token=0123…',
        secret: 'SEC0…',
      }),
    )

    await page.locator('ls-app header').getByRole('button', { name: 'English' }).click()
    await view.getByRole('heading', { name: 'Notification channels' }).waitFor()
    expect(await dingRow.getByLabel('Signing secret').getAttribute('placeholder')).toBe(
      'Set (SEC0…); leave empty to keep it',
    )
    await screenshot(page, '92-channels-english')

    await page.setViewportSize({ width: 390, height: 844 })
    expect(await view.locator('thead').isVisible()).toBe(false)
    const box = (await dingRow.getByLabel('Address or webhook URL').boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await screenshot(page, '93-channels-phone')
  })

  it('opens its own region’s channels for a region administrator, with no region to choose', async () => {
    const page = await loginPage(e2e, 'channels.officer', '#/inbox', REGION_ADMIN_PASSWORD)
    await page.locator('ls-app nav').getByRole('link', { name: '通知渠道' }).click()
    const view = page.locator('ls-notify-channels')
    await view.locator('tr[data-kind="dingtalk"]').waitFor()
    expect(await view.getByLabel('地区').count()).toBe(0)
    expect(await view.locator('tr[data-channel]').count()).toBe(2)
    expect(
      await view
        .locator('tr[data-kind="dingtalk"]')
        .getByLabel('加签密钥')
        .getAttribute('placeholder'),
    ).toBe('已设置（SEC0…），留空则保留')
    await screenshot(page, '99-channels-region-admin')
  })
})
