/**
 * @module Checks 分别负责: a duty whose leads each have their own share names every lead once
 * in `shares`, and names no unit that is not a lead (`invalid-value`).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkShares: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  list<Record<string, unknown>>(policy.responsibilities).forEach((duty, index) => {
    if (!isRecord(duty) || duty.shares === undefined) return
    const at = `/responsibilities/${index}`
    if (!Array.isArray(duty.lead)) {
      issues.push(
        configIssue('invalid-value', `${at}/shares`, {
          zh: '写了分工（shares）但牵头单位未列出。请在 lead 中列出各家牵头单位，每家在 shares 中写明其分工。',
          en: 'The duty has shares but no listed leads. List the lead units in lead, and give each its share.',
        }),
      )
      return
    }
    const leads = duty.lead.filter((id): id is string => typeof id === 'string')
    const shared = new Map<string, number>()
    list<Record<string, unknown>>(duty.shares).forEach((share, s) => {
      if (!isRecord(share) || typeof share.unit !== 'string') return
      const unit = share.unit
      if (!leads.includes(unit))
        issues.push(
          configIssue('invalid-value', `${at}/shares/${s}/unit`, {
            zh: `「${unit}」不是本任务的牵头单位。分工只能写给 lead 中的单位；请把它加入 lead，或改为 ${leads.join('、')} 之一。`,
            en: `"${unit}" is not a lead of this duty. Shares go to the units in lead; add it to lead or use one of ${leads.join(', ')}.`,
          }),
        )
      else if (shared.has(unit))
        issues.push(
          configIssue('invalid-value', `${at}/shares/${s}/unit`, {
            zh: `「${unit}」的分工重复（第 ${shared.get(unit)! + 1} 项已写）。每家牵头单位只写一项分工。`,
            en: `"${unit}" already has a share (entry ${shared.get(unit)! + 1}). Give each lead one share.`,
          }),
        )
      else shared.set(unit, s)
    })
    leads.forEach((unit, l) => {
      if (!shared.has(unit))
        issues.push(
          configIssue('invalid-value', `${at}/lead/${l}`, {
            zh: `牵头单位「${unit}」没有写明分工。分别负责时，每家牵头单位都须在 shares 中有一项。`,
            en: `Lead "${unit}" has no share. When leads are each responsible for their own part, every lead needs one.`,
          }),
        )
    })
  })
  return issues
}
