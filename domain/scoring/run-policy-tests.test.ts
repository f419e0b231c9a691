import {
  lineOf,
  MINIMAL_POLICY,
  validateWithSource,
  withReplaced,
} from '../../test/helpers/minimal-policy.ts'
import { runPolicyTests } from './run-policy-tests.ts'
import type { PolicyTestResult } from './run-policy-tests.ts'

/**
 * The minimal policy's assessment: visit-rate (deduct, 60, ≥ 90%, 3 per point, whole steps),
 * satisfaction (proportional, 40, on the same rate), a bonus of 5 when county_visits > 0 and a
 * veto to `fail` on `violation`. Grades: excellent ≥ 90, pass 60–90, fail < 60.
 */
const CASES = `    tests:
      - name: 恰好达标
        year: 2020
        values: { county_visits: 900, total_visits: 1000, violation: false }
        expect:
          items: { visit-rate: 60, satisfaction: 36, bonus: 5 }
          total: 101
          grade: excellent
          vetoed: false
      - name: 差 4.5 个百分点
        year: 2020
        values: { county_visits: 855, total_visits: 1000, violation: false }
        expect:
          items: { visit-rate: 48, satisfaction: 34.2 }
          total: 87.2
          grade: pass
      - name: 重大违规一票否决
        year: 2020
        values: { county_visits: 900, total_visits: 1000, violation: true }
        expect: { total: 101, grade: fail, vetoed: true }
      - name: 缺总就诊人次
        year: 2020
        values: { county_visits: 900, violation: false }
        expect:
          items: { visit-rate: null, satisfaction: null, bonus: 5 }
          total: null
`

function withTests(tests = CASES): string {
  return withReplaced('    grades:\n', `${tests}    grades:\n`)
}

function run(text: string, located = true): PolicyTestResult[] {
  const result = validateWithSource(text)
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2))
  return runPolicyTests(result.policy, located ? result.locate : undefined)
}

describe('runPolicyTests', () => {
  it('passes every case whose expectations hold', () => {
    const results = run(withTests())
    expect(results.map((result) => [result.name, result.passed, result.failures])).toEqual([
      ['恰好达标', true, []],
      ['差 4.5 个百分点', true, []],
      ['重大违规一票否决', true, []],
      ['缺总就诊人次', true, []],
    ])
    expect(results[1]!.score).toMatchObject({ total: '87.2', grade: { id: 'pass' } })
  })

  it('places each case at its line, found with locate', () => {
    const text = withTests()
    const results = run(text)
    expect(results.map((result) => result.pointer)).toEqual(
      [0, 1, 2, 3].map((index) => `/assessments/0/tests/${index}`),
    )
    expect(results.map((result) => result.line)).toEqual([
      lineOf(text, '- name: 恰好达标'),
      lineOf(text, '- name: 差 4.5 个百分点'),
      lineOf(text, '- name: 重大违规一票否决'),
      lineOf(text, '- name: 缺总就诊人次'),
    ])
  })

  it('gives no line without locate', () => {
    expect(run(withTests(), false)[0]).not.toHaveProperty('line')
  })

  it('fails a wrong item score and explains the item', () => {
    const [, result] = run(
      withTests(withReplaced('items: { visit-rate: 48,', 'items: { visit-rate: 50,', CASES)),
    )
    expect(result!.passed).toBe(false)
    expect(result!.failures).toHaveLength(1)
    const [failure] = result!.failures
    expect(failure).toMatchObject({ what: 'item', id: 'visit-rate', expected: '50', actual: '48' })
    expect(failure!.message.zh).toBe(
      '「县域内就诊率」应得 50 分，实得 48 分。县域内就诊率 85.5%，目标 ≥90%，差 4.5 个百分点，按 4 个百分点计（只计整步，不足 1 个百分点的不计）；每差 1 个百分点扣 3 分，计 4 步，扣 12 分。共扣 12 分，得 48 分。',
    )
    expect(failure!.message.en).toContain(
      '"县域内就诊率" should score 50, scored 48. 县域内就诊率 85.5%, target ≥ 90%: short by 4.5 percentage point(s)',
    )
  })

  it('fails a number expected for an item that cannot be scored', () => {
    const [, , , result] = run(
      withTests(withReplaced('items: { visit-rate: null,', 'items: { visit-rate: 60,', CASES)),
    )
    expect(result!.failures).toMatchObject([
      { what: 'item', id: 'visit-rate', expected: '60', actual: 'null' },
    ])
    expect(result!.failures[0]!.message.zh).toContain('缺少数据：total_visits')
  })

  it('fails a wrong total and shows the base and bonus', () => {
    const [, result] = run(withTests(withReplaced('total: 87.2', 'total: 88', CASES)))
    expect(result!.failures).toMatchObject([{ what: 'total', expected: '88', actual: '87.2' }])
    expect(result!.failures[0]!.message.zh).toBe('总分应为 88，实为 87.2：基本分 82.2，加分 5。')
  })

  it('compares totals as decimals, not as text', () => {
    const [, result] = run(withTests(withReplaced('total: 87.2', 'total: 87.20', CASES)))
    expect(result!.passed).toBe(true)
  })

  it('fails a wrong grade', () => {
    const [, result] = run(withTests(withReplaced('grade: pass', 'grade: excellent', CASES)))
    expect(result!.failures).toMatchObject([
      { what: 'grade', expected: 'excellent', actual: 'pass' },
    ])
    expect(result!.failures[0]!.message.zh).toBe(
      '等次应为「excellent」，实为「合格」（总分 87.2）。',
    )
  })

  it('fails an expected veto that does not apply', () => {
    const [result] = run(withTests(withReplaced('vetoed: false', 'vetoed: true', CASES)))
    expect(result!.failures).toMatchObject([{ what: 'vetoed', expected: 'true', actual: 'false' }])
    expect(result!.failures[0]!.message).toEqual({
      zh: '应触发一票否决，但未触发。',
      en: 'A veto was expected, none applied.',
    })
  })

  it('fails a veto that applies unexpectedly', () => {
    const [, , result] = run(withTests(withReplaced('vetoed: true', 'vetoed: false', CASES)))
    expect(result!.failures).toMatchObject([{ what: 'vetoed', expected: 'false', actual: 'true' }])
    expect(result!.failures[0]!.message.zh).toBe('不应触发一票否决，但「veto」触发了。')
  })

  it('reports every failed expectation of a case', () => {
    let cases = withReplaced('items: { visit-rate: 48,', 'items: { visit-rate: 50,', CASES)
    cases = withReplaced('total: 87.2', 'total: 88', cases)
    cases = withReplaced('grade: pass', 'grade: excellent', cases)
    const [, result] = run(withTests(cases))
    expect(result!.failures.map((failure) => failure.what)).toEqual(['item', 'total', 'grade'])
  })

  it('returns nothing for a config without policy tests', () => {
    const result = validateWithSource(MINIMAL_POLICY)
    expect(result.ok && runPolicyTests(result.policy)).toEqual([])
  })
})
