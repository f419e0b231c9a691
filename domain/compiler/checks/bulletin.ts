/**
 * @module Checks the 情况通报 template (`supervision.bulletin`): each `{placeholder}` it writes is
 * one the bulletin fills (`unknown-placeholder`), so a misspelt one is found when the config is
 * written, not when an office prints the bulletin with `{overdu}` left in it.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { closestMatch } from '../closest-match.ts'
import { BULLETIN_PLACEHOLDERS, unknownPlaceholders } from '../../supervision/bulletin-template.ts'
import { isRecord } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

const KNOWN = Object.keys(BULLETIN_PLACEHOLDERS)

export const checkBulletin: PolicyCheck = ({ policy }) => {
  const bulletin = isRecord(policy.supervision) ? policy.supervision.bulletin : undefined
  if (!isRecord(bulletin)) return []
  const issues: ConfigIssue[] = []
  for (const key of ['title', 'opening', 'closing'] as const) {
    const text = bulletin[key]
    if (typeof text !== 'string') continue
    for (const name of unknownPlaceholders(text)) {
      const guess = closestMatch(name, KNOWN)
      const known = KNOWN.map((known) => `{${known}}`).join('、')
      issues.push(
        configIssue('unknown-placeholder', `/supervision/bulletin/${key}`, {
          zh: `「{${name}}」不是通报可填的占位符。${guess ? `是否想写「{${guess}}」？` : ''}可用：${known}。`,
          en: `"{${name}}" is not a placeholder the bulletin fills.${guess ? ` Did you mean "{${guess}}"?` : ''} Use one of: ${KNOWN.map((known) => `{${known}}`).join(', ')}.`,
        }),
      )
    }
  }
  return issues
}
