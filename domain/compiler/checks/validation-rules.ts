/**
 * @module Checks `validationRules`: ids are unique (`duplicate-id`); each side parses
 * (`formula-invalid`), reads only declared data elements (`formula-unknown-element`) and is a
 * number — no comparison or `&&`/`||` inside a side, no yes/no element under `<`, `<=`, `>`,
 * `>=` (`formula-invalid`); and a rule reads at least one data element.
 */
import { closestMatch } from '../closest-match.ts'
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { parseFormula } from '../../formula/parse-formula.ts'
import type { FormulaNode } from '../../formula/parse-formula.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

const LOGICAL = new Set(['>', '>=', '<', '<=', '==', '!=', '&&', '||'])

export const checkValidationRules: PolicyCheck = ({ policy, dataElements }) => {
  const issues: ConfigIssue[] = []
  const booleans = new Set(
    list<Record<string, unknown>>(policy.dataElements)
      .filter((element) => isRecord(element) && element.valueType === 'boolean')
      .map((element) => element.id as string),
  )
  const known = [...dataElements]
  const seen = new Map<string, number>()
  list<Record<string, unknown>>(policy.validationRules).forEach((rule, index) => {
    if (!isRecord(rule)) return
    const base = `/validationRules/${index}`
    if (typeof rule.id === 'string') {
      const first = seen.get(rule.id)
      if (first !== undefined) {
        issues.push(
          configIssue('duplicate-id', `${base}/id`, {
            zh: `校验规则标识「${rule.id}」重复：已在 /validationRules/${first}/id 使用。请改用一个未被使用的标识。`,
            en: `Duplicate validation rule id "${rule.id}": already used at /validationRules/${first}/id. Choose another id.`,
          }),
        )
      } else seen.set(rule.id, index)
    }
    const ordering =
      typeof rule.operator === 'string' && ['<', '<=', '>', '>='].includes(rule.operator)
    let reads = 0
    let parsedBoth = true
    for (const side of ['left', 'right'] as const) {
      const text = rule[side]
      if (typeof text !== 'string') {
        parsedBoth = false
        continue
      }
      const pointer = `${base}/${side}`
      const parsed = parseFormula(text)
      if (!parsed.ok) {
        issues.push(configIssue('formula-invalid', pointer, parsed.message))
        parsedBoth = false
        continue
      }
      reads += parsed.elements.length
      for (const element of parsed.elements.filter((id) => !dataElements.has(id))) {
        const guess = closestMatch(element, known)
        issues.push(
          configIssue('formula-unknown-element', pointer, {
            zh: `校验规则读取的「${element}」不是已声明的数据元素。${guess ? `是否想写「${guess}」？` : '请在 dataElements 中声明它。'}规则只能引用数据元素（小写字母、数字、下划线）。`,
            en: `The rule reads "${element}", which is not a declared data element.${guess ? ` Did you mean "${guess}"?` : ' Declare it under dataElements.'} Rules read data element ids (lower-case letters, digits, underscores).`,
          }),
        )
      }
      if (isComparison(parsed.ast)) {
        issues.push(
          configIssue('formula-invalid', pointer, {
            zh: `规则的${side === 'left' ? '左' : '右'}式「${text}」应是一个数值表达式；比较符写在 operator 中，不能写在式子里。`,
            en: `The rule's ${side} side "${text}" must be a number; the comparison belongs in operator, not inside a side.`,
          }),
        )
      } else if (ordering) {
        const flag = parsed.elements.find((id) => booleans.has(id))
        if (flag) {
          issues.push(
            configIssue('formula-invalid', pointer, {
              zh: `「${flag}」是「是/否」数据元素，不能用 ${String(rule.operator)} 比较大小；请用 == 或 !=。`,
              en: `"${flag}" is a yes/no data element and cannot be compared with ${String(rule.operator)}; use == or !=.`,
            }),
          )
        }
      }
    }
    if (parsedBoth && reads === 0) {
      issues.push(
        configIssue('formula-invalid', `${base}/left`, {
          zh: '校验规则应至少引用一个数据元素，否则它永远成立或永远不成立。',
          en: 'A validation rule must read at least one data element; otherwise it always or never holds.',
        }),
      )
    }
  })
  return issues
}

function isComparison(node: FormulaNode): boolean {
  return (
    (node.type === 'binary' && LOGICAL.has(node.operator)) ||
    (node.type === 'unary' && node.operator === '!') ||
    node.type === 'boolean'
  )
}
