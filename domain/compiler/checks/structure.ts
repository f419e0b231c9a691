/**
 * @module Checks the document's named parts (`structure.parts`): each clause is the part
 * (domain/supervision/document-parts.ts `documentPart`) of at least one duty's source clause, and
 * is named once (`invalid-value`).
 */
import { documentPart } from '../../supervision/document-parts.ts'
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'

export const checkStructure: PolicyCheck = ({ policy }) => {
  const issues: ConfigIssue[] = []
  const structure: unknown = policy.structure
  if (!isRecord(structure)) return issues
  const known = new Set<string>()
  for (const duty of list<Record<string, unknown>>(policy.responsibilities))
    if (isRecord(duty) && isRecord(duty.source) && typeof duty.source.clause === 'string')
      known.add(documentPart(duty.source.clause))
  const named = new Map<string, number>()
  list<Record<string, unknown>>(structure.parts).forEach((part, index) => {
    if (!isRecord(part) || typeof part.clause !== 'string') return
    const at = `/structure/parts/${index}/clause`
    const clause = part.clause
    const parts = [...known].join('、') || '（无）'
    if (!known.has(clause))
      issues.push(
        configIssue('invalid-value', at, {
          zh: `文件部分「${clause}」不是任何任务出处条款（source.clause）所在的部分。请改为任务条款的首段（如 二、 或 附件），现有部分：${parts}。`,
          en: `Part "${clause}" is not the part of any duty's source clause (source.clause). Use the start of a duty's clause (e.g. 二、 or 附件); the parts present are: ${[...known].join(', ') || '(none)'}.`,
        }),
      )
    else if (named.has(clause))
      issues.push(
        configIssue('invalid-value', at, {
          zh: `文件部分「${clause}」已在第 ${named.get(clause)! + 1} 项命名。每个部分只写一次标题；请删去这一项。`,
          en: `Part "${clause}" is already named in entry ${named.get(clause)! + 1}. Name each part once; remove this entry.`,
        }),
      )
    else named.set(clause, index)
  })
  return issues
}
