/**
 * @module Evaluates a parsed formula or condition over decimal.js values — never `eval`, never a
 * float. The work is done by the compiled evaluator (compile-formula.ts) on exact decimals that
 * give decimal.js's figures digit for digit; this is its face for callers holding Decimals.
 * Missing inputs and division by zero are results, not zeros. Browser-safe.
 */
import { Decimal } from 'decimal.js'
import { compileFormula } from './compile-formula.ts'
import type { FormulaFailure } from './compile-formula.ts'
import { ExactDecimal } from './exact-decimal.ts'
import type { FormulaNode } from './parse-formula.ts'

export type FormulaValue = Decimal | boolean

/** An input's value, or undefined when it has not been entered. */
export type FormulaLookup = (id: string) => FormulaValue | undefined

export type Evaluation = { ok: true; value: FormulaValue } | FormulaFailure

/** Evaluates `node`; see the module note for missing inputs and division by zero. */
export function evaluateFormula(node: FormulaNode, lookup: FormulaLookup): Evaluation {
  const result = compileFormula(node)((id) => {
    const value = lookup(id)
    return value instanceof Decimal ? ExactDecimal.from(value) : value
  })
  if (!result.ok) return result
  const { value } = result
  return { ok: true, value: typeof value === 'boolean' ? value : value.toDecimal() }
}
