import type { AssessmentItem, Due, PolicyConfig } from './index.ts'

describe('policy types derived from the schema', () => {
  it('narrow assessment items by kind', () => {
    const item = { id: 'v', name: '否决', kind: 'veto', when: 'x', grade: 'fail' } as AssessmentItem
    if (item.kind === 'veto') {
      const grade: string = item.grade
      expect(grade).toBe('fail')
      // @ts-expect-error a veto has no weight
      expect(item.weight).toBeUndefined()
    }
  })

  it('accept a deadline phrase, a date, a window or an explicit unspecified', () => {
    const dues: Due[] = [
      '2018年4月上旬',
      { date: '2019-01-15' },
      { from: '2018-08-01', to: '2018-12-31' },
      { unspecified: '未规定' },
    ]
    // @ts-expect-error a number is not a deadline
    const wrong: Due = 42
    expect(dues).toHaveLength(4)
    expect(wrong).toBe(42)
  })

  it('require the sections every config has', () => {
    // @ts-expect-error metadata, organizations, responsibilities and timeline are required
    const empty: PolicyConfig = {}
    expect(empty).toEqual({})
  })
})
