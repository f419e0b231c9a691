/** Range, approximate, relative and every-member targets, chosen and met as the documents read. */
import { Decimal } from 'decimal.js'
import { gapTo, meets, selectTarget } from './select-target.ts'
import type { AppliedTarget } from './select-target.ts'

const chosen = (
  target: Parameters<typeof selectTarget>[0][number],
  related?: (id: string) => Decimal | undefined,
): AppliedTarget => {
  const choice = selectTarget([target], 2020, undefined, true, related)
  if (!choice.ok) throw new Error(choice.reason)
  return choice.target
}
const at = (target: AppliedTarget, value: number) => ({
  met: meets(new Decimal(value), target),
  gap: gapTo(new Decimal(value), target).toNumber(),
})

describe('a range target (2—3个)', () => {
  const range = chosen({ op: '>=', value: 2, upTo: 3 })
  it('is met from 2 to 3 inclusive', () => {
    expect([2, 2.5, 3].map((v) => at(range, v).met)).toEqual([true, true, true])
  })
  it('is missed below 2 and above 3, by the distance to the nearer end', () => {
    expect(at(range, 1)).toEqual({ met: false, gap: 1 })
    expect(at(range, 4.5)).toEqual({ met: false, gap: 1.5 })
  })
})

describe('an approximate target (30%左右, ±2)', () => {
  const about = chosen({ op: '=', value: 30, tolerance: 2 })
  it('is met within the stated tolerance either side', () => {
    expect([28, 30, 32].map((v) => at(about, v).met)).toEqual([true, true, true])
  })
  it('is missed beyond it, by how far past the tolerance', () => {
    expect(at(about, 33.5)).toEqual({ met: false, gap: 1.5 })
    expect(at(about, 27)).toEqual({ met: false, gap: 1 })
  })
})

describe('a target relative to another measure (医保基金支出增速不高于经济增长)', () => {
  const target = { op: '<=' as const, relativeTo: 'gdp-growth' }
  it('takes the other indicator’s value in the same year as its bound', () => {
    const relative = chosen(target, (id) => (id === 'gdp-growth' ? new Decimal(6.1) : undefined))
    expect(relative.value.toNumber()).toBe(6.1)
    expect(at(relative, 5.9)).toEqual({ met: true, gap: 0 })
    expect(at(relative, 7.3).met).toBe(false)
  })
  it('is not evaluated while the other indicator has no value', () => {
    expect(selectTarget([target], 2020, undefined, true, () => undefined)).toEqual({
      ok: false,
      reason: 'no-related-value',
    })
  })
})

describe('an every-member target (每个卫生院不少于3人)', () => {
  it('carries the every-member mark to whoever rolls members up', () => {
    expect(chosen({ op: '>=', value: 3, each: true }).each).toBe(true)
    expect(chosen({ op: '>=', value: 3 }).each).toBeUndefined()
  })
})
