/**
 * @module Checks the policy tests inside assessments name what exists: values by indicator or
 * data element id, expected scores by item id of that assessment, the expected grade by one of
 * its grades (`unknown-reference`, with a did-you-mean). Whether the expectations hold is for
 * `luoshi test` and the editor to say, not the validator.
 */
import { configIssue } from '../config-issue.ts'
import type { ConfigIssue } from '../config-issue.ts'
import { closestMatch } from '../closest-match.ts'
import { isRecord, list } from './check-context.ts'
import type { PolicyCheck } from './check-context.ts'
import type { LocalizedText } from '../../../schemas/api/error.schema.ts'

export const checkPolicyTests: PolicyCheck = ({ policy, dataElements }) => {
  const issues: ConfigIssue[] = []
  const indicators = list<Record<string, unknown>>(policy.indicators).flatMap((i) =>
    isRecord(i) && typeof i.id === 'string' ? [i.id] : [],
  )
  const inputs = [...dataElements, ...indicators]
  const known = new Set(inputs)
  list<Record<string, unknown>>(policy.assessments).forEach((assessment, a) => {
    if (!isRecord(assessment)) return
    const items = list<Record<string, unknown>>(assessment.items).flatMap((i) =>
      isRecord(i) && typeof i.id === 'string' ? [i.id] : [],
    )
    const grades = list<Record<string, unknown>>(assessment.grades).flatMap((g) =>
      isRecord(g) && typeof g.id === 'string' ? [g.id] : [],
    )
    list<Record<string, unknown>>(assessment.tests).forEach((test, t) => {
      if (!isRecord(test)) return
      const at = `/assessments/${a}/tests/${t}`
      const unknown = (pointer: string, id: string, choices: string[], what: LocalizedText) => {
        const guess = closestMatch(id, choices)
        issues.push(
          configIssue('unknown-reference', pointer, {
            zh: `「${id}」不是${what.zh}。${guess ? `是否想写「${guess}」？` : ''}`,
            en: `"${id}" is not ${what.en}.${guess ? ` Did you mean "${guess}"?` : ''}`,
          }),
        )
      }
      if (isRecord(test.values)) {
        for (const id of Object.keys(test.values)) {
          if (!known.has(id))
            unknown(`${at}/values/${escape(id)}`, id, inputs, {
              zh: '已声明的指标或数据元素',
              en: 'a declared indicator or data element',
            })
        }
      }
      const expect = isRecord(test.expect) ? test.expect : {}
      if (isRecord(expect.items)) {
        for (const id of Object.keys(expect.items)) {
          if (!items.includes(id))
            unknown(`${at}/expect/items/${escape(id)}`, id, items, {
              zh: '本考核的考核项',
              en: 'an item of this assessment',
            })
        }
      }
      if (typeof expect.grade === 'string' && !grades.includes(expect.grade)) {
        unknown(`${at}/expect/grade`, expect.grade, grades, {
          zh: '本考核的等次',
          en: 'a grade of this assessment',
        })
      }
    })
  })
  return issues
}

/** RFC 6901: `~` and `/` inside a key. */
function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}
