/**
 * An author opens a policy's YAML and its source document from disk in the editor: a Word
 * .docx whose text misses a quote shows that quote as an error at its YAML line, the right
 * document (a UTF-8 .txt saved on Windows) clears it and shows its name, size and sha256, and the
 * version published with it lists that hash with a link that downloads the source.
 */
import { createHash } from 'node:crypto'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import type { Page } from 'playwright-core'
import { MINIMAL_POLICY, MINIMAL_SOURCE, lineOf } from '../helpers/minimal-policy.ts'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** A .docx written by the docx package: one paragraph per line of `text`. */
async function wordDocument(text: string): Promise<Buffer> {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => new Paragraph({ children: [new TextRun(line)] }))
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }))
}

describe('uploading a policy with its source in Chromium', () => {
  let e2e: E2E
  let author: Page

  beforeAll(async () => {
    e2e = await startE2E()
    author = await loginPage(e2e, 'author', '#/author')
    await author.locator('.cm-line').first().waitFor()
  })

  afterAll(async () => {
    await e2e?.close()
  })

  it('opens a YAML file from disk in the editor', async () => {
    await author.getByLabel('打开 YAML 文件').setInputFiles({
      name: '示范县医改实施方案.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(MINIMAL_POLICY),
    })
    await author.getByText('已打开文件 示范县医改实施方案.yaml').waitFor()
    await author.locator('.cm-line', { hasText: 'id: demo-county-plan' }).first().waitFor()
  })

  it('checks the quotes against an uploaded .docx, showing a missing one at its YAML line', async () => {
    const docx = await wordDocument(MINIMAL_SOURCE.replace('统筹落实补助资金', '统筹安排补助资金'))
    await author.getByLabel('上传原文文件').setInputFiles({
      name: '实施方案（征求意见稿）.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    })
    await author.getByText('已载入原文 实施方案（征求意见稿）.docx').waitFor({ timeout: 30_000 })
    const issue = author.locator('ls-issue-list li', { hasText: 'quote-not-found' }).first()
    await issue.waitFor({ timeout: 30_000 })
    const text = await issue.innerText()
    expect(text).toContain(`行 ${lineOf(MINIMAL_POLICY, 'quote: 统筹落实补助资金')}:`)
    expect(text).toContain('/responsibilities/2/source/quote')
    expect(await author.locator('textarea#source').inputValue()).toContain('统筹安排补助资金')
  })

  it('shows the right source file’s name, size and sha256 once it is uploaded, with no issue left', async () => {
    const file = Buffer.from(`\uFEFF${MINIMAL_SOURCE.replace(/\n/g, '\r\n')}`, 'utf8')
    await author.getByLabel('上传原文文件').setInputFiles({
      name: '示范县医改实施方案.txt',
      mimeType: 'text/plain',
      buffer: file,
    })
    await author.getByText('已载入原文 示范县医改实施方案.txt').waitFor({ timeout: 30_000 })
    await author.getByText('未发现问题').first().waitFor({ timeout: 30_000 })
    const details = await author.locator('dl.source-file').innerText()
    expect(details).toContain('示范县医改实施方案.txt')
    expect(details).toContain(`${file.length} B`)
    expect(details).toContain(sha256(MINIMAL_SOURCE))
    await screenshot(author, '09-editor-source-uploaded')
  })

  it('publishes with the source, and lists the version with its source hash and a download', async () => {
    await author.getByRole('button', { name: '发布', exact: true }).click()
    const dialog = author.getByRole('dialog', { name: '发布 demo-county-plan v1.0.0？' })
    await dialog.getByLabel('变更说明').fill('上传 YAML 与原文发布')
    await dialog.getByRole('button', { name: '确认发布' }).click()
    await author.getByText('已发布 demo-county-plan v1.0.0').first().waitFor({ timeout: 30_000 })
    const row = author.locator('ls-policy-versions tr', { hasText: '1.0.0' })
    await row.locator('code.hash', { hasText: sha256(MINIMAL_SOURCE).slice(0, 12) }).waitFor()
    const href = await row.getByRole('link', { name: '下载原文' }).getAttribute('href')
    expect(href).toBe('/api/policies/demo-county-plan/versions/1.0.0/source')
    const downloaded = await author.evaluate(async (url) => (await fetch(url)).text(), href!)
    expect(downloaded).toBe(MINIMAL_SOURCE)
    await screenshot(author, '10-version-with-source')
  })
})
