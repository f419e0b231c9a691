import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import type { EntryInput } from './inputs.ts'
import { valueOfYear } from './year-values.ts'

const input = (
  valueType: EntryInput['valueType'],
  kind: EntryInput['kind'] = 'data-element',
): EntryInput => ({
  id: 'x',
  name: 'x',
  valueType,
  unit: null,
  kind,
  indicators: [],
  frequency: 'monthly',
  owners: [],
})
const months = (values: number[], from = 1) =>
  values.map((value, i) => ({
    period: `2021-${String(from + i).padStart(2, '0')}`,
    value: new Decimal(value),
  }))
const quarters = (values: number[]) =>
  values.map((value, i) => ({ period: `2021-Q${i + 1}`, value: new Decimal(value) }))
const year = (entered: Parameters<typeof valueOfYear>[1], of: EntryInput) => {
  const value = valueOfYear('2021', entered, of)
  return value instanceof Decimal ? value.toString() : value
}

describe('valueOfYear', () => {
  it('takes the value entered for the year over anything built from its parts', () => {
    expect(
      year(
        [...months(Array(12).fill(10)), { period: '2021', value: new Decimal(99) }],
        input('count'),
      ),
    ).toBe('99')
  })

  it('adds up a count over twelve months, or four quarters — never both, which would count visits twice', () => {
    expect(year(months(Array(12).fill(10)), input('count'))).toBe('120')
    expect(year(quarters([30, 30, 30, 40]), input('count'))).toBe('130')
    expect(
      year([...months(Array(12).fill(10)), ...quarters([30, 30, 30, 30])], input('amount')),
    ).toBe('120')
    expect(year([...months([30, 30, 40]), ...quarters([100, 100, 100, 100])], input('count'))).toBe(
      '400',
    )
  })

  it('leaves a count missing while the year is only partly reported', () => {
    expect(year(months([30, 30, 40]), input('count'))).toBeUndefined()
    expect(year(quarters([30, 30, 30]), input('days'))).toBeUndefined()
  })

  it('takes the latest period of a rate by when it ends: December over Q1, the month over its quarter', () => {
    expect(year([...months([95], 12), ...quarters([60])], input('percentage'))).toBe('95')
    expect(year([...quarters([60, 70, 80, 90]), ...months([91], 12)], input('percentage'))).toBe(
      '91',
    )
    expect(year([...months([80], 10), ...quarters([70, 75, 78])], input('percentage'))).toBe('80')
  })

  it('does not add up an indicator entered as is, even a count (日间手术病种数 is not summed by month)', () => {
    expect(year(months([5, 6, 7, 8, 8, 8, 8, 8, 9, 9, 9, 10]), input('count', 'indicator'))).toBe(
      '10',
    )
  })

  it('says yes for the year if any period said yes', () => {
    expect(
      valueOfYear(
        '2021',
        [
          { period: '2021-03', value: false },
          { period: '2021-Q2', value: true },
        ],
        input('boolean'),
      ),
    ).toBe(true)
    expect(valueOfYear('2021', [{ period: '2021-03', value: false }], input('boolean'))).toBe(false)
  })
})
