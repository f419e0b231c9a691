/**
 * @module Checks that an indicator's entry deadline recurs with its frequency (`invalid-value`):
 * each period of a monthly indicator is reported by a monthly phrase (`次月上旬`), of a yearly one
 * by a yearly phrase (`次年1月`) — whether the indicator's own `entryDue` or the config's default
 * under `indicatorEntry.due`. A fixed date or another period would file every month's figures
 * under one task, or a year's under twelve.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import type { PeriodUnit } from '../../deadlines/index.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'
import { ruleOf } from './deadlines.ts'

const UNITS: Record<string, { unit: PeriodUnit; zh: string; example: string }> = {
  monthly: { unit: 'month', zh: '月度', example: '次月上旬' },
  quarterly: { unit: 'quarter', zh: '季度', example: '次季度首月' },
  yearly: { unit: 'year', zh: '年度', example: '次年1月' },
}
const UNIT_ZH: Record<PeriodUnit, string> = { month: '每月', quarter: '每季度', year: '每年' }

export const checkEntryDeadlines: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  const check = (pointer: string, frequency: unknown, value: unknown) => {
    const expected = typeof frequency === 'string' ? UNITS[frequency] : undefined
    const parsed = ruleOf(value)
    if (!expected || !parsed?.ok) return
    const { rule } = parsed
    if (rule.kind === 'recurring' && rule.every === expected.unit) return
    const has = rule.kind === 'recurring' ? `${UNIT_ZH[rule.every]}一期` : '只有一期'
    issues.push(
      configIssue('invalid-value', pointer, {
        zh: `${expected.zh}数据的填报时限应每期一次，如 ${expected.example}；「${String(value)}」${has}。`,
        en: `${frequency} figures need a deadline that recurs with each period, e.g. ${expected.example}; "${String(value)}" does not.`,
      }),
    )
  }
  const defaults = isRecord(policy.indicatorEntry) ? policy.indicatorEntry.due : undefined
  if (isRecord(defaults))
    for (const [frequency, value] of Object.entries(defaults))
      check(`/indicatorEntry/due/${frequency}`, frequency, value)
  list<Record<string, unknown>>(policy.indicators).forEach((indicator, index) => {
    if (isRecord(indicator) && indicator.entryDue !== undefined)
      check(`/indicators/${index}/entryDue`, indicator.frequency, indicator.entryDue)
  })
  return issues
}
