/**
 * An author breaks a published config in the editor, sees the error at the right line, fixes it,
 * raises the version and publishes.
 */
import type { Page } from 'playwright-core'
import { afterAnswer, loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

describe('authoring in Chromium', () => {
  let e2e: E2E
  let author: Page
  let versionLine: number

  beforeAll(async () => {
    e2e = await startE2E()
    author = await loginPage(e2e, 'author', '#/author')
  })

  afterAll(async () => {
    await e2e?.close()
  })

  /** Puts the cursor at the end of the editor line showing `text`. */
  async function endOfLine(text: string): Promise<void> {
    await author.locator('.cm-line', { hasText: text }).first().click()
    await author.keyboard.press('End')
  }

  it('opens the published Pingnan config with no issue', async () => {
    // The editor opens on the first policy (Chongqing, also 1.0.0) and keeps its text on screen
    // until Pingnan's answer is in: wait for that answer, then for Pingnan's own text.
    await afterAnswer(author, /\/api\/policies\/pingnan-medical-alliance\/versions\/1\.0\.0$/, () =>
      author.getByLabel('政策', { exact: true }).selectOption('pingnan-medical-alliance'),
    )
    await author.locator('.cm-line', { hasText: 'id: pingnan-medical-alliance' }).first().waitFor()
    await author.locator('.cm-line', { hasText: 'version: 1.0.0' }).first().waitFor()
    await author.getByText('未发现问题').first().waitFor({ timeout: 30_000 })
    const yaml: string = await author.evaluate(
      async () =>
        (await (await fetch('/api/policies/pingnan-medical-alliance/versions/1.0.0')).json()).yaml,
    )
    versionLine = yaml.split('\n').findIndex((line) => line.trim() === 'version: 1.0.0') + 1
    expect(versionLine).toBeGreaterThan(1)
    await screenshot(author, '06-editor')
  })

  it('shows a broken version number as an error at its line', async () => {
    await endOfLine('version: 1.0.0')
    await author.keyboard.type('.x')
    const issue = author.locator('ls-issue-list li', { hasText: 'invalid-format' }).first()
    await issue.waitFor({ timeout: 30_000 })
    const text = await issue.innerText()
    expect(text).toContain(`行 ${versionLine}:`)
    expect(text).toContain('/metadata/version')
    expect(text).toContain('格式不符')
    await screenshot(author, '07-editor-error')
  })

  it('publishes once the error is fixed and the version raised', async () => {
    await endOfLine('version: 1.0.0.x')
    for (let i = 0; i < 3; i++) await author.keyboard.press('Backspace') // "0.x" → ""
    await author.keyboard.type('1')
    await author.locator('.cm-line', { hasText: 'version: 1.0.1' }).first().waitFor()
    await author.getByText('未发现问题').first().waitFor({ timeout: 30_000 })
    await author.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = author.getByRole('dialog', { name: '发布 pingnan-medical-alliance v1.0.1？' })
    await dialog.getByLabel('变更说明').fill('版本号提高到 1.0.1')
    await dialog.getByRole('button', { name: '确认发布' }).click()
    await author
      .getByText('已发布 pingnan-medical-alliance v1.0.1')
      .first()
      .waitFor({ timeout: 30_000 })
    const versions = await author.evaluate(async () =>
      (await (await fetch('/api/policies/pingnan-medical-alliance/versions')).json()).versions.map(
        (v: { version: string }) => v.version,
      ),
    )
    expect(versions).toEqual(['1.0.1', '1.0.0'])
    await screenshot(author, '08-editor-published')
  })
})
