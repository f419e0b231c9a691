import { periodPrefix, titleWithPeriod } from './period-title.ts'

describe('titleWithPeriod', () => {
  it('puts the year, quarter or month before a recurring task’s title', () => {
    expect(titleWithPeriod('指标数据填报（年度）', '2021')).toBe('2021年 指标数据填报（年度）')
    expect(titleWithPeriod('季度报送', '2021-Q3')).toBe('2021年第3季度 季度报送')
    expect(titleWithPeriod('月报', '2021-07')).toBe('2021年7月 月报')
  })

  it('keeps a one-off task’s title, and one that already names its period', () => {
    expect(titleWithPeriod('完善投入政策', 'once')).toBe('完善投入政策')
    expect(titleWithPeriod('2021年 总结', '2021')).toBe('2021年 总结')
    expect(titleWithPeriod('整改：县域内就诊率（2021 年考核）', '2021')).toBe(
      '整改：县域内就诊率（2021 年考核）',
    )
    expect(periodPrefix('once')).toBe('')
  })
})
