import { Decimal } from 'decimal.js'
import { ExactDecimal, roundedText } from './exact-decimal.ts'

/** A small deterministic generator (mulberry32), so a failure is the same on every run. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Decimal texts that reach every rounding edge: up to 30 digits (past the 20 kept), ties (a 5
 * then zeros where a digit is dropped), runs of 9s that carry, both signs, from 1e-30 to 1e30.
 */
function decimalText(next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n)
  const length = 1 + pick(30)
  let digits = ''
  const shape = pick(5)
  for (let i = 0; i < length; i++) {
    if (shape === 0)
      digits += i === 0 ? String(1 + pick(9)) : '0' // powers of ten
    else if (shape === 1)
      digits += i === length - 1 ? '5' : String(pick(10)) // ties
    else if (shape === 2)
      digits += '9' // carries
    else if (shape === 3 && i > 3)
      digits += i === 21 ? '5' : '0' // a tie at digit 21
    else digits += String(pick(10))
  }
  const exponent = pick(61) - 30
  const sign = next() < 0.3 ? '-' : ''
  return `${sign}${digits}e${exponent - length + 1}`
}

const SAMPLES = 20_000

describe('ExactDecimal gives decimal.js’s figures digit for digit', () => {
  const next = random(17)
  const pairs = Array.from({ length: SAMPLES }, () => [decimalText(next), decimalText(next)])
  // Everyday figures too: counts, money, rates near the 12-place and 20-digit edges.
  for (const [a, b] of [
    ['264', '300'],
    ['1', '3'],
    ['2', '3'],
    ['0.5', '1'],
    ['-0.5', '1'],
    ['2.5', '1'],
    ['99999999999999999999.5', '1'],
    ['-99999999999999999999.5', '1'],
    ['0.0000001', '0.000001'],
    ['123456789012345678901234567890', '7'],
    ['0.0000000000005', '1'],
    ['-0.0000000000005', '1'],
    ['0', '5'],
    // Around 2^53, where coefficients leave floats for BigInts.
    ['9007199254740991', '1'],
    ['9007199254740992', '1'],
    ['9007199254740993', '-1'],
    ['4503599627370496', '4503599627370496'],
    ['900719925474099.1', '0.9'],
    ['-9007199254740991', '0.0000000000000001'],
    // Quotients that end (exact as floats) and that do not.
    ['3.7', '0.5'],
    ['-3', '8'],
    ['1', '1024'],
    ['9007199254740991', '3'],
    ['0.000000000000001', '0.4'],
  ])
    pairs.push([a!, b!])

  test('plus, minus, times, dividedBy, abs and negated, as text', () => {
    for (const [a, b] of pairs) {
      const [x, y] = [new Decimal(a!), new Decimal(b!)]
      const [ex, ey] = [ExactDecimal.from(x), ExactDecimal.from(y)]
      const got = [ex.plus(ey), ex.minus(ey), ex.times(ey), ex.abs(), ex.negated()]
      const want = [x.plus(y), x.minus(y), x.times(y), x.abs(), x.negated()]
      if (!y.isZero()) {
        got.push(ex.dividedBy(ey))
        want.push(x.dividedBy(y))
      }
      expect({ a, b, results: got.map(String) }).toEqual({ a, b, results: want.map(String) })
    }
  })

  test('comparisons, max and min', () => {
    for (const [a, b] of pairs) {
      const [x, y] = [new Decimal(a!), new Decimal(b!)]
      const [ex, ey] = [ExactDecimal.from(x), ExactDecimal.from(y)]
      expect([a, b, ex.comparedTo(ey)]).toEqual([a, b, x.comparedTo(y)])
      expect([a, b, ex.eq(ex.plus(ey).minus(ey))]).toEqual([a, b, x.eq(x.plus(y).minus(y))])
      expect(ExactDecimal.max(ex, ey).toString()).toBe(Decimal.max(x, y).toString())
      expect(ExactDecimal.min(ex, ey).toString()).toBe(Decimal.min(x, y).toString())
    }
  })

  test('rounding to decimal places (half up), floor, ceil, decimal places, whole numbers', () => {
    const places = random(5)
    for (const [a] of pairs) {
      const x = new Decimal(a!)
      const ex = ExactDecimal.from(x)
      const dp = Math.floor(places() * 15)
      expect([a, dp, ex.toDecimalPlaces(dp).toString()]).toEqual([
        a,
        dp,
        x.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toString(),
      ])
      const text = x.toString()
      expect([text, dp, roundedText(ex, text, dp)]).toEqual([
        text,
        dp,
        x.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toString(),
      ])
      expect([a, ex.floor().toString(), ex.ceil().toString()]).toEqual([
        a,
        x.floor().toString(),
        x.ceil().toString(),
      ])
      expect([a, ex.decimalPlaces(), ex.isInteger(), ex.isZero()]).toEqual([
        a,
        x.decimalPlaces(),
        x.isInteger(),
        x.isZero(),
      ])
      expect(ex.toDecimal().eq(x)).toBe(true)
    }
  })

  test('the chains scoring runs: a rate to 12 places, a gap in steps, points deducted', () => {
    const hundred = new Decimal(100)
    const exactHundred = ExactDecimal.of(100)
    for (const [a, b] of pairs) {
      const [x, y] = [new Decimal(a!), new Decimal(b!)]
      if (y.isZero()) continue
      const [ex, ey] = [ExactDecimal.from(x), ExactDecimal.from(y)]
      const rate = x.dividedBy(y).times(hundred).toDecimalPlaces(12, Decimal.ROUND_HALF_UP)
      const exactRate = ex.dividedBy(ey).times(exactHundred).toDecimalPlaces(12)
      const steps = Decimal.max(rate.dividedBy('0.5').ceil(), 1).times(3)
      const exactSteps = ExactDecimal.max(
        exactRate.dividedBy(ExactDecimal.of('0.5')).ceil(),
        ExactDecimal.of(1),
      ).times(ExactDecimal.of(3))
      expect([a, b, exactRate.toString(), exactSteps.toString()]).toEqual([
        a,
        b,
        rate.toString(),
        steps.toString(),
      ])
    }
  })

  test('text at the edges of exponential notation', () => {
    for (const text of ['1e-7', '1.5e-7', '0.000001', '1e20', '1e21', '-1.5e21', '123e18', '0'])
      expect(ExactDecimal.of(text).toString()).toBe(new Decimal(text).toString())
  })
})
