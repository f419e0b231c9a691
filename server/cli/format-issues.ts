/** @module Prints config issues the way compilers do: `file:line:col  severity  code  pointer`. */
import type { ConfigIssue } from '../../domain/compiler/config-issue.ts'

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text)

/** One issue as three lines: where and what, then the Chinese and the English message. */
export function formatIssue(issue: ConfigIssue): string {
  const where = `${issue.file ?? '<input>'}:${issue.line ?? 1}:${issue.col ?? 1}`
  const severity = issue.severity === 'error' ? paint(31, 'error') : paint(33, 'warning')
  return [
    `${where}  ${severity}  ${issue.code}  ${issue.pointer || '/'}`,
    `  ${issue.message.zh}`,
    `  ${paint(2, issue.message.en)}`,
  ].join('\n')
}

/** The closing line: counts of errors and warnings. */
export function formatSummary(issues: readonly ConfigIssue[], files: number): string {
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const warnings = issues.length - errors
  const counts = `${errors} 个错误, ${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s) in ${files} file(s)`
  return errors > 0 ? paint(31, `✗ ${counts}`) : paint(32, `✓ ${counts}`)
}
