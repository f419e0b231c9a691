/**
 * @module A policy's validation rules, compiled once per config, and checking one unit's values
 * for one period against them. Two kinds: the config's `validationRules` (left side, operator,
 * right side over data elements, DHIS2-style) and, for every rate indicator (see
 * {@link rateBounds}), an automatic rule that its figure lies within 0–100 % (0–1000 ‰). A rule
 * is checked only when a value it reads is being written and both of its sides can be computed,
 * so a numerator entered before its denominator waits for it. Browser-safe and pure.
 */
import { Decimal } from 'decimal.js'
import type { PolicyConfig, ValidationRule } from '../../../schemas/index.ts'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import { evaluateFormula } from '../../../domain/formula/evaluate-formula.ts'
import { formatFormula, READABLE_OPERATORS } from '../../../domain/formula/format-formula.ts'
import type { FormulaValue } from '../../../domain/formula/evaluate-formula.ts'
import { parseFormula } from '../../../domain/formula/parse-formula.ts'
import type { FormulaNode } from '../../../domain/formula/parse-formula.ts'
import { rateBounds } from '../../../domain/indicators/rate-bounds.ts'
import type { RateBounds } from '../../../domain/indicators/rate-bounds.ts'

export type RuleOperator = ValidationRule['operator']
export type RuleSeverity = NonNullable<ValidationRule['severity']>

interface RuleBase {
  /** The config's rule id, or `rate:<indicator id>` for an automatic rate rule. */
  id: string
  severity: RuleSeverity
  message: LocalizedText
  /** Data elements it reads, the left side's first. */
  elements: string[]
  /** Elements of the left side: a violation is pinned to the first of them being written. */
  leftElements: string[]
}

export type CompiledRule =
  | (RuleBase & { kind: 'rule'; left: FormulaNode; operator: RuleOperator; right: FormulaNode })
  | (RuleBase & { kind: 'rate'; indicator: { id: string; name: string }; bounds: RateBounds })

/** A rule a unit's values for a period break. */
export interface RuleViolation {
  rule: { id: string; severity: RuleSeverity; message: LocalizedText }
  /** The elements the rule reads. */
  elements: string[]
  /** The element written that the violation is reported at. */
  element: string
  /** The rule's message followed by the figures that break it. */
  message: LocalizedText
}

const COMPILED = new WeakMap<PolicyConfig, CompiledRule[]>()

/** The rules of a config (those that parse; the compiler reports the others), built once. */
export function compileRules(config: PolicyConfig): CompiledRule[] {
  let rules = COMPILED.get(config)
  if (rules) return rules
  rules = []
  for (const rule of config.validationRules ?? []) {
    const left = parseFormula(rule.left)
    const right = parseFormula(rule.right)
    if (!left.ok || !right.ok) continue
    rules.push({
      kind: 'rule',
      id: rule.id,
      severity: rule.severity ?? 'error',
      message: { zh: rule.message.zh, en: rule.message.en },
      left: left.ast,
      operator: rule.operator,
      right: right.ast,
      leftElements: left.elements,
      elements: [...new Set([...left.elements, ...right.elements])],
    })
  }
  for (const indicator of config.indicators ?? []) {
    const bounds = rateBounds(indicator)
    if (!bounds) continue
    const elements = parseFormula(indicator.formula!)
    const read = elements.ok ? elements.elements : []
    rules.push({
      kind: 'rate',
      id: `rate:${indicator.id}`,
      severity: 'error',
      indicator: { id: indicator.id, name: indicator.name },
      bounds,
      message: {
        zh: `「${indicator.name}」是比率，应在 ${bounds.min}–${bounds.max}${bounds.sign} 之间`,
        en: `"${indicator.name}" is a rate and lies within ${bounds.min}–${bounds.max}${bounds.sign}`,
      },
      leftElements: read.slice(0, 1),
      elements: read,
    })
  }
  COMPILED.set(config, rules)
  return rules
}

/** A stored value as a formula reads it: `true`/`false` as yes/no, anything else a decimal. */
export function formulaValue(text: string): FormulaValue {
  return text === 'true' ? true : text === 'false' ? false : new Decimal(text)
}

/**
 * Checks one unit's values for one period.
 * @param values every value of the unit and period: those stored with those being written over them
 * @param written the elements being written; only rules reading one of them are checked
 * @param names element names for messages
 */
