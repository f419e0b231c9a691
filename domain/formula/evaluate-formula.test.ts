import { Decimal } from 'decimal.js'
import { evaluateFormula } from './evaluate-formula.ts'
import { formatFormula } from './format-formula.ts'
import type { Evaluation, FormulaValue } from './evaluate-formula.ts'
import { parseFormula } from './parse-formula.ts'
import type { FormulaNode } from './parse-formula.ts'

function parse(text: string): FormulaNode {
  const parsed = parseFormula(text)
  if (!parsed.ok) throw new Error(parsed.message.en)
  return parsed.ast
}

/** Evaluates `text` with the given inputs; an input left out is missing. */
function evaluate(
  text: string,
  inputs: Record<string, number | string | boolean> = {},
): Evaluation {
  const values = new Map<string, FormulaValue>(
    Object.entries(inputs).map(([id, value]) => [
      id,
      typeof value === 'boolean' ? value : new Decimal(value),
    ]),
  )
  return evaluateFormula(parse(text), (id) => values.get(id))
}

/** The value as text ("0.3", "true"), or the failure itself. */
function valueOf(
  text: string,
  inputs: Record<string, number | string | boolean> = {},
): string | Evaluation {
  const result = evaluate(text, inputs)
  return result.ok ? String(result.value) : result
}

describe('arithmetic', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(valueOf('0.1 + 0.2')).toBe('0.3')
    expect(valueOf('0.1 + 0.2 == 0.3')).toBe('true')
    // As floats 0.1 + 0.2 is 0.30000000000000004, which is not <= 0.3.
    expect(valueOf('a + b <= 0.3', { a: 0.1, b: 0.2 })).toBe('true')
  })

  it('keeps 20 significant digits of a repeating quotient, so 1 / 3 * 3 is not 1', () => {
    // Indicator values are rounded to 12 places afterwards (indicator-value.ts), where this is 1.
    expect(valueOf('1 / 3 * 3')).toBe('0.99999999999999999999')
    expect(valueOf('1 / 3')).toBe('0.33333333333333333333')
  })

  it('is exact when it multiplies before it divides', () => {
    expect(valueOf('1 * 3 / 3')).toBe('1')
    expect(
      valueOf('county_visits / total_visits * 100', { county_visits: 264, total_visits: 300 }),
    ).toBe('88')
    expect(
      valueOf('violation_cost / pooled_fund_incurred * 1000', {
        violation_cost: 500_000,
        pooled_fund_incurred: 100_000_000,
      }),
    ).toBe('5')
  })

  it('works on amounts beyond float precision', () => {
    expect(valueOf('a + b', { a: '9007199254740993.01', b: '0.02' })).toBe('9007199254740993.03')
  })

  it.each([
    ['2 + 3 * 4', '14'],
    ['(2 + 3) * 4', '20'],
    ['10 - 4 - 3', '3'],
    ['10 - (4 - 3)', '9'],
    ['24 / 4 / 2', '3'],
    ['24 / (4 / 2)', '12'],
    ['1 + 2 > 2 && 2 * 3 == 6', 'true'],
    ['false && true || true', 'true'],
    ['false && (true || true)', 'false'],
  ])('follows precedence: %s = %s', (text, expected) => {
    expect(valueOf(text)).toBe(expected)
  })

  it('negates numbers and conditions', () => {
    expect(valueOf('-a + 5', { a: 2 })).toBe('3')
    expect(valueOf('-(a + 5)', { a: 2 })).toBe('-7')
    expect(valueOf('- -a', { a: 2 })).toBe('2')
    expect(valueOf('+a', { a: 2 })).toBe('2')
    expect(valueOf('!suspended', { suspended: false })).toBe('true')
    expect(valueOf('!(a > 1)', { a: 2 })).toBe('false')
  })
})

describe('comparisons', () => {
  it.each([
    ['value >= 90', 90, 'true'],
    ['value >= 90', 89.99, 'false'],
    ['value > 90', 90, 'false'],
    ['value > 90', 90.01, 'true'],
    ['value <= 30', 30, 'true'],
    ['value <= 30', 30.01, 'false'],
    ['value < 30', 30, 'false'],
    ['value < 30', 29.99, 'true'],
    ['value == 90', 90, 'true'],
    ['value != 90', 90, 'false'],
  ])('%s is %s when value is %s', (text, value, expected) => {
    expect(valueOf(text, { value })).toBe(expected)
  })

  it('compares numbers by value, not by how they are written', () => {
    expect(valueOf('a == 1.5', { a: '1.50' })).toBe('true')
    expect(valueOf('a != 1.5', { a: '1.50' })).toBe('false')
  })

  it('compares yes/no inputs with == and !=', () => {
    expect(valueOf('flag == true', { flag: true })).toBe('true')
    expect(valueOf('flag != false', { flag: true })).toBe('true')
    expect(valueOf('flag == other', { flag: false, other: false })).toBe('true')
  })

  it('never coerces: a number is not equal to a yes/no', () => {
    expect(valueOf('a == true', { a: 1 })).toBe('false')
    expect(valueOf('a != false', { a: 0 })).toBe('true')
  })
})

