import { Decimal } from 'decimal.js'
import { compileFormula } from './compile-formula.ts'
import type { ExactValue } from './compile-formula.ts'
import { ExactDecimal } from './exact-decimal.ts'
import { formatFormula } from './format-formula.ts'
import { parseFormula } from './parse-formula.ts'
import type { FormulaNode } from './parse-formula.ts'

type FormulaValue = Decimal | boolean
type FormulaLookup = (id: string) => FormulaValue | undefined
type Evaluation =
  | { ok: true; value: FormulaValue }
  | { ok: false; reason: 'missing'; missing: string[] }
  | { ok: false; reason: 'division-by-zero'; divisor: string }
  | { ok: false; reason: 'type'; detail: string }

  // The evaluator as it was on decimal.js, walking the tree: the reference the compiled one must
  // match in every value, failure and list of missing inputs.
  | { ok: false; reason: 'type'; detail: string }

/** The Decimal of each number in a formula, made once (Decimals are immutable, so shared). */
const CONSTANTS = new WeakMap<FormulaNode, Decimal>()

function reference(node: FormulaNode, lookup: FormulaLookup): Evaluation {
  switch (node.type) {
    case 'number': {
      let value = CONSTANTS.get(node)
      if (!value) CONSTANTS.set(node, (value = new Decimal(node.value)))
      return { ok: true, value }
    }
    case 'boolean':
      return { ok: true, value: node.value }
    case 'element': {
      const value = lookup(node.id)
      return value === undefined
        ? { ok: false, reason: 'missing', missing: [node.id] }
        : { ok: true, value }
    }
    case 'unary': {
      const argument = reference(node.argument, lookup)
      if (!argument.ok) return argument
      if (node.operator === '!')
        return typeof argument.value === 'boolean'
          ? { ok: true, value: !argument.value }
          : typeError('!', argument.value)
      return argument.value instanceof Decimal
        ? { ok: true, value: argument.value.negated() }
        : typeError('-', argument.value)
    }
    case 'binary':
      return node.operator === '&&' || node.operator === '||'
        ? logical(node.operator, node.left, node.right, lookup)
        : arithmetic(node, lookup)
  }
}

function logical(
  operator: '&&' | '||',
  leftNode: FormulaNode,
  rightNode: FormulaNode,
  lookup: FormulaLookup,
): Evaluation {
  // The value that decides the result on its own: true for ||, false for &&.
  const decisive = operator === '||'
  const left = reference(leftNode, lookup)
  if (left.ok && typeof left.value !== 'boolean') return typeError(operator, left.value)
  if (left.ok && left.value === decisive) return left
  const right = reference(rightNode, lookup)
  if (right.ok && typeof right.value !== 'boolean') return typeError(operator, right.value)
  if (right.ok && right.value === decisive) return right
  if (!left.ok && left.reason !== 'missing') return left
  if (!right.ok && right.reason !== 'missing') return right
  if (!left.ok || !right.ok)
    return {
      ok: false,
      reason: 'missing',
      missing: [...new Set([...missingOf(left), ...missingOf(right)])],
    }
  return { ok: true, value: !decisive }
}

function arithmetic(
  node: Extract<FormulaNode, { type: 'binary' }>,
  lookup: FormulaLookup,
): Evaluation {
  const left = reference(node.left, lookup)
  const right = reference(node.right, lookup)
  if (!left.ok || !right.ok) {
    const failed = [left, right].find((side) => !side.ok && side.reason !== 'missing')
    if (failed) return failed
    return {
      ok: false,
      reason: 'missing',
      missing: [...new Set([...missingOf(left), ...missingOf(right)])],
    }
  }
  const a = left.value
  const b = right.value
  if (node.operator === '==' || node.operator === '!=') {
    const equal = a instanceof Decimal && b instanceof Decimal ? a.eq(b) : a === b
    return { ok: true, value: node.operator === '==' ? equal : !equal }
  }
  if (!(a instanceof Decimal)) return typeError(node.operator, a)
  if (!(b instanceof Decimal)) return typeError(node.operator, b)
  switch (node.operator) {
    case '+':
      return { ok: true, value: a.plus(b) }
    case '-':
      return { ok: true, value: a.minus(b) }
    case '*':
      return { ok: true, value: a.times(b) }
    case '/':
      return b.isZero()
        ? { ok: false, reason: 'division-by-zero', divisor: formatFormula(node.right) }
        : { ok: true, value: a.dividedBy(b) }
    case '>':
      return { ok: true, value: a.greaterThan(b) }
    case '>=':
      return { ok: true, value: a.greaterThanOrEqualTo(b) }
    case '<':
      return { ok: true, value: a.lessThan(b) }
    case '<=':
      return { ok: true, value: a.lessThanOrEqualTo(b) }
    default:
      return typeError(node.operator, a)
  }
}

