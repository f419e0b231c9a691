/**
 * @module What a bonus or veto was decided on, in the config's own words. "触发一票否决" alone
 * does not let a district see why its budget is cut by 30%; the evidence names each fact of the
 * condition with its value: `违规费用 ÷ 统筹基金支出 × 1000 = 5.4 ≥ 5（成立）；协议暂停或终止：否`.
 * Browser-safe.
 */
import type { LocalizedText } from '../compiler/config-issue.ts'
import { evaluateFormula } from '../formula/evaluate-formula.ts'
import { formatFormula, READABLE_OPERATORS } from '../formula/format-formula.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import type { FormulaNode } from '../formula/parse-formula.ts'
import { formatDecimal } from './indicator-value.ts'

const COMPARISONS = new Set(['>', '>=', '<', '<=', '==', '!='])

type Lookup = (id: string) => FormulaValue | undefined
type Fact = (lookup: Lookup) => LocalizedText

/**
 * Prepares a condition's evidence once (its texts depend only on the formula), so scoring
 * thousands of units only evaluates and fills in values: the facts joined, each comparison with
 * its computed side, each yes/no input with its answer.
 */
export function compileEvidence(
  condition: FormulaNode,
  names: ReadonlyMap<string, string>,
): (lookup: Lookup) => LocalizedText {
  const facts = collect(condition, names)
  return (lookup) => {
    const shown = facts.map((fact) => fact(lookup))
    return {
      zh: shown.map((fact) => fact.zh).join('；'),
      en: shown.map((fact) => fact.en).join('; '),
    }
  }
}

function collect(node: FormulaNode, names: ReadonlyMap<string, string>): Fact[] {
  if (node.type === 'binary' && (node.operator === '&&' || node.operator === '||'))
    return [...collect(node.left, names), ...collect(node.right, names)]
  if (node.type === 'unary' && node.operator === '!') return collect(node.argument, names)
  const zhStyle = { name: (id: string) => names.get(id) ?? id, symbols: READABLE_OPERATORS.zh }
  const enStyle = { symbols: READABLE_OPERATORS.en }
  if (node.type === 'binary' && COMPARISONS.has(node.operator)) {
    const op = {
      zh:
        READABLE_OPERATORS.zh[node.operator as keyof typeof READABLE_OPERATORS.zh] ?? node.operator,
      en:
        READABLE_OPERATORS.en[node.operator as keyof typeof READABLE_OPERATORS.en] ?? node.operator,
    }
    const right = {
      zh: formatFormula(node.right, 5, zhStyle),
      en: formatFormula(node.right, 5, enStyle),
    }
    const left = {
      zh: formatFormula(node.left, 5, zhStyle),
      en: formatFormula(node.left, 5, enStyle),
    }
    const bare = node.left.type === 'element'
    return [
      (lookup) => {
        const side = evaluateFormula(node.left, lookup)
        if (!side.ok) return { zh: `${left.zh}：数据不全`, en: `${left.en}: data missing` }
        const whole = evaluateFormula(node, lookup)
        const value = show(side.value)
        const verdict =
          whole.ok && typeof whole.value === 'boolean' ? (whole.value ? HOLDS : FAILS) : UNDECIDED
        return {
          zh: `${left.zh}${bare ? ' ' : ' = '}${value.zh} ${op.zh} ${right.zh}（${verdict.zh}）`,
          en: `${left.en} = ${value.en} ${op.en} ${right.en} (${verdict.en})`,
        }
      },
    ]
  }
  if (node.type === 'element') {
    const name = names.get(node.id) ?? node.id
    return [
      (lookup) => {
        const value = lookup(node.id)
        if (value === undefined) return { zh: `${name}：未填报`, en: `${node.id}: not entered` }
        const shown = show(value)
        return { zh: `${name}：${shown.zh}`, en: `${node.id}: ${shown.en}` }
      },
    ]
  }
  return []
}

const HOLDS = { zh: '成立', en: 'holds' }
const FAILS = { zh: '不成立', en: 'does not hold' }
const UNDECIDED = { zh: '无法判断', en: 'undecided' }

function show(value: FormulaValue): LocalizedText {
  if (typeof value === 'boolean') return { zh: value ? '是' : '否', en: value ? 'yes' : 'no' }
  const text = formatDecimal(value, 4)
  return { zh: text, en: text }
}
