/**
 * @module A parsed formula or condition compiled once into a function over exact decimals
 * (exact-decimal.ts), so scoring thousands of units neither walks the tree nor wraps each step
 * in a result object. Missing inputs and division by zero are results, not zeros: the caller
 * learns which inputs are missing, or which division has a zero divisor. Conditions use
 * three-valued logic, so `suspended || violation_permille >= 5` is true as soon as `suspended`
 * is, even when the other inputs were never entered. Browser-safe.
 */
import { ExactDecimal } from './exact-decimal.ts'
import { formatFormula } from './format-formula.ts'
import type { FormulaNode } from './parse-formula.ts'

export type ExactValue = ExactDecimal | boolean

/** An input's value, or undefined when it has not been entered. */
export type ExactLookup = (id: string) => ExactValue | undefined

export type FormulaFailure =
  | { ok: false; reason: 'missing'; missing: string[] }
  | { ok: false; reason: 'division-by-zero'; divisor: string }
  | { ok: false; reason: 'type'; detail: string }

export type ExactEvaluation = { ok: true; value: ExactValue } | FormulaFailure

export type CompiledFormula = (lookup: ExactLookup) => ExactEvaluation

/** One node: its value, or the failure (a plain object, never a value). */
type Step = (lookup: ExactLookup) => ExactValue | FormulaFailure

const COMPILED = new WeakMap<FormulaNode, CompiledFormula>()

/** The function that evaluates `node`, compiled on first use and kept with the node. */
export function compileFormula(node: FormulaNode): CompiledFormula {
  let compiled = COMPILED.get(node)
  if (!compiled) {
    const step = compileStep(node)
    compiled = (lookup) => {
      const result = step(lookup)
      return isFailure(result) ? result : { ok: true, value: result }
    }
    COMPILED.set(node, compiled)
  }
  return compiled
}

function isFailure(result: ExactValue | FormulaFailure): result is FormulaFailure {
  return typeof result === 'object' && !(result instanceof ExactDecimal)
}

function compileStep(node: FormulaNode): Step {
  switch (node.type) {
    case 'number': {
      const value = ExactDecimal.of(node.value)
      return () => value
    }
    case 'boolean': {
      const value = node.value
      return () => value
    }
    case 'element': {
      const id = node.id
      return (lookup) => lookup(id) ?? { ok: false, reason: 'missing', missing: [id] }
    }
    case 'unary': {
      const argument = compileStep(node.argument)
      if (node.operator === '!')
        return (lookup) => {
          const value = argument(lookup)
          if (isFailure(value)) return value
          return typeof value === 'boolean' ? !value : typeError('!', value)
        }
      return (lookup) => {
        const value = argument(lookup)
        if (isFailure(value)) return value
        return value instanceof ExactDecimal ? value.negated() : typeError('-', value)
      }
    }
    case 'binary':
      return node.operator === '&&' || node.operator === '||'
        ? logical(node.operator, compileStep(node.left), compileStep(node.right))
        : arithmetic(node)
  }
}

function logical(operator: '&&' | '||', left: Step, right: Step): Step {
  // The value that decides the result on its own: true for ||, false for &&.
  const decisive = operator === '||'
  return (lookup) => {
    const a = left(lookup)
    if (a instanceof ExactDecimal) return typeError(operator, a)
    if (a === decisive) return a
    const b = right(lookup)
    if (b instanceof ExactDecimal) return typeError(operator, b)
    if (b === decisive) return b
    const failedA = isFailure(a)
    const failedB = isFailure(b)
    if (failedA && a.reason !== 'missing') return a
    if (failedB && b.reason !== 'missing') return b
    if (failedA || failedB) return missingOf(a, b)
    return !decisive
  }
}

function arithmetic(node: Extract<FormulaNode, { type: 'binary' }>): Step {
  const left = compileStep(node.left)
  const right = compileStep(node.right)
  const operator = node.operator
  const apply = OPERATIONS[operator]
  // Written once: a division by zero names its divisor as the formula writes it.
  const divisor = operator === '/' ? formatFormula(node.right) : ''
  return (lookup) => {
    const a = left(lookup)
    const b = right(lookup)
    const failedA = isFailure(a)
    const failedB = isFailure(b)
    if (failedA || failedB) {
      if (failedA && a.reason !== 'missing') return a
      if (failedB && b.reason !== 'missing') return b
      return missingOf(a, b)
    }
    if (operator === '==' || operator === '!=') {
      const equal = a instanceof ExactDecimal && b instanceof ExactDecimal ? a.eq(b) : a === b
      return operator === '==' ? equal : !equal
    }
    if (!(a instanceof ExactDecimal)) return typeError(operator, a)
    if (!(b instanceof ExactDecimal)) return typeError(operator, b)
    if (operator === '/' && b.isZero()) return { ok: false, reason: 'division-by-zero', divisor }
    return apply ? apply(a, b) : typeError(operator, a)
  }
}

const OPERATIONS: Partial<Record<string, (a: ExactDecimal, b: ExactDecimal) => ExactValue>> = {
  '+': (a, b) => a.plus(b),
  '-': (a, b) => a.minus(b),
  '*': (a, b) => a.times(b),
  '/': (a, b) => a.dividedBy(b),
  '>': (a, b) => a.greaterThan(b),
  '>=': (a, b) => a.greaterThanOrEqualTo(b),
  '<': (a, b) => a.lessThan(b),
  '<=': (a, b) => a.lessThanOrEqualTo(b),
}

/** The missing inputs of both sides, each once, the left side's first. */
function missingOf(a: ExactValue | FormulaFailure, b: ExactValue | FormulaFailure): FormulaFailure {
  const missing = [
    ...new Set([...(isMissing(a) ? a.missing : []), ...(isMissing(b) ? b.missing : [])]),
  ]
  return { ok: false, reason: 'missing', missing }
}

function isMissing(
  result: ExactValue | FormulaFailure,
): result is Extract<FormulaFailure, { reason: 'missing' }> {
  return isFailure(result) && result.reason === 'missing'
}

function typeError(operator: string, value: ExactValue): FormulaFailure {
  return {
    ok: false,
    reason: 'type',
    detail: `${operator} ${typeof value === 'boolean' ? 'yes/no' : 'number'}`,
  }
}
