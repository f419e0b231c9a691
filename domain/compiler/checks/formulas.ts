/**
 * @module Checks formulas and conditions: they parse (`formula-invalid`) and read only declared
 * data elements (`formula-unknown-element`).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { closestMatch } from '../closest-match.ts'
import { parseFormula } from '../../formula/parse-formula.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkFormulas: PolicyCheck = ({ policy, dataElements }) => {
  const expressions: Array<{ pointer: string; text: string }> = []
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (isRecord(indicator) && typeof indicator.formula === 'string') {
      expressions.push({ pointer: `/indicators/${index}/formula`, text: indicator.formula })
    }
    if (
      isRecord(indicator) &&
      isRecord(indicator.rollup) &&
      typeof indicator.rollup.weight === 'string' &&
      !dataElements.has(indicator.rollup.weight)
    ) {
      expressions.push({
        pointer: `/indicators/${index}/rollup/weight`,
        text: indicator.rollup.weight,
      })
    }
  })
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    list<Record<string, unknown>>(assessment.items).forEach((item, i) => {
      if (isRecord(item) && typeof item.when === 'string')
        expressions.push({ pointer: `/assessments/${a}/items/${i}/when`, text: item.when })
    })
  })
  const issues: ConfigIssue[] = []
  const known = [...dataElements]
  for (const { pointer, text } of expressions) {
    const parsed = parseFormula(text)
    if (!parsed.ok) {
      issues.push(configIssue('formula-invalid', pointer, parsed.message))
      continue
    }
    for (const element of parsed.elements.filter((id) => !dataElements.has(id))) {
      const guess = closestMatch(element, known)
      issues.push(
        configIssue('formula-unknown-element', pointer, {
          zh: `「${element}」不是已声明的数据元素。${guess ? `是否想写「${guess}」？` : '请在 dataElements 中声明它。'}数据元素标识只含小写字母、数字和下划线（连字符会被当作减号）。`,
          en: `"${element}" is not a declared data element.${guess ? ` Did you mean "${guess}"?` : ' Declare it under dataElements.'} Data element ids use lower-case letters, digits and underscores (a hyphen reads as minus).`,
        }),
      )
    }
  }
  return issues
}
