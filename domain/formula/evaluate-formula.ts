/**
 * @module Evaluates a parsed formula or condition over exact decimals — never `eval`, never a
 * float. Missing inputs and division by zero are results, not zeros: the caller learns which
 * inputs are missing, or which division has a zero divisor. Conditions use three-valued logic,
 * so `suspended || violation_permille >= 5` is true as soon as `suspended` is, even when the
 * other inputs were never entered. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import type { FormulaNode } from './parse-formula.ts'

export type FormulaValue = Decimal | boolean

/** An input's value, or undefined when it has not been entered. */
export type FormulaLookup = (id: string) => FormulaValue | undefined

export type Evaluation =
  | { ok: true; value: FormulaValue }
  | { ok: false; reason: 'missing'; missing: string[] }
  | { ok: false; reason: 'division-by-zero'; divisor: string }
  | { ok: false; reason: 'type'; detail: string }

/** The Decimal of each number in a formula, made once (Decimals are immutable, so shared). */
const CONSTANTS = new WeakMap<FormulaNode, Decimal>()

/** Evaluates `node`; see the module note for missing inputs and division by zero. */
export function evaluateFormula(node: FormulaNode, lookup: FormulaLookup): Evaluation {
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
      const argument = evaluateFormula(node.argument, lookup)
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
  const left = evaluateFormula(leftNode, lookup)
  if (left.ok && typeof left.value !== 'boolean') return typeError(operator, left.value)
  if (left.ok && left.value === decisive) return left
  const right = evaluateFormula(rightNode, lookup)
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
  const left = evaluateFormula(node.left, lookup)
  const right = evaluateFormula(node.right, lookup)
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

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
}

/** How `formatFormula` writes a node: element ids or names, and operators as typed or as read. */
export interface FormulaStyle {
  name?: (id: string) => string
  /** `×`, `÷`, `≥`, `≤`, `≠`, `且`/`and`… instead of `*`, `/`, `>=`, `<=`, `!=`, `&&`. */
  symbols?: Partial<Record<string, string>>
}

/** Operators as a reader writes them, in either language; `&&` and `||` are words. */
export const READABLE_OPERATORS = {
  zh: {
    '*': '×',
    '/': '÷',
    '>=': '≥',
    '<=': '≤',
    '!=': '≠',
    '==': '=',
    '&&': '且',
    '||': '或',
    '!': '非',
  },
  en: {
    '*': '×',
    '/': '÷',
    '>=': '≥',
    '<=': '≤',
    '!=': '≠',
    '==': '=',
    '&&': 'and',
    '||': 'or',
    '!': 'not ',
  },
} as const

/** Writes a node back as formula text (for messages: "除数 total_visits 为 0"). */
export function formatFormula(node: FormulaNode, parent = 0, style: FormulaStyle = {}): string {
  switch (node.type) {
    case 'number':
      return String(node.value)
    case 'boolean':
      return String(node.value)
    case 'element':
      return style.name ? style.name(node.id) : node.id
    case 'unary':
      return `${style.symbols?.[node.operator] ?? node.operator}${formatFormula(node.argument, 7, style)}`
    case 'binary': {
      const own = PRECEDENCE[node.operator]!
      const text = `${formatFormula(node.left, own, style)} ${style.symbols?.[node.operator] ?? node.operator} ${formatFormula(node.right, own + 1, style)}`
      return own < parent ? `(${text})` : text
    }
  }
}
