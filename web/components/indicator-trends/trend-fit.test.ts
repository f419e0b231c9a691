import { describe, expect, it } from 'vitest'
import { axisBounds, splitByYear, yesNo } from './trend-fit.ts'
import type { TrendIndicator } from './trend-format.ts'

type Point = TrendIndicator['series'][number]

function indicator(
  valueType: string,
  values: Array<[number, string | null]>,
  targets: TrendIndicator['targets'] = [],
): TrendIndicator {
  return {
    id: `i-${valueType}`,
    name: '指标',
    category: null,
    unit: valueType === 'percentage' ? '%' : null,
    valueType,
    direction: 'higher-is-better',
    frequency: 'yearly',
    rollup: 'mean',
    targets,
    baseline: null,
    series: values.map(([year, value]): Point => ({
      year,
      value,
      target: null,
      gap: null,
      reporting: value === null ? 0 : 1,
      partial: false,
      problem: null,
      status: value === null ? 'missing' : 'no-target',
    })),
  } as TrendIndicator
}

const target = (year: number | null, value: number) =>
  ({ year, op: '>=', value, delta: null, phrase: null }) as TrendIndicator['targets'][number]

describe('indicators on the dashboard', () => {
  it('reads yes/no values as 是 / 否, a roll-up as the share that said yes', () => {
    expect(yesNo('1')?.text).toBe('是')
    expect(yesNo('true')).toEqual({ yes: true, text: '是' })
    expect(yesNo('0')).toEqual({ yes: false, text: '否' })
    expect(yesNo('false')?.text).toBe('否')
    expect(yesNo('0.6')).toEqual({ yes: true, text: '是 60%' })
    expect(yesNo(null)).toBeNull()
  })

  it('fits a percent axis to its values and targets, never past 100% or below 0', () => {
    const rate = indicator(
      'percentage',
      [
        [2019, '86.5'],
        [2020, '91.2'],
        [2021, '97'],
      ],
      [target(null, 90)],
    )
    const bounds = axisBounds(rate)!
    expect(bounds.max).toBeLessThanOrEqual(100)
    expect(bounds.max).toBeGreaterThanOrEqual(97)
    expect(bounds.min).toBeLessThanOrEqual(86.5)
    expect(bounds.min).toBeGreaterThan(50)
    // Near zero the margin below would go negative: a percent stops at 0.
    const low = axisBounds(
      indicator('percentage', [
        [2020, '0.1'],
        [2021, '3'],
      ]),
    )!
    expect(low.min).toBe(0)
    expect(axisBounds(indicator('percentage', [[2020, null]]))).toBeNull()
  })

  it('puts the indicators with a value or a target in the year first', () => {
    const valued = indicator('count', [[2018, '5']])
    const targeted = { ...indicator('ratio', [[2018, null]], [target(2018, 1)]), id: 'targeted' }
    const later = { ...indicator('number', [[2018, null]], [target(2020, 1)]), id: 'later' }
    const { current, rest } = splitByYear([later, valued, targeted], 2018)
    expect(current.map((i) => i.id)).toEqual([valued.id, 'targeted'])
    expect(rest.map((i) => i.id)).toEqual(['later'])
    expect(splitByYear([later, valued], null).current).toHaveLength(2)
  })
})