describe('three-valued && and ||', () => {
  it.each([
    ['true || missing is true', 'flag || other', { flag: true }, 'true'],
    ['missing || true is true', 'other || flag', { flag: true }, 'true'],
    ['false && missing is false', 'flag && other', { flag: false }, 'false'],
    ['missing && false is false', 'other && flag', { flag: false }, 'false'],
    [
      'a condition true on its own decides, whatever else is missing',
      'suspended || cost / fund * 1000 >= 5',
      { suspended: true },
      'true',
    ],
  ])('%s', (_name, text, inputs, expected) => {
    expect(valueOf(text, inputs)).toBe(expected)
  })

  it.each([
    ['missing || false', 'other || flag', { flag: false }, ['other']],
    ['false || missing', 'flag || other', { flag: false }, ['other']],
    ['missing && true', 'other && flag', { flag: true }, ['other']],
    ['missing || missing', 'a || b', {}, ['a', 'b']],
    [
      'false || a comparison of missing inputs',
      'flag || cost / fund * 1000 >= 5',
      { flag: false },
      ['cost', 'fund'],
    ],
  ])('%s is missing, naming the inputs', (_name, text, inputs, missing) => {
    expect(evaluate(text, inputs)).toEqual({ ok: false, reason: 'missing', missing })
  })

  it('names each missing input once', () => {
    expect(evaluate('rate > 95 || rate < 5')).toEqual({
      ok: false,
      reason: 'missing',
      missing: ['rate'],
    })
    expect(evaluate('a + a * b')).toEqual({ ok: false, reason: 'missing', missing: ['a', 'b'] })
  })

  it('gives the full result when every input is there', () => {
    expect(valueOf('a || b', { a: false, b: false })).toBe('false')
    expect(valueOf('a && b', { a: true, b: true })).toBe('true')
  })
})

describe('division by zero', () => {
  it('reports the divisor as written', () => {
    expect(
      evaluate('county_visits / total_visits * 100', { county_visits: 5, total_visits: 0 }),
    ).toEqual({
      ok: false,
      reason: 'division-by-zero',
      divisor: 'total_visits',
    })
    expect(evaluate('a / (b - c)', { a: 1, b: 2, c: 2 })).toEqual({
      ok: false,
      reason: 'division-by-zero',
      divisor: 'b - c',
    })
  })

  it('reports a zero divisor before inputs missing elsewhere', () => {
    expect(evaluate('x + a / b', { a: 1, b: 0 })).toEqual({
      ok: false,
      reason: 'division-by-zero',
      divisor: 'b',
    })
  })

  it('does not matter once the other side of || decides', () => {
    expect(valueOf('flag || a / b > 1', { flag: true, a: 1, b: 0 })).toBe('true')
    expect(evaluate('flag || a / b > 1', { flag: false, a: 1, b: 0 })).toMatchObject({
      reason: 'division-by-zero',
      divisor: 'b',
    })
  })

  it('divides zero by a number', () => {
    expect(valueOf('a / b', { a: 0, b: 7 })).toBe('0')
  })
})

describe('type errors', () => {
  it.each([
    ['number && yes/no', 'a && flag', '&& number'],
    ['yes/no && number', 'flag && a', '&& number'],
    ['false || number', 'other || a', '|| number'],
    ['yes/no + number', 'flag + 1', '+ yes/no'],
    ['yes/no compared with >', 'flag > 1', '> yes/no'],
    ['! on a number', '!a', '! number'],
    ['- on a yes/no', '-flag', '- yes/no'],
  ])('reports %s', (_name, text, detail) => {
    expect(evaluate(text, { a: 1, flag: true, other: false })).toEqual({
      ok: false,
      reason: 'type',
      detail,
    })
  })

  it('reports a type error before a missing input', () => {
    expect(evaluate('missing_one || a', { a: 1 })).toMatchObject({ reason: 'type' })
  })
})

describe('formatFormula', () => {
  it.each([
    'a - (b - c)',
    'a / (b * c)',
    '(a + b) * c',
    '-(a + b)',
    '!(a && b)',
    'a || b && c',
    '(a || b) && c',
    'a * b / c',
    'x / y * 100',
    '(medical_cost / service_count) / (medical_cost_prev / service_count_prev) * 100 - 100',
    'suspended || referred || cost / fund * 1000 >= 5',
  ])('writes %s back so it parses to the same tree', (text) => {
    const ast = parse(text)
    expect(parse(formatFormula(ast))).toEqual(ast)
  })

  it.each([
    ['(a - b) - c', 'a - b - c'],
    ['(a * b) + c', 'a * b + c'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(a || b) && c', '(a || b) && c'],
    ['a === b', 'a == b'],
    ['.5 * a', '0.5 * a'],
  ])('writes %s as %s, with only the parentheses it needs', (text, expected) => {
    expect(formatFormula(parse(text))).toBe(expected)
  })
})
