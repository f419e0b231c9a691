// @vitest-environment happy-dom
import { render } from 'lit'
import { afterEach, describe, expect, it } from 'vitest'
import type { IndicatorValueList } from '../../api-types.ts'
import { setLocale } from '../../i18n.ts'
import { groupDigits } from './import-format.ts'
import { renderValues } from './import-sections.ts'

type StoredValue = IndicatorValueList['values'][number]

const VALUE = {
  unit: 'dongpo-mc',
  unitName: '东坡区医共体',
  period: '2021',
  element: 'pooled_fund_incurred',
  name: '统筹基金发生额',
  valueType: 'decimal',
  value: '433000000',
  measure: '元',
  source: 'import',
  enteredBy: { id: 'author', name: '作者' },
  enteredAt: '2021-12-20T17:30:00.000Z',
  taskId: null,
} as unknown as StoredValue

function cells(list: IndicatorValueList): string[] {
  const host = document.createElement('div')
  render(renderValues(list), host)
  return Array.from(host.querySelectorAll('tbody tr:first-child > *')).map((cell) =>
    cell.textContent.trim(),
  )
}

afterEach(() => setLocale('zh'))

describe('renderValues', () => {
  it('shows when a value was entered in China time, whatever the browser’s zone, and groups its digits', () => {
    const row = cells({ count: 1, truncated: false, values: [VALUE] })
    // 17:30 UTC is 01:30 the next day in Beijing.
    expect(row[6]).toBe('2021年12月21日 01:30')
    expect(row[3]).toBe('433,000,000 元')
    setLocale('en')
    expect(cells({ count: 1, truncated: false, values: [VALUE] })[6]).toBe('21 Dec 2021, 01:30')
  })
})

describe('groupDigits', () => {
  it('groups the whole part only, keeping every digit of an exact decimal', () => {
    expect(
      ['433000000', '1234.56789', '-1000', '999', '0.5', 'abc', '1e9'].map(groupDigits),
    ).toEqual(['433,000,000', '1,234.56789', '-1,000', '999', '0.5', 'abc', '1e9'])
  })
})
