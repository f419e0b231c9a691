/**
 * The README's demo table, in Chromium: a server started today on the demo (as `npm start` on an
 * empty data folder), each account of the table logs in through the form at the bare address,
 * lands on the page its row names (`…` standing for an id) and finds there, visible, every text
 * its row quotes 「…」. The table is read from README.md, so what
 * it promises and what the demo shows cannot drift apart.
 */
import { readFileSync } from 'node:fs'
import { loginPage, screenshot, startE2E } from './helpers/browser.ts'
import type { E2E } from './helpers/browser.ts'

interface Promise_ {
  username: string
  page: string
  texts: string[]
}

/** The rows of the README's demo account table. */
function promises(): Promise_[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const header = readme.indexOf('| username | who | roles | finds on logging in |')
  expect(header).toBeGreaterThan(0)
  const rows = readme
    .slice(header)
    .split('\n')
    .slice(2)
    .filter((line, index, lines) => lines.slice(0, index + 1).every((l) => l.startsWith('|')))
  return rows.map((row) => {
    const cells = row.split('|').map((cell) => cell.trim())
    const finds = cells[4]!
    return {
      username: /`([^`]+)`/.exec(cells[1]!)![1]!,
      page: /`(#\/[^`]*)`/.exec(finds)![1]!,
      texts: [...finds.matchAll(/「([^」]+)」/g)].map((match) => match[1]!),
    }
  })
}

/** Today's date in Beijing, 09:00: the demo as a first start this morning loads it. */
function thisMorning(): string {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  return `${day}T09:00:00+08:00`
}

describe('the README’s demo accounts, in Chromium', () => {
  let e2e: E2E

  beforeAll(async () => {
    e2e = await startE2E(thisMorning())
  }, 180_000)

  afterAll(async () => {
    await e2e?.close()
  })

  it('reads a row per account from the table, each naming a page', () => {
    const rows = promises()
    expect(rows.map((row) => row.username)).toEqual(expect.arrayContaining(['admin', 'author']))
    expect(rows.every((row) => row.page.startsWith('#/'))).toBe(true)
  })

  for (const row of promises()) {
    it(`${row.username} finds on ${row.page}: ${row.texts.map((text) => `「${text}」`).join(' ')}`, async () => {
      const page = await loginPage(e2e, row.username, '')
      const escaped = row.page.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      const landing = new RegExp(`^${escaped.join('[^/]+')}$`)
      await expect.poll(() => page.evaluate(() => location.hash)).toMatch(landing)
      for (const text of row.texts)
        // Shown on the page, not only an option of a closed filter.
        await page.getByText(text).filter({ visible: true }).first().waitFor()
      await screenshot(page, `demo-${row.username}`)
      await page.context().close()
    }, 60_000)
  }
})
