/**
 * @module `luoshi test <file…>`: runs the policy tests inside each config and prints every case
 * with its line — ✓ when it holds, ✗ with each expectation that failed and the item's
 * explanation. Exits 1 when a config is invalid or any case fails.
 */
import { loadPolicyFile } from '../policies/load-policy.ts'
import { runPolicyTests } from '../../domain/scoring/run-policy-tests.ts'
import { formatIssue, formatSummary } from './format-issues.ts'

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text)

export function testPolicies(files: string[], json: boolean): number {
  let failed = false
  const report: unknown[] = []
  let passed = 0
  let total = 0
  for (const path of files) {
    const loaded = loadPolicyFile(path)
    if (!loaded.ok) {
      failed = true
      if (json) report.push({ file: loaded.file, ok: false, issues: loaded.issues, tests: [] })
      else {
        for (const issue of loaded.issues) console.log(formatIssue(issue) + '\n')
        console.log(formatSummary(loaded.issues, 1))
      }
      continue
    }
    const results = runPolicyTests(loaded.policy, loaded.locate)
    total += results.length
    passed += results.filter((result) => result.passed).length
    if (results.some((result) => !result.passed)) failed = true
    if (json) {
      report.push({
        file: loaded.file,
        ok: true,
        tests: results.map(({ score, ...rest }) => ({
          ...rest,
          total: score.total,
          grade: score.grade?.id ?? null,
        })),
      })
      continue
    }
    if (results.length === 0) console.log(`${loaded.file}: 没有测试用例 / no policy tests`)
    for (const result of results) {
      const where = `${loaded.file}:${result.line ?? 1}`
      const outcome = `${result.score.total ?? '—'} 分 ${result.score.grade?.name ?? ''}`.trim()
      console.log(
        `${result.passed ? paint(32, '✓') : paint(31, '✗')} ${where}  ${result.assessmentId} · ${result.name}  (${outcome})`,
      )
      for (const failure of result.failures) {
        console.log(`    ${failure.message.zh}`)
        console.log(`    ${paint(2, failure.message.en)}`)
      }
    }
  }
  if (json) console.log(JSON.stringify(report, null, 2))
  else {
    const line = `${passed}/${total} 个用例通过 / ${passed} of ${total} policy test(s) passed in ${files.length} file(s)`
    console.log(failed ? paint(31, `✗ ${line}`) : paint(32, `✓ ${line}`))
  }
  return failed ? 1 : 0
}