function missingOf(result: Evaluation): string[] {
  return !result.ok && result.reason === 'missing' ? result.missing : []
}

function typeError(operator: string, value: FormulaValue): Evaluation {
  return {
    ok: false,
    reason: 'type',
    detail: `${operator} ${typeof value === 'boolean' ? 'yes/no' : 'number'}`,
  }
}

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

const OPERATORS = ['+', '-', '*', '/', '>', '>=', '<', '<=', '==', '!=', '&&', '||'] as const
const ELEMENTS = ['a', 'b', 'c', 'd', 'flag', 'other']

/** A random formula of mixed numbers and yes/no values, so type errors come up too. */
function formula(next: () => number, depth: number): FormulaNode {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const roll = next()
  if (depth === 0 || roll < 0.25) {
    if (roll < 0.08) return { type: 'number', value: pick([0, 1, 0.5, 100, 1000, 3, 2.5, 1e-7]) }
    if (roll < 0.1) return { type: 'boolean', value: next() < 0.5 }
    return { type: 'element', id: pick(ELEMENTS) }
  }
  if (roll < 0.32)
    return {
      type: 'unary',
      operator: pick(['-', '!'] as const),
      argument: formula(next, depth - 1),
    }
  return {
    type: 'binary',
    operator: pick(OPERATORS),
    left: formula(next, depth - 1),
    right: formula(next, depth - 1),
  }
}

/** Inputs of one case: numbers from tiny to huge (zeros too), yes/no, some never entered. */
function inputs(next: () => number): Map<string, FormulaValue> {
  const values = new Map<string, FormulaValue>()
  for (const id of ELEMENTS) {
    const roll = next()
    if (roll < 0.1) continue
    if (id === 'flag' || roll < 0.2) values.set(id, next() < 0.5)
    else if (roll < 0.3) values.set(id, new Decimal(0))
    else {
      const digits = Math.floor(next() * 1e9)
      const sign = next() < 0.2 ? '-' : ''
      values.set(id, new Decimal(`${sign}${digits}e${Math.floor(next() * 30) - 15}`))
    }
  }
  return values
}

/** Values as text, so a Decimal and an exact decimal of the same figure compare equal. */
function shown(result: { ok: boolean; value?: FormulaValue | ExactValue }): unknown {
  return result.ok ? { ok: true, value: String(result.value) } : result
}

test('the compiled evaluator gives the tree walker’s value, failure and missing inputs', () => {
  const next = random(2026)
  for (let i = 0; i < 20_000; i++) {
    const node = formula(next, 1 + Math.floor(next() * 4))
    const values = inputs(next)
    const want = reference(node, (id) => values.get(id))
    const got = compileFormula(node)((id) => {
      const value = values.get(id)
      return value instanceof Decimal ? ExactDecimal.from(value) : value
    })
    expect({ formula: formatFormula(node), result: shown(got) }).toEqual({
      formula: formatFormula(node),
      result: shown(want),
    })
  }
})

test('a formula as written: a rate from its counts, rounded as scoring rounds it', () => {
  const parsed = parseFormula('county_visits / total_visits * 100')
  if (!parsed.ok) throw new Error(parsed.message.en)
  const result = compileFormula(parsed.ast)((id) =>
    id === 'county_visits' ? ExactDecimal.of(264) : ExactDecimal.of(300),
  )
  expect(result.ok && String(result.value)).toBe('88')
})
