/**
 * @module Checks the target forms beyond a plain bound (`target-invalid`): an every-member
 * target ("每个卫生院不少于3人", `each: true`) is a bound, not an equality, and its indicator
 * rolls up by its worst member (`min` for at least, `max` for at most) or by the default.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkTargetForms: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (!isRecord(indicator)) return
    const at = `/indicators/${index}`
    const method = isRecord(indicator.rollup) ? indicator.rollup.method : undefined
    list<Record<string, unknown>>(indicator.targets).forEach((target, t) => {
      if (!isRecord(target) || target.each !== true) return
      const atLeast = target.op === '>=' || target.op === '>'
      const atMost = target.op === '<=' || target.op === '<'
      if (!atLeast && !atMost) {
        issues.push(
          configIssue('target-invalid', `${at}/targets/${t}/op`, {
            zh: '「每个成员」目标须是下限或上限（>= > <= <），如「每个卫生院不少于3人」写 op: ">="。',
            en: 'An every-member target is a bound (>= > <= <), e.g. op: ">=" for "at least 3 at every centre".',
          }),
        )
        return
      }
      const wanted = atLeast ? 'min' : 'max'
      if (method !== undefined && method !== wanted)
        issues.push(
          configIssue('target-invalid', `${at}/rollup/method`, {
            zh: `指标有「每个成员」目标（第 ${t + 1} 项），组织和地区须取最差成员的值：rollup.method 应为 ${wanted}，或删去 rollup。`,
            en: `The indicator has an every-member target (entry ${t + 1}), so groups show their worst member: use rollup.method ${wanted}, or leave rollup out.`,
          }),
        )
    })
  })
  return issues
}
