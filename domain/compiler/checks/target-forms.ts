/**
 * @module Checks the target forms beyond a plain bound (`target-invalid`): a range ("2—3个",
 * `upTo`) is a lower bound with an upper end; an approximate target ("30%左右", `tolerance`) is
 * `=` with its stated deviation; a relative target ("不高于经济增长", `relativeTo`) takes another
 * indicator's value, never its own and never with a number of its own; an every-member target
 * ("每个卫生院不少于3人", `each`) is a bound whose indicator rolls up by its worst member. These
 * forms are for indicators; an assessment's deduction measures keep single bounds.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue, LocalizedText } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

const FORMS = ['upTo', 'tolerance', 'relativeTo', 'each'] as const

/** What is wrong with one indicator target's form, as [field, message], or nothing. */
function formProblem(
  target: Record<string, unknown>,
  self: unknown,
): [string, LocalizedText] | undefined {
  const { op } = target
  const bound = op === '>=' || op === '>' || op === '<=' || op === '<'
  if (target.upTo !== undefined) {
    if (op !== '>=' && op !== '>')
      return [
        'op',
        {
          zh: '区间目标（upTo）须以下限写：op 为 ">=" 或 ">"，如「2—3个」写 op: ">=", value: 2, upTo: 3。',
          en: 'A range (upTo) starts from a lower bound: op ">=" or ">", e.g. op: ">=", value: 2, upTo: 3.',
        },
      ]
    if (
      typeof target.value !== 'number' ||
      typeof target.upTo !== 'number' ||
      target.upTo < target.value
    )
      return [
        'upTo',
        {
          zh: '区间上限（upTo）须是数字且不小于下限（value）。',
          en: 'The upper end (upTo) must be a number no less than value.',
        },
      ]
    if (target.tolerance !== undefined)
      return [
        'tolerance',
        {
          zh: '区间目标与「左右」目标只能选一种：删去 tolerance 或 upTo。',
          en: 'A target is a range or approximate, not both: drop tolerance or upTo.',
        },
      ]
  }
  if (target.tolerance !== undefined && op !== '=')
    return [
      'op',
      {
        zh: '「左右」目标（tolerance）写 op: "="，如「30%左右（±2）」写 op: "=", value: 30, tolerance: 2。',
        en: 'An approximate target (tolerance) uses op "=", e.g. op: "=", value: 30, tolerance: 2.',
      },
    ]
  if (target.relativeTo !== undefined) {
    if (target.value !== undefined || target.delta !== undefined)
      return [
        'relativeTo',
        {
          zh: '相对目标（relativeTo）取另一指标同年的值，不再写 value 或 delta。',
          en: 'A relative target (relativeTo) takes the other indicator’s value: drop value and delta.',
        },
      ]
    if (target.relativeTo === self)
      return [
        'relativeTo',
        {
          zh: '相对目标不能与指标自身比较；请引用另一个指标。',
          en: 'A relative target cannot compare an indicator with itself; name another indicator.',
        },
      ]
    if (!bound)
      return [
        'op',
        {
          zh: '相对目标须是上限或下限（>= > <= <），如「不高于经济增长」写 op: "<="。',
          en: 'A relative target is a bound (>= > <= <), e.g. op "<=" for "no higher than growth".',
        },
      ]
  }
  if (target.each === true && !bound)
    return [
      'op',
      {
        zh: '「每个成员」目标须是下限或上限（>= > <= <），如「每个卫生院不少于3人」写 op: ">="。',
        en: 'An every-member target is a bound (>= > <= <), e.g. op: ">=" for "at least 3 at every centre".',
      },
    ]
  return undefined
}

export const checkTargetForms: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (!isRecord(indicator)) return
    const at = `/indicators/${index}`
    const method = isRecord(indicator.rollup) ? indicator.rollup.method : undefined
    list<Record<string, unknown>>(indicator.targets).forEach((target, t) => {
      if (!isRecord(target)) return
      const problem = formProblem(target, indicator.id)
      if (problem) {
        issues.push(configIssue('target-invalid', `${at}/targets/${t}/${problem[0]}`, problem[1]))
        return
      }
      if (target.each !== true) return
      const wanted = target.op === '>=' || target.op === '>' ? 'min' : 'max'
      if (method !== undefined && method !== wanted)
        issues.push(
          configIssue('target-invalid', `${at}/rollup/method`, {
            zh: `指标有「每个成员」目标（第 ${t + 1} 项），组织和地区须取最差成员的值：rollup.method 应为 ${wanted}，或删去 rollup。`,
            en: `The indicator has an every-member target (entry ${t + 1}), so groups show their worst member: use rollup.method ${wanted}, or leave rollup out.`,
          }),
        )
    })
  })
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) =>
    list<Record<string, unknown>>(isRecord(assessment) ? assessment.items : []).forEach((item, i) =>
      list<Record<string, unknown>>(isRecord(item) ? item.measures : []).forEach((measure, m) =>
        list<Record<string, unknown>>(isRecord(measure) ? measure.targets : []).forEach(
          (target, t) => {
            const form = isRecord(target)
              ? FORMS.find((key) => target[key] !== undefined)
              : undefined
            if (form)
              issues.push(
                configIssue(
                  'target-invalid',
                  `/assessments/${a}/items/${i}/measures/${m}/targets/${t}/${form}`,
                  {
                    zh: `考核扣分项的目标是单一界值，不能写 ${form}；区间、「左右」、相对和「每个成员」目标写在指标的 targets 中。`,
                    en: `A scoring measure's target is a single bound; ${form} belongs on the indicator's targets.`,
                  },
                ),
              )
          },
        ),
      ),
    ),
  )
  return issues
}
