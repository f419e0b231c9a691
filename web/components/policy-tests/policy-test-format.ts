/**
 * @module The texts of the policy tests panel (Chinese first, English by the switch) and the
 * count its header shows: `7/7 通过`.
 */
import type { PolicyTestResult } from '../../../domain/scoring/run-policy-tests.ts'
import { messageTable } from '../../i18n.ts'

export const TESTS_TEXT = {
  title: { zh: '考核测试', en: 'Policy tests' },
  count: { zh: '{passed}/{total} 通过', en: '{passed}/{total} passed' },
  failedCount: { zh: '{failed} 项未通过', en: '{failed} failing' },
  allPassed: { zh: '全部通过', en: 'All passing' },
  passed: { zh: '通过', en: 'passed' },
  failed: { zh: '未通过', en: 'failed' },
  year: { zh: '{year} 年', en: '{year}' },
  total: { zh: '总分 {total}', en: 'total {total}' },
  noTotal: { zh: '不出总分', en: 'no total' },
  noGrade: { zh: '无等次', en: 'no grade' },
  line: { zh: '第 {line} 行', en: 'line {line}' },
  none: {
    zh: '配置中没有考核测试：可在考核（assessments）的 tests 中写明给定的数值和应得的分数、总分、等次。',
    en: 'The config has no policy tests: under an assessment, write tests with given values and the expected scores, total and grade.',
  },
  waiting: {
    zh: '配置通过校验后运行考核测试。',
    en: 'Policy tests run once the config validates.',
  },
  stale: {
    zh: '配置当前有错误，以下为最近一次通过校验时的测试结果。',
    en: 'The config has errors now; these results are from the last version that validated.',
  },
  error: { zh: '考核测试未能运行：{message}', en: 'The policy tests could not run: {message}' },
} as const

/** The current locale's text for a key, with `{name}` placeholders filled. */
export const testsText: (
  key: keyof typeof TESTS_TEXT,
  params?: Record<string, string | number>,
) => string = messageTable(TESTS_TEXT)

/** `7/7 通过`; empty before any test ran. */
export function testsCount(results: readonly PolicyTestResult[] | undefined): string {
  if (!results?.length) return ''
  return testsText('count', {
    passed: results.filter((result) => result.passed).length,
    total: results.length,
  })
}

/** One case's facts in a line: `2021 年 · 总分 99.5 · 优秀`. */
export function caseFacts(result: PolicyTestResult): string {
  const { score } = result
  return [
    testsText('year', { year: result.year }),
    score.total === null ? testsText('noTotal') : testsText('total', { total: score.total }),
    score.grade?.name ?? testsText('noGrade'),
  ].join(' · ')
}
