// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n.ts'
import {
  byCategory,
  formatTarget,
  formatValue,
  latestPoint,
  tally,
  targetOf,
} from './trend-format.ts'
import { buildIndicator, buildPoint } from './indicator-trends.fixtures.ts'
import { tooltipHtml, trendOption } from './trend-option.ts'

const point = buildPoint

describe('trendOption', () => {
  it('plots the values by year, coloured by status, and leaves a gap (never 0) for a missing year', () => {
    const option = trendOption(buildIndicator())
    const [values, targets] = option.series as Array<{
      data: unknown[]
      connectNulls: boolean
      step?: string
      lineStyle: { type?: string }
    }>
    expect((option.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022'])
    expect(values!.data).toEqual([
      expect.objectContaining({ value: 87.5, itemStyle: { color: '#d92d20' } }),
      expect.objectContaining({ value: 91.077302784223, itemStyle: { color: '#12b76a' } }),
      expect.objectContaining({ value: null }),
    ])
    expect(values!.connectNulls).toBe(false)
    expect(targets).toMatchObject({
      data: [88, 90, 90],
      step: 'middle',
      lineStyle: { type: 'dashed' },
    })
  })

  it('steps the target year by year and leaves years without one empty', () => {
    const indicator = buildIndicator({
      targets: [],
      series: [
        point(2020, '3', null, 'no-target'),
        point(2021, '4', '5', 'met'),
        point(2022, '6', '4', 'not-met', '2'),
      ],
    })
    const [, targets] = trendOption(indicator).series as Array<{ data: unknown[] }>
    expect(targets!.data).toEqual([null, 5, 4])
  })

  it('takes the target of a year without a value from the config, as the server chooses it', () => {
    const missing = point(2023, null, null, 'missing')
    expect(targetOf(buildIndicator(), point(2022, null, null, 'missing'))).toMatchObject({
      op: '>=',
      value: '90',
      phrase: '力争达 90%以上',
    })
    // No 2023 target: the latest earlier year's stays in force.
    expect(targetOf(buildIndicator(), missing)).toMatchObject({ value: '90', year: 2022 })
    const delta = buildIndicator({
      baseline: { label: '试点前', value: 52.81 },
      targets: [
        { year: 2022, op: '>=', value: null, delta: 5, phrase: '较试点前提升不少于 5 个百分点' },
      ],
    } as never)
    expect(targetOf(delta, point(2022, null, null, 'missing'))?.value).toBe('57.81')
    expect(targetOf(buildIndicator({ targets: [] }), missing)).toBeNull()
  })

  it('labels every year on the axis, whatever the length of the labels', () => {
    const option = trendOption(buildIndicator())
    expect((option.xAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0)
  })

  it('says 未填报 under a missing year and in its tooltip, with the reason', () => {
    const option = trendOption(buildIndicator(), 'region')
    const label = (
      option.xAxis as { axisLabel: { formatter: (label: string, index: number) => string } }
    ).axisLabel.formatter
    expect(label('2022', 2)).toBe('2022\n未填报')
    expect(label('2021', 1)).toBe('2021')
    setLocale('en')
    // The same words as the table's status: a year nobody reported is "Not reported" everywhere.
    expect(label('2022', 2)).toBe('2022\nNot reported')
    setLocale('zh')
    const tooltip = tooltipHtml(buildIndicator(), 2, 'region')
    expect(tooltip).toContain('实际值：<b>未填报</b>')
    expect(tooltip).toContain('尚无单位填报「县域内就诊率」')
  })

  it('puts the gap in the tooltip of a year that misses its target, and how many units reported', () => {
    const tooltip = tooltipHtml(buildIndicator(), 0, 'group')
    expect(tooltip).toContain('<strong>县域内就诊率 · 2020</strong>')
    expect(tooltip).toContain('实际值：<b>87.5%</b>')
    expect(tooltip).toContain('目标：<b>≥ 88%（2020 年达到 88%及以上）</b>')
    expect(tooltip).toContain('状态：<b>未达标</b>')
    expect(tooltip).toContain('差距：<b>0.5%</b>')
    expect(tooltip).toContain('2 个单位填报')
    expect(tooltipHtml(buildIndicator(), 1)).not.toContain('差距')
  })

  it('escapes names from the config', () => {
    expect(tooltipHtml(buildIndicator({ name: '<img src=x>' }), 0)).toContain('&lt;img src=x&gt;')
  })
})

describe('trend formatting', () => {
  it('rounds values for reading and writes targets with their comparator and unit', () => {
    expect(formatValue('91.077302784223', '%')).toBe('91.08%')
    expect(formatValue('5030000', '人次')).toBe('5,030,000 人次')
    // In English the unit is translated, in the number's plural, and a bare count (个) drops it.
    expect(formatValue('1', '人次', 'en')).toBe('1 visit')
    expect(formatValue('5030000', '人次', 'en')).toBe('5,030,000 visits')
    expect(formatTarget({ op: '>=', value: '2', year: null, phrase: null }, '个', 'en')).toBe('≥ 2')
    expect(formatTarget({ op: '<=', value: '30', year: 2021, phrase: null }, '%')).toBe('≤ 30%')
  })

  it('summarises each indicator by its latest year with a value, and tallies the section', () => {
    const reported = buildIndicator()
    const never = buildIndicator({
      id: 'satisfaction',
      category: '考核指标',
      series: [point(2020, null, '90', 'missing'), point(2021, null, '90', 'missing')],
    })
    const untargeted = buildIndicator({
      id: 'share',
      category: null,
      series: [point(2021, '55', null, 'no-target')],
    })
    expect(latestPoint(reported)).toMatchObject({ year: 2021, status: 'met' })
    expect(latestPoint(never)).toMatchObject({ year: 2021, status: 'missing' })
    expect(tally([reported, never, untargeted])).toEqual({
      met: 1,
      notMet: 0,
      noTarget: 1,
      missing: 1,
      invalid: 0,
      partial: 0,
    })
    expect(
      byCategory([untargeted, reported, never]).map((group) => [
        group.category,
        group.indicators.map((i) => i.id),
      ]),
    ).toEqual([
      ['工作目标', ['county-visit-rate']],
      ['考核指标', ['satisfaction']],
      [null, ['share']],
    ])
  })
})
