/**
 * @module Exact decimals for scoring many units: the same figures as decimal.js at its defaults
 * (20 significant digits, ROUND_HALF_UP: ties away from zero), digit for digit, at a fraction of
 * the cost. A value is a BigInt coefficient and a count of decimal places (`c × 10^-s`); each
 * operation is computed exactly and then rounded to 20 significant digits, as decimal.js rounds
 * every result of plus, minus, times and dividedBy. Only finite values: decimal.js
 * stays the way in (entered text) and the reference (exact-decimal.test.ts). Browser-safe.
 */
import { Decimal } from 'decimal.js'

/** decimal.js's default precision: significant digits of each arithmetic result. */
const PRECISION = 20
/** decimal.js's `toExpNeg` and `toExpPos`: exponents shown in exponential notation by toString. */
const EXP_NEG = -7
const EXP_POS = 21

const POWERS: bigint[] = [1n]
/** 10^n as a BigInt, kept once made (operations need the same few again and again). */
function pow10(n: number): bigint {
  while (POWERS.length <= n) POWERS.push(POWERS[POWERS.length - 1]! * 10n)
  return POWERS[n]!
}
const LIMIT = pow10(PRECISION)

const SAFE = 2 ** 53
const NUMBER_POWERS = Array.from({ length: 17 }, (_, n) => 10 ** n)

/** Number of decimal digits of `abs` (> 0): a float estimate, corrected by one comparison. */
function digitCount(abs: bigint): number {
  const estimate = Number(abs)
  if (estimate < SAFE) {
    // Exact as a float: no BigInt operation at all (each is a call into the runtime).
    let count = Math.floor(Math.log10(estimate)) + 1
    if (estimate < NUMBER_POWERS[count - 1]!) count--
    else if (estimate >= NUMBER_POWERS[count]!) count++
    return count
  }
  if (!Number.isFinite(estimate)) return abs.toString().length
  let count = Math.floor(Math.log10(estimate)) + 1
  if (abs < pow10(count - 1)) count--
  else if (abs >= pow10(count)) count++
  return count
}

/** Digits of a decimal.js word (0 to 9,999,999); 0 has one. */
function wordDigits(word: number): number {
  let count = 1
  while (count < 7 && word >= NUMBER_POWERS[count]!) count++
  return count
}

/** `c ÷ 10^drop`, rounded half away from zero (ROUND_HALF_UP). */
function dropDigits(c: bigint, drop: number): bigint {
  const unit = pow10(drop)
  const kept = c / unit
  const rest = c - kept * unit
  if (rest === 0n) return kept
  // Only the digits dropped decide: 10^drop is even, so a tie is exactly half of it.
  if (rest > 0n) return rest * 2n >= unit ? kept + 1n : kept
  return -rest * 2n >= unit ? kept - 1n : kept
}

/** `c × 10^-s` rounded to 20 significant digits, as decimal.js finalises each result. */
function rounded(c: bigint, s: number): ExactDecimal {
  if (c < LIMIT && c > -LIMIT) return new ExactDecimal(c, s)
  const drop = digitCount(c < 0n ? -c : c) - PRECISION
  return new ExactDecimal(dropDigits(c, drop), s - drop)
}

/** The coefficients of `x` and `y` over the same number of places (the larger of the two). */
function aligned(x: ExactDecimal, y: ExactDecimal): [bigint, bigint, number] {
  if (x.s === y.s) return [x.c, y.c, x.s]
  return x.s > y.s ? [x.c, y.c * pow10(x.s - y.s), x.s] : [x.c * pow10(y.s - x.s), y.c, y.s]
}

export class ExactDecimal {
  /** The coefficient, with the sign. */
  readonly c: bigint
  /** Decimal places: the value is `c × 10^-s` (negative for trailing zeros of an integer). */
  readonly s: number

  constructor(c: bigint, s: number) {
    this.c = c
    this.s = s
  }

