import { readFileSync } from 'node:fs'
import { validatePolicyText } from '../../../domain/compiler/validate-policy.ts'
import { deadlineRows } from './deadline-rows.ts'

function policy(path: string) {
  const result = validatePolicyText(readFileSync(path, 'utf8'))
  if (!result.ok) throw new Error(`${path} does not validate`)
  return result.policy
}

describe('deadlineRows', () => {
  const rows = deadlineRows(policy('policies/pingnan/medical-alliance-2018.yaml'))

  it('resolves phase windows from their phrases', () => {
    const plan = rows.find((row) => row.section === 'phase' && row.phrase === '2018年4月上旬')
    expect(plan?.result).toEqual({ kind: 'window', start: '2018-04-01', end: '2018-04-10' })
  })

  it('places a recurrence inside its within window', () => {
    const quarterly = rows.find((row) => row.phrase === '每个季度最后一个月上旬')
    expect(quarterly?.result.kind).toBe('recurring')
    if (quarterly?.result.kind !== 'recurring') return
    expect(quarterly.result.occurrences.map((o) => o.due)).toEqual(['2018-09-10', '2018-12-10'])
  })

  it('says when the document sets no deadline', () => {
    expect(rows.some((row) => row.result.kind === 'unspecified' && row.phrase === '—')).toBe(true)
  })
})
