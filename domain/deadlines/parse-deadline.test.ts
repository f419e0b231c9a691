import { parseDeadline, readNumber } from './parse-deadline.ts'
import type { DeadlineRule } from './deadline-rule.ts'

const window = (start: string, end: string): DeadlineRule => ({ kind: 'window', start, end })
const date = (day: string): DeadlineRule => ({ kind: 'date', date: day })
const every = (
  rule: Omit<Extract<DeadlineRule, { kind: 'recurring' }>, 'kind' | 'shift'> & { shift?: number },
): DeadlineRule => ({
  kind: 'recurring',
  shift: 0,
  ...rule,
})

describe('parseDeadline', () => {
  it.each<[string, DeadlineRule]>([
    // dekads: 上旬 1–10, 中旬 11–20, 下旬 21 to the month's end
    ['2018年4月上旬', window('2018-04-01', '2018-04-10')],
    ['2018年6月中旬', window('2018-06-11', '2018-06-20')],
    ['2018年6月下旬', window('2018-06-21', '2018-06-30')],
    ['2018年1月下旬', window('2018-01-21', '2018-01-31')],
    ['2019年2月下旬', window('2019-02-21', '2019-02-28')],
    ['2020年2月下旬', window('2020-02-21', '2020-02-29')],
    ['2000年2月下旬', window('2000-02-21', '2000-02-29')],
    ['2100年2月下旬', window('2100-02-21', '2100-02-28')],
    ['2018年4月上旬前', date('2018-04-10')],
    // whole months and ranges of months
    ['2018年7月', window('2018-07-01', '2018-07-31')],
    ['2020年2月', window('2020-02-01', '2020-02-29')],
    ['2018年12月', window('2018-12-01', '2018-12-31')],
    ['2018年8—12月', window('2018-08-01', '2018-12-31')],
    ['2018年8-12月', window('2018-08-01', '2018-12-31')],
    ['2018年8～12月', window('2018-08-01', '2018-12-31')],
    ['2018年8月至12月', window('2018-08-01', '2018-12-31')],
    ['2018年11月至2019年2月', window('2018-11-01', '2019-02-28')],
    ['2018年7月前', date('2018-07-31')],
    // days
    ['2019年1月15日前', date('2019-01-15')],
    ['2019年1月15日之前', date('2019-01-15')],
    ['2019年1月15日', date('2019-01-15')],
    ['2020年12月15日前', date('2020-12-15')],
    ['2020年2月29日', date('2020-02-29')],
    ['2019-01-15', date('2019-01-15')],
    ['（2018年4月上旬）', window('2018-04-01', '2018-04-10')],
    ['２０１８年４月上旬', window('2018-04-01', '2018-04-10')],
    // month and year ends
    ['2018年12月底', date('2018-12-31')],
    ['2019年2月底前', date('2019-02-28')],
    ['2020年2月末', date('2020-02-29')],
    ['2022年底', date('2022-12-31')],
    ['到 2022 年底', date('2022-12-31')],
    ['2022年年底前', date('2022-12-31')],
    ['2020年', window('2020-01-01', '2020-12-31')],
    ['2020年上半年', window('2020-01-01', '2020-06-30')],
    ['2020年下半年', window('2020-07-01', '2020-12-31')],
    ['2020年一季度', window('2020-01-01', '2020-03-31')],
    ['2020年第四季度', window('2020-10-01', '2020-12-31')],
    // recurring
    [
      '每个季度最后一个月上旬',
      every({ every: 'quarter', fromMonth: -1, toMonth: -1, dekad: 'early' }),
    ],
    [
      '每季度最后一个月上旬',
      every({ every: 'quarter', fromMonth: -1, toMonth: -1, dekad: 'early' }),
    ],
    ['每月', every({ every: 'month' })],
    ['按月度', every({ every: 'month' })],
    ['按月', every({ every: 'month' })],
    ['每月上旬', every({ every: 'month', dekad: 'early' })],
    ['按季度', every({ every: 'quarter' })],
    ['每季度', every({ every: 'quarter' })],
    ['每年', every({ every: 'year' })],
    ['按年度', every({ every: 'year' })],
    ['每年年底', every({ every: 'year', fromMonth: 12, toMonth: 12 })],
    ['年底前', every({ every: 'year' })],
    ['次年一季度', every({ every: 'year', shift: 1, fromMonth: 1, toMonth: 3 })],
    ['每年一季度', every({ every: 'year', fromMonth: 1, toMonth: 3 })],
    ['次年3月', every({ every: 'year', shift: 1, fromMonth: 3, toMonth: 3 })],
    // after each period, for its figures
    ['次月', every({ every: 'month', shift: 1 })],
    ['次月上旬', every({ every: 'month', shift: 1, dekad: 'early' })],
    ['下个月中旬', every({ every: 'month', shift: 1, dekad: 'middle' })],
    ['次季度首月', every({ every: 'quarter', shift: 1, fromMonth: 1, toMonth: 1 })],
    [
      '下季度第一个月中旬',
      every({ every: 'quarter', shift: 1, fromMonth: 1, toMonth: 1, dekad: 'middle' }),
    ],
    // relative to assignment
    ['10个工作日内', { kind: 'relative', amount: 10, unit: 'working-day' }],
    ['十五个工作日内', { kind: 'relative', amount: 15, unit: 'working-day' }],
    ['5个工作日以内', { kind: 'relative', amount: 5, unit: 'working-day' }],
    ['30日内', { kind: 'relative', amount: 30, unit: 'day' }],
    ['30天内', { kind: 'relative', amount: 30, unit: 'day' }],
    ['3个月内', { kind: 'relative', amount: 3, unit: 'month' }],
  ])('reads %s', (phrase, rule) => {
    expect(parseDeadline(phrase)).toEqual({ ok: true, rule })
  })

  it.each([
    ['2019年2月29日', '只有 28 天'],
    ['2018年4月31日', '只有 30 天'],
    ['2018年13月', '月份 13 无效'],
    ['2018年0月上旬', '月份 0 无效'],
    ['2018年12—8月', '结束早于开始'],
    ['不定期', '无法识别'],
    ['近期', '无法识别'],
    ['', '无法识别'],
    ['0个工作日内', '无法识别'],
  ])('rejects %s saying %s', (phrase, says) => {
    const result = parseDeadline(phrase)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message.zh).toContain(says)
      expect(result.message.en).not.toBe('')
    }
  })
})

describe('readNumber', () => {
  it.each([
    ['1', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['三十五', 35],
    ['两', 2],
  ])('reads %s as %d', (text, value) => expect(readNumber(text)).toBe(value))
})