export function checkRules(
  rules: readonly CompiledRule[],
  values: Pick<ReadonlyMap<string, FormulaValue>, 'get'>,
  written: ReadonlySet<string>,
  names: ReadonlyMap<string, string> = new Map(),
): RuleViolation[] {
  const violations: RuleViolation[] = []
  const lookup = (id: string) => values.get(id)
  for (const rule of rules) {
    const element =
      rule.leftElements.find((id) => written.has(id)) ?? rule.elements.find((id) => written.has(id))
    if (element === undefined) continue
    const detail = rule.kind === 'rule' ? breaks(rule, lookup, names) : outOfBounds(rule, lookup)
    if (!detail) continue
    // A rate whose inputs already break an explicit rule says nothing new.
    if (
      rule.kind === 'rate' &&
      violations.some(
        (v) => v.rule.severity === 'error' && rule.elements.every((id) => v.elements.includes(id)),
      )
    )
      continue
    violations.push({
      rule: { id: rule.id, severity: rule.severity, message: rule.message },
      elements: rule.elements,
      element,
      message: {
        zh: `${rule.message.zh}（规则 ${rule.id}：${detail.zh}）`,
        en: `${rule.message.en} (rule ${rule.id}: ${detail.en})`,
      },
    })
  }
  return violations
}

const COMPARE: Record<RuleOperator, (a: Decimal, b: Decimal) => boolean> = {
  '==': (a, b) => a.eq(b),
  '!=': (a, b) => !a.eq(b),
  '<': (a, b) => a.lessThan(b),
  '<=': (a, b) => a.lessThanOrEqualTo(b),
  '>': (a, b) => a.greaterThan(b),
  '>=': (a, b) => a.greaterThanOrEqualTo(b),
}

/** The figures that break a rule, or undefined when it holds or cannot be computed yet. */
function breaks(
  rule: Extract<CompiledRule, { kind: 'rule' }>,
  lookup: (id: string) => FormulaValue | undefined,
  names: ReadonlyMap<string, string>,
): LocalizedText | undefined {
  const left = evaluateFormula(rule.left, lookup)
  const right = evaluateFormula(rule.right, lookup)
  if (!left.ok || !right.ok) return undefined
  let holds: boolean
  if (left.value instanceof Decimal && right.value instanceof Decimal)
    holds = COMPARE[rule.operator](left.value, right.value)
  else if (rule.operator === '==' || rule.operator === '!=')
    holds = (left.value === right.value) === (rule.operator === '==')
  else return undefined
  if (holds) return undefined
  const side = (node: FormulaNode, value: FormulaValue, lang: 'zh' | 'en') => {
    const text = formatFormula(node, 0, {
      name: (id) => (lang === 'zh' ? (names.get(id) ?? id) : id),
      symbols: READABLE_OPERATORS[lang],
    })
    const shown = String(value instanceof Decimal ? value.toString() : value)
    return node.type === 'number' ? shown : `${text} = ${shown}`
  }
  const op = (lang: 'zh' | 'en') =>
    (READABLE_OPERATORS[lang] as Record<string, string>)[rule.operator] ?? rule.operator
  return {
    zh: `${side(rule.left, left.value, 'zh')}，应 ${op('zh')} ${side(rule.right, right.value, 'zh')}`,
    en: `${side(rule.left, left.value, 'en')}, should be ${op('en')} ${side(rule.right, right.value, 'en')}`,
  }
}

function outOfBounds(
  rule: Extract<CompiledRule, { kind: 'rate' }>,
  lookup: (id: string) => FormulaValue | undefined,
): LocalizedText | undefined {
  const result = evaluateFormula(rule.bounds.formula, lookup)
  if (!result.ok || !(result.value instanceof Decimal)) return undefined
  const { min, max, sign } = rule.bounds
  if (result.value.greaterThanOrEqualTo(min) && result.value.lessThanOrEqualTo(max))
    return undefined
  const shown = result.value.toDecimalPlaces(2).toString()
  return {
    zh: `算得 ${shown}${sign}，超出 ${min}–${max}${sign}`,
    en: `comes to ${shown}${sign}, outside ${min}–${max}${sign}`,
  }
}
