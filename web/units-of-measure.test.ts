// @vitest-environment happy-dom
import { unitLabel } from './units-of-measure.ts'

describe('unitLabel', () => {
  it('keeps the unit as written in Chinese', () => {
    expect(unitLabel('个', 2, 'zh')).toBe('个')
    expect(unitLabel('人次', 1, 'zh')).toBe('人次')
  })

  it('translates units to English in the plural the number asks for, and drops a bare count', () => {
    expect(unitLabel('个', 2, 'en')).toBe('')
    expect(unitLabel('人次', 1, 'en')).toBe('visit')
    expect(unitLabel('人次', 2, 'en')).toBe('visits')
    expect(unitLabel('天', undefined, 'en')).toBe('days')
    expect(unitLabel('万元', 3, 'en')).toBe('×10,000 yuan')
  })

  it('leaves a unit it does not know as written', () => {
    expect(unitLabel('kg', 2, 'en')).toBe('kg')
  })
})
