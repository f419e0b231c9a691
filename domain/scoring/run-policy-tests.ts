/**
 * @module Runs the policy tests written inside assessments: given values, expect item scores,
 * a total, a grade, a veto. Each result says what was expected and what came out, with the
 * item's explanation, so an author sees why a case fails. Browser-safe (the editor runs them).
 */
import { Decimal } from 'decimal.js'
import type { PolicyConfig } from '../../schemas/index.ts'
import type { LocalizedText } from '../compiler/config-issue.ts'
import type { FormulaValue } from '../formula/evaluate-formula.ts'
import { IndicatorSet } from './indicator-value.ts'
import { compileAssessment, scoreUnit } from './score-assessment.ts'
import type { UnitScore } from './score-types.ts'

export interface PolicyTestFailure {
  what: 'item' | 'total' | 'grade' | 'vetoed'
  /** The item id, for `item`. */
  id?: string
  expected: string
  actual: string
  message: LocalizedText
}

export interface PolicyTestResult {
  assessmentId: string
  index: number
  name: string
  year: number
  pointer: string
  passed: boolean
  failures: PolicyTestFailure[]
  score: UnitScore
  line?: number
}

/** Runs every policy test of a valid config, in order. */
export function runPolicyTests(
  config: PolicyConfig,
  locate?: (pointer: string) => { line?: number },
): PolicyTestResult[] {
  const indicators = new IndicatorSet(config)
  const results: PolicyTestResult[] = []
  config.assessments?.forEach((assessment, a) => {
    if (!assessment.tests?.length) return
    const compiled = compileAssessment(config, assessment.id, indicators)
    assessment.tests.forEach((test, index) => {
      const values = new Map<string, FormulaValue>(
        Object.entries(test.values).map(([id, value]) => [
          id,
          typeof value === 'boolean' ? value : new Decimal(value),
        ]),
      )
      const score = scoreUnit(compiled, 'test', test.year, values)
      const failures = compare(test.expect, score)
      const pointer = `/assessments/${a}/tests/${index}`
      const line = locate?.(pointer).line
      results.push({
        assessmentId: assessment.id,
        index,
        name: test.name,
        year: test.year,
        pointer,
        passed: failures.length === 0,
        failures,
        score,
        ...(line ? { line } : {}),
      })
    })
  })
  return results
}

type Expectation = NonNullable<PolicyConfig['assessments']>[number]['tests'] extends
  (infer T)[] | undefined
  ? T extends { expect: infer E }
    ? E
    : never
  : never

function compare(expect: Expectation, score: UnitScore): PolicyTestFailure[] {
  const failures: PolicyTestFailure[] = []
  for (const [id, expected] of Object.entries(expect.items ?? {})) {
    const item = score.items.find((i) => i.id === id)
    if (!item) continue
    const actual = item.kind === 'veto' ? null : item.score
    if (!sameNumber(expected, actual)) {
      failures.push({
        what: 'item',
        id,
        expected: show(expected),
        actual: show(actual),
        message: {
          zh: `「${item.name}」应得 ${show(expected)} 分，实得 ${show(actual)} 分。${item.explanation.zh}`,
          en: `"${item.name}" should score ${show(expected)}, scored ${show(actual)}. ${item.explanation.en}`,
        },
      })
    }
  }
  if (expect.total !== undefined && !sameNumber(expect.total, score.total)) {
    const missing = score.missing.length ? `（缺 ${score.missing.join('、')}）` : ''
    failures.push({
      what: 'total',
      expected: show(expect.total),
      actual: show(score.total),
      message: {
        zh: `总分应为 ${show(expect.total)}，实为 ${show(score.total)}${missing}：基本分 ${show(score.base)}，加分 ${show(score.bonus)}。`,
        en: `The total should be ${show(expect.total)}, is ${show(score.total)}: base ${show(score.base)}, bonus ${show(score.bonus)}.`,
      },
    })
  }
  if (expect.grade !== undefined && expect.grade !== score.grade?.id) {
    failures.push({
      what: 'grade',
      expected: expect.grade,
      actual: score.grade?.id ?? 'null',
      message: {
        zh: `等次应为「${expect.grade}」，实为「${score.grade?.name ?? '无'}」（总分 ${show(score.total)}）。`,
        en: `The grade should be "${expect.grade}", is "${score.grade?.id ?? 'none'}" (total ${show(score.total)}).`,
      },
    })
  }
  if (expect.vetoed !== undefined && expect.vetoed !== (score.vetoedBy !== null)) {
    failures.push({
      what: 'vetoed',
      expected: String(expect.vetoed),
      actual: String(score.vetoedBy !== null),
      message: expect.vetoed
        ? { zh: '应触发一票否决，但未触发。', en: 'A veto was expected, none applied.' }
        : {
            zh: `不应触发一票否决，但「${score.vetoedBy}」触发了。`,
            en: `No veto was expected, but "${score.vetoedBy}" applied.`,
          },
    })
  }
  return failures
}

function sameNumber(expected: number | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual
  return new Decimal(expected).eq(actual)
}

function show(value: number | string | null): string {
  return value === null ? 'null' : String(value)
}