  /** A decimal.js value (finite), exactly: its digits are read, not re-parsed from text. */
  static from(value: Decimal): ExactDecimal {
    const { d, e } = value
    if (!d) throw new RangeError(`not a finite decimal: ${value.toString()}`)
    let c: bigint
    let digits: number
    const lead = wordDigits(d[0]!)
    if (d.length === 1) {
      c = BigInt(d[0]!)
      digits = lead
    } else if (d.length === 2) {
      // Two base-10^7 words stay below 2^53, so one conversion suffices.
      c = BigInt(d[0]! * 1e7 + d[1]!)
      digits = lead + 7
    } else {
      c = 0n
      for (const word of d) c = c * 10_000_000n + BigInt(word)
      digits = lead + 7 * (d.length - 1)
    }
    // decimal.js's `e` is the exponent of the leading digit.
    return new ExactDecimal(value.s < 0 ? -c : c, digits - 1 - e)
  }

  /** An integer or a decimal literal of a config ("0.5", 12, 1e-3), exactly. */
  static of(value: number | string): ExactDecimal {
    return ExactDecimal.from(new Decimal(value))
  }

  /** The larger of two values (the first when equal), unrounded like decimal.js's Decimal.max. */
  static max(x: ExactDecimal, y: ExactDecimal): ExactDecimal {
    return y.greaterThan(x) ? y : x
  }

  /** The smaller of two values (the first when equal), unrounded like Decimal.min. */
  static min(x: ExactDecimal, y: ExactDecimal): ExactDecimal {
    return y.lessThan(x) ? y : x
  }

  toDecimal(): Decimal {
    return new Decimal(this.toString())
  }

  plus(y: ExactDecimal): ExactDecimal {
    const [a, b, s] = aligned(this, y)
    return rounded(a + b, s)
  }

  minus(y: ExactDecimal): ExactDecimal {
    const [a, b, s] = aligned(this, y)
    return rounded(a - b, s)
  }

  times(y: ExactDecimal): ExactDecimal {
    return rounded(this.c * y.c, this.s + y.s)
  }

  /** The quotient rounded to 20 significant digits; throws on a zero divisor (check first). */
  dividedBy(y: ExactDecimal): ExactDecimal {
    if (y.c === 0n) throw new RangeError('division by zero')
    if (this.c === 0n) return ZERO
    // A step of 1 (or 0.5 = 5 × 10^-1…) divides often: by a unit coefficient only places move.
    if (y.c === 1n || y.c === -1n) return rounded(y.c < 0n ? -this.c : this.c, this.s - y.s)
    const x = this.c < 0n ? -this.c : this.c
    let divisor = y.c < 0n ? -y.c : y.c
    // Scales the dividend so the truncated quotient has 20 or 21 digits.
    let shift = PRECISION + digitCount(divisor) - digitCount(x)
    const dividend = shift >= 0 ? x * pow10(shift) : x
    if (shift < 0) divisor *= pow10(-shift)
    let quotient = dividend / divisor
    if (quotient >= LIMIT) {
      // 21 digits: the digit dropped decides alone (10 is even, so a tie is exactly 5).
      quotient = dropDigits(quotient, 1)
      shift--
    } else if ((dividend - quotient * divisor) * 2n >= divisor) quotient++
    return new ExactDecimal(this.c < 0n !== y.c < 0n ? -quotient : quotient, this.s - y.s + shift)
  }

  /** Unrounded, as in decimal.js (whose `finalise` without a precision only checks range). */
  negated(): ExactDecimal {
    return new ExactDecimal(-this.c, this.s)
  }

  /** Unrounded, as {@link negated}. */
  abs(): ExactDecimal {
    return this.c < 0n ? new ExactDecimal(-this.c, this.s) : this
  }

  /** −1, 0 or 1 as this is below, equal to or above `y`. */
  comparedTo(y: ExactDecimal): number {
    if (this.c === 0n || y.c === 0n || this.c < 0n !== y.c < 0n)
      return this.c < y.c ? -1 : this.c > y.c ? 1 : 0
    const [a, b] = aligned(this, y)
    return a < b ? -1 : a > b ? 1 : 0
  }

  eq(y: ExactDecimal): boolean {
    return this.comparedTo(y) === 0
  }

  greaterThan(y: ExactDecimal): boolean {
    return this.comparedTo(y) > 0
  }

  greaterThanOrEqualTo(y: ExactDecimal): boolean {
    return this.comparedTo(y) >= 0
  }

  lessThan(y: ExactDecimal): boolean {
    return this.comparedTo(y) < 0
  }

