/**
 * @module Checks groups of groups (`groups`): a group may not contain itself, directly or through
 * the groups it is made of (`invalid-value` at the entry that closes the loop).
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkGroupNesting: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  const groups = list<Record<string, unknown>>(policy.organizations?.groups)
  const parts = new Map<string, string[]>()
  for (const group of groups)
    if (isRecord(group) && typeof group.id === 'string')
      parts.set(
        group.id,
        list<string>(group.groups).filter((id) => typeof id === 'string'),
      )
  const reaches = (from: string, target: string, seen = new Set<string>()): boolean => {
    if (from === target) return true
    if (seen.has(from)) return false
    seen.add(from)
    return (parts.get(from) ?? []).some((next) => reaches(next, target, seen))
  }
  groups.forEach((group, index) => {
    if (!isRecord(group) || typeof group.id !== 'string') return
    const id = group.id
    list<string>(group.groups).forEach((sub, s) => {
      if (typeof sub === 'string' && reaches(sub, id))
        issues.push(
          configIssue('invalid-value', `/organizations/groups/${index}/groups/${s}`, {
            zh: `组织「${id}」经由「${sub}」包含了自身。组织的组织不能成环；请删去这一项。`,
            en: `Group "${id}" contains itself through "${sub}". Groups of groups cannot loop; remove this entry.`,
          }),
        )
    })
  })
  return issues
}
