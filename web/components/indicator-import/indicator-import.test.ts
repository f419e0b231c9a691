// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setCsrfToken } from '../../api.ts'
import { consequence, fileType, reportRows, rowCounts } from './import-format.ts'
import type { LsIndicatorImport } from './indicator-import.component.ts'
import './indicator-import.ts'

const NAMES = {
  units: new Map([['dongpo-health-bureau', '东坡区卫健局']]),
  inputs: new Map([['county_visits', '县域内就诊人次']]),
}

const BAD_VALUE = {
  row: 3,
  column: 'C',
  unit: 'dongpo-health-bureau',
  period: '2020',
  input: 'county_visits',
  code: 'invalid-value' as const,
  message: {
    zh: '第 3 行 C 列：县域内就诊人次（county_visits）应为数字，收到「九万」',
    en: 'Row 3, column C: county_visits must be a number, got "九万"',
  },
}

const CHECKED = {
  format: 'csv',
  layout: 'wide',
  mode: 'keep-good',
  dryRun: true,
  rows: 2,
  accepted: 2,
  rejectedCount: 1,
  rejected: [BAD_VALUE],
  applied: 0,
}

describe('import report formatting', () => {
  it('shows names instead of ids and the reason without the place the columns already give', () => {
    expect(reportRows([BAD_VALUE], NAMES)).toEqual([
      {
        row: '3',
        column: 'C',
        unit: '东坡区卫健局',
        period: '2020',
        input: '县域内就诊人次',
        reason: '县域内就诊人次（county_visits）应为数字，收到「九万」',
      },
    ])
    const header = {
      row: 1,
      message: { zh: '第 1 行：缺少「期间」列', en: 'Row 1: the period column (期间) is missing' },
    }
    expect(
      reportRows([header, { message: { zh: '文件不是有效的 CSV', en: 'Not a CSV' } }], NAMES),
    ).toEqual([
      { row: '1', column: '—', unit: '—', period: '—', input: '—', reason: '缺少「期间」列' },
      { row: '—', column: '—', unit: '—', period: '—', input: '—', reason: '文件不是有效的 CSV' },
    ])
  })

  it('counts a row with any problem as bad, also beyond the listed problems', () => {
    const twoOnOneRow = {
      rows: 5,
      rejectedCount: 2,
      rejected: [{ ...BAD_VALUE }, { ...BAD_VALUE, column: 'D' }],
    }
    expect(rowCounts(twoOnOneRow)).toEqual({ good: 4, bad: 1 })
    expect(
      rowCounts({
        rows: 2000,
        rejectedCount: 1500,
        rejected: Array.from({ length: 1000 }, (_, i) => ({ ...BAD_VALUE, row: i + 2 })),
      }),
    ).toEqual({ good: 500, bad: 1500 })
  })

  it('says what each import mode will do', () => {
    expect(consequence(CHECKED, 'keep-good')).toBe(
      '只导入 1 行合格数据，1 行被拒绝：写入 2 个数值，1 处有问题的数值不写入。',
    )
    expect(consequence(CHECKED, 'all-or-nothing')).toBe(
      '文件有 1 处问题（1 行），将不导入任何数据；请改正后重新检查。',
    )
    expect(consequence({ ...CHECKED, rejectedCount: 0, rejected: [] }, 'all-or-nothing')).toBe(
      '将写入 2 个数值；同一单位、期间、数据项已有的数值会被替换。',
    )
  })

  it('names the content type of a file the browser gave none', () => {
    expect(fileType({ name: '填报.xlsx', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    expect(fileType({ name: '填报.CSV', type: '' })).toBe('text/csv')
    expect(fileType({ name: '填报.csv', type: 'application/vnd.ms-excel' })).toBe(
      'application/vnd.ms-excel',
    )
  })
})

describe('ls-indicator-import', () => {
  afterEach(() => {
    document.body.replaceChildren()
    vi.unstubAllGlobals()
  })

  function serve() {
    const posts: Array<{ url: URL; headers: Record<string, string> }> = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (path: string, init: RequestInit = {}) => {
        const url = new URL(path, 'http://luoshi.test')
        const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status })
        if (init.method === 'POST') {
          posts.push({ url, headers: init.headers as Record<string, string> })
          if (url.searchParams.get('dryRun')) return json(CHECKED)
          if (url.searchParams.get('mode') === 'all-or-nothing') {
            return json(
              {
                error: {
                  code: 'import-rejected',
                  message: { zh: '导入未执行：1 处问题', en: 'Nothing was imported: 1 problem' },
                  issues: [{ pointer: '/rows/3/C', ...BAD_VALUE }],
                },
              },
              422,
            )
          }
          return json({ ...CHECKED, dryRun: false, applied: 2 })
        }
        if (url.pathname === '/api/plans/plan-1')
          return json({ plan: { id: 'plan-1', name: '眉山医共体医保管理改革' } })
        if (url.pathname.endsWith('/inputs'))
          return json({
            inputs: [
              {
                id: 'county_visits',
                name: '县域内就诊人次',
                unit: '人次',
                range: '≥ 0 的整数',
                frequency: 'yearly',
                indicators: [],
              },
            ],
            units: [{ id: 'dongpo-health-bureau', name: '东坡区卫健局' }],
          })
        return json({ count: 0, truncated: false, values: [] })
      }),
    )
    return posts
  }

  async function mountWithFile(): Promise<LsIndicatorImport> {
    setCsrfToken('token')
    const element = document.createElement('ls-indicator-import')
    element.planId = 'plan-1'
    document.body.append(element)
    await vi.waitFor(() => expect(element.catalogue).not.toBeNull())
    element.file = new File(['单位,期间,county_visits\n'], '东坡.csv', { type: 'text/csv' })
    await element.updateComplete
    return element
  }

  it('checks first, shows the rejected row and its reason, then keeps the good rows', async () => {
    const posts = serve()
    const element = await mountWithFile()
    const root = element.shadowRoot!
    const button = (name: string) =>
      Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!
    button('先检查').click()
    await vi.waitFor(() => expect(element.report).not.toBeNull())
    await element.updateComplete
    expect(posts[0]!.url.search).toBe('?mode=keep-good&dryRun=true')
    expect(posts[0]!.headers).toMatchObject({
      'content-type': 'text/csv',
      'x-filename': encodeURIComponent('东坡.csv'),
      'x-csrf-token': 'token',
    })
    expect(
      Array.from(root.querySelectorAll('[part=report] tbody tr > *')).map(
        (cell) => cell.textContent,
      ),
    ).toEqual([
      '3',
      'C',
      '东坡区卫健局',
      '2020',
      '县域内就诊人次',
      '县域内就诊人次（county_visits）应为数字，收到「九万」',
    ])
    expect(root.querySelector('fieldset')?.textContent).toContain('只导入 1 行合格数据，1 行被拒绝')
    button('只导入合格数据').click()
    await vi.waitFor(() => expect(element.outcome?.kind).toBe('imported'))
    await element.updateComplete
    expect(posts[1]!.url.search).toBe('?mode=keep-good')
    expect(root.querySelector('.result.done')?.textContent).toContain(
      '已导入 2 个数值（2 行数据，1 处被拒绝）',
    )
  })

  it('imports nothing when all or nothing is chosen and a row is wrong, and lists the problem', async () => {
    serve()
    const element = await mountWithFile()
    const root = element.shadowRoot!
    Array.from(root.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === '先检查')!
      .click()
    await vi.waitFor(() => expect(element.report).not.toBeNull())
    await element.updateComplete
    const allOrNothing = root.querySelector<HTMLInputElement>('input[value=all-or-nothing]')!
    allOrNothing.checked = true
    allOrNothing.dispatchEvent(new Event('change'))
    await element.updateComplete
    root.querySelector<HTMLButtonElement>('button.primary')!.click()
    await vi.waitFor(() => expect(element.outcome?.kind).toBe('refused'))
    await element.updateComplete
    const refused = root.querySelector('.result.refused')!
    expect(refused.getAttribute('role')).toBe('alert')
    expect(refused.textContent).toContain('导入未执行：1 处问题')
    expect(refused.querySelector('tbody td.reason')?.textContent).toBe(
      '县域内就诊人次（county_visits）应为数字，收到「九万」',
    )
  })
})