  lessThanOrEqualTo(y: ExactDecimal): boolean {
    return this.comparedTo(y) <= 0
  }

  isZero(): boolean {
    return this.c === 0n
  }

  isInteger(): boolean {
    return this.s <= 0 || this.c % pow10(this.s) === 0n
  }

  /** Rounded to `places` decimal places, ROUND_HALF_UP (not limited to 20 digits, as in decimal.js). */
  toDecimalPlaces(places: number): ExactDecimal {
    return this.s <= places ? this : new ExactDecimal(dropDigits(this.c, this.s - places), places)
  }

  floor(): ExactDecimal {
    if (this.s <= 0) return this
    const unit = pow10(this.s)
    const whole = this.c / unit
    return new ExactDecimal(this.c < 0n && whole * unit !== this.c ? whole - 1n : whole, 0)
  }

  ceil(): ExactDecimal {
    if (this.s <= 0) return this
    const unit = pow10(this.s)
    const whole = this.c / unit
    return new ExactDecimal(this.c > 0n && whole * unit !== this.c ? whole + 1n : whole, 0)
  }

  /** Decimal places written, trailing zeros not counted (decimal.js's decimalPlaces). */
  decimalPlaces(): number {
    let { c, s } = this
    if (c === 0n) return 0
    while (s > 0 && c % 10n === 0n) {
      c /= 10n
      s--
    }
    return Math.max(s, 0)
  }

  /** The text decimal.js writes: no trailing zeros, exponential below 1e-7 or from 1e21. */
  toString(): string {
    if (this.c === 0n) return '0'
    let digits = (this.c < 0n ? -this.c : this.c).toString()
    let places = this.s
    let end = digits.length
    while (digits.charCodeAt(end - 1) === 48) end--
    places -= digits.length - end
    digits = digits.slice(0, end)
    const exponent = digits.length - 1 - places
    const sign = this.c < 0n ? '-' : ''
    if (exponent <= EXP_NEG || exponent >= EXP_POS) {
      const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
      return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`
    }
    if (places <= 0) return `${sign}${digits}${'0'.repeat(-places)}`
    if (places >= digits.length) return `${sign}0.${'0'.repeat(places - digits.length)}${digits}`
    return `${sign}${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`
  }
}

export const ZERO = new ExactDecimal(0n, 0)

/**
 * `value.toDecimalPlaces(places).toString()`, worked on `text` (the value's own toString) when
 * that is plain, without BigInt division: figures are shown to 2 places many times a unit.
 */
export function roundedText(value: ExactDecimal, text: string, places: number): string {
  return (
    (text.includes('e') ? undefined : roundPlain(text, places)) ??
    value.toDecimalPlaces(places).toString()
  )
}

/** {@link roundedText} on plain text; undefined when the result needs an exponent. */
function roundPlain(text: string, places: number): string | undefined {
  const point = text.indexOf('.')
  if (point < 0 || text.length - point - 1 <= places) return text
  const negative = text.charCodeAt(0) === 45
  // The kept digits without the point, and whether the first digit dropped is 5 or more.
  const kept = text.slice(negative ? 1 : 0, point) + text.slice(point + 1, point + 1 + places)
  let digits = kept
  if (text.charCodeAt(point + 1 + places) >= 53) {
    let end = digits.length - 1
    while (end >= 0 && digits.charCodeAt(end) === 57) end--
    digits =
      (end < 0 ? '1' : digits.slice(0, end) + String.fromCharCode(digits.charCodeAt(end) + 1)) +
      '0'.repeat(digits.length - 1 - end)
  }
  // Back to text: the point `places` from the end, trailing zeros and a bare point dropped.
  let whole = digits.slice(0, digits.length - places)
  let fraction = digits.slice(digits.length - places)
  let end = fraction.length
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--
  fraction = fraction.slice(0, end)
  let start = 0
  while (start < whole.length - 1 && whole.charCodeAt(start) === 48) start++
  whole = whole.slice(start)
  const zero = whole === '0' && fraction === ''
  // decimal.js writes an exponent from 1e21 and up to 1e-7: those take the long way.
  if (whole.length > EXP_POS || (whole === '0' && /^0{6}/.test(fraction))) return undefined
  return `${negative && !zero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}
