// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../i18n.ts'
import { pointLabel, trendOption, trendTooltip } from './assessment-report.option.ts'
import type { TrendChartData } from './assessment-report.option.ts'

const DATA: TrendChartData = {
  years: ['2020 年', '2021 年'],
  totals: [104.32, 90.19],
  vetoed: [false, true],
  bands: [
    { name: '优秀', min: 90 },
    { name: '不合格', min: 0 },
  ],
  max: 110,
  seriesName: '总分',
  vetoLabel: '一票否决',
}

afterEach(() => setLocale('zh'))

describe('trendOption', () => {
  it('draws the axis to the given top and keeps the first point and its label off the y axis', () => {
    const option = trendOption(DATA) as {
      yAxis: { max: number }
      xAxis: { boundaryGap: boolean }
      series: Array<{ label: { position: string } }>
    }
    expect(option.yAxis.max).toBe(110)
    expect(option.xAxis.boundaryGap).toBe(true)
    expect(option.series[0]!.label.position).toBe('top')
  })

  it('draws a vetoed year as a red diamond labelled and explained 一票否决', () => {
    const [series] = trendOption(DATA).series as Array<{
      data: Array<{ value: number; symbol?: string; itemStyle?: { color: string } }>
    }>
    expect(series!.data[0]).toEqual({ value: 104.32 })
    expect(series!.data[1]).toMatchObject({
      value: 90.19,
      symbol: 'diamond',
      itemStyle: { color: '#b42318' },
    })
    expect(pointLabel(DATA, 0)).toBe('104.32')
    expect(pointLabel(DATA, 1)).toBe('90.19 一票否决')
    expect(trendTooltip(DATA, 1)).toContain('一票否决')
    expect(trendTooltip(DATA, 0)).not.toContain('一票否决')
    expect(trendTooltip(DATA, 0)).toContain('总分：104.32')
  })
})
