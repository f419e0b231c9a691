/**
 * @module Which indicators are rates: a `percentage` or `permille` indicator whose formula is one
 * quantity over another, scaled — `a / b * 100`, `(a + b) / c * 100`, `a * 1000 / b`. Such a
 * figure is a share of a whole, so it lies within 0–100 % (0–1000 ‰) whatever the targets say; a
 * growth rate (`(a - b) / b * 100`) is not a share and is not bounded. Browser-safe.
 */
import type { Indicator } from '../../schemas/index.ts'
import { parseFormula } from '../formula/parse-formula.ts'
import type { FormulaNode } from '../formula/parse-formula.ts'

export interface RateBounds {
  min: number
  max: number
  /** `%` or `‰`, as the value is shown. */
  sign: '%' | '‰'
  /** The formula's parsed tree. */
  formula: FormulaNode
}

const SCALES = { percentage: { max: 100, sign: '%' }, permille: { max: 1000, sign: '‰' } } as const

/** The bounds of a rate indicator, or undefined for anything that is not a share of a whole. */
export function rateBounds(
  indicator: Pick<Indicator, 'valueType' | 'formula'>,
): RateBounds | undefined {
  if (
    !indicator.formula ||
    (indicator.valueType !== 'percentage' && indicator.valueType !== 'permille')
  )
    return undefined
  const scale = SCALES[indicator.valueType]
  const parsed = parseFormula(indicator.formula)
  if (!parsed.ok || !isShare(parsed.ast, scale.max)) return undefined
  return { min: 0, max: scale.max, sign: scale.sign, formula: parsed.ast }
}

/** `q / q * k`, `q * k / q` or `k * q / q`, where each q is an element or a sum of elements. */
function isShare(node: FormulaNode, scale: number): boolean {
  if (node.type !== 'binary') return false
  if (node.operator === '*') {
    const [ratio, factor] = isConstant(node.right, scale)
      ? [node.left, node.right]
      : [node.right, node.left]
    return (
      isConstant(factor, scale) &&
      ratio.type === 'binary' &&
      ratio.operator === '/' &&
      isQuantity(ratio.left) &&
      isQuantity(ratio.right)
    )
  }
  if (node.operator === '/' && isQuantity(node.right)) {
    const top = node.left
    if (top.type !== 'binary' || top.operator !== '*') return false
    return (
      (isConstant(top.right, scale) && isQuantity(top.left)) ||
      (isConstant(top.left, scale) && isQuantity(top.right))
    )
  }
  return false
}

function isConstant(node: FormulaNode, value: number): boolean {
  return node.type === 'number' && node.value === value
}

function isQuantity(node: FormulaNode): boolean {
  if (node.type === 'element') return true
  return (
    node.type === 'binary' &&
    node.operator === '+' &&
    isQuantity(node.left) &&
    isQuantity(node.right)
  )
}
