import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import { parseFormula } from '../formula/parse-formula.ts'
import { compileEvidence } from './condition-evidence.ts'

const NAMES = new Map([
  ['agreement_suspended', '协议暂停或终止'],
  ['violation_cost', '违规费用'],
  ['pooled_fund', '统筹基金支出'],
  ['drg_started', '已开展 DRG 改革'],
])

function evidence(formula: string, values: Record<string, number | boolean>) {
  const parsed = parseFormula(formula)
  if (!parsed.ok) throw new Error(parsed.message.en)
  const lookup = (id: string): FormulaValue | undefined =>
    id in values
      ? typeof values[id] === 'boolean'
        ? values[id]
        : new Decimal(values[id] as number)
      : undefined
  return compileEvidence(parsed.ast, NAMES)(lookup)
}

describe('compileEvidence', () => {
  it('names each fact of a veto with its value and whether it holds', () => {
    const facts = evidence('agreement_suspended || violation_cost / pooled_fund * 1000 >= 5', {
      agreement_suspended: false,
      violation_cost: 540_000,
      pooled_fund: 100_000_000,
    })
    expect(facts.zh).toBe('协议暂停或终止：否；违规费用 ÷ 统筹基金支出 × 1000 = 5.4 ≥ 5（成立）')
    expect(facts.en).toBe(
      'agreement_suspended: no; violation_cost ÷ pooled_fund × 1000 = 5.4 ≥ 5 (holds)',
    )
  })

  it('shows a compared input by itself, a missing one as not entered, and negation by its input', () => {
    expect(
      evidence('violation_cost > 0 && !drg_started', { violation_cost: 12.5, drg_started: true })
        .zh,
    ).toBe('违规费用 12.5 > 0（成立）；已开展 DRG 改革：是')
    expect(evidence('drg_started || violation_cost >= 1', {}).zh).toBe(
      '已开展 DRG 改革：未填报；违规费用：数据不全',
    )
  })
})
