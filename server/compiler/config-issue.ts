/**
 * @module Config issues: every problem found in a policy config, as a value with a JSON pointer,
 * a stable code, a position and a message in Chinese and English that says how to fix it.
 */

/** Stable codes for config problems. Tests and the editor key on these; never rename one. */
export const ISSUE_CODES = [
  // YAML and JSON Schema
  'yaml-syntax',
  'missing-field',
  'unknown-field',
  'wrong-type',
  'invalid-value',
  'invalid-format',
  'out-of-range',
  'empty',
  'duplicate-item',
  'no-matching-shape',
  // semantic checks
  'duplicate-id',
  'unknown-reference',
  'wrong-reference-kind',
  'grade-gap',
  'grade-overlap',
  'grade-range',
  'weights-mismatch',
  'effective-period-invalid',
  'deadline-unparsed',
  'deadline-outside-period',
  'holiday-data-missing',
  'source-file-missing',
  'quote-not-found',
  'clause-mismatch',
  'formula-invalid',
  'formula-unknown-element',
  'form-schema-invalid',
  'parameter-invalid',
  'target-invalid',
  // publishing: a policy test (assessments[].tests) that does not pass
  'policy-test-failed',
] as const

export type IssueCode = (typeof ISSUE_CODES)[number]
export type IssueSeverity = 'error' | 'warning'

/** Text shown to people: Chinese first, English second. */
export interface LocalizedText {
  zh: string
  en: string
}

/** One problem in a config. `pointer` is an RFC 6901 JSON pointer into the config. */
export interface ConfigIssue {
  code: IssueCode
  severity: IssueSeverity
  pointer: string
  message: LocalizedText
  file?: string
  /** 1-based line of the YAML node the pointer names (or its nearest existing parent). */
  line?: number
  /** 1-based column. */
  col?: number
}

/**
 * Builds an issue value.
 * @example configIssue('duplicate-id', '/organizations/units/3/id', { zh: '…', en: '…' })
 */
export function configIssue(
  code: IssueCode,
  pointer: string,
  message: LocalizedText,
  severity: IssueSeverity = 'error',
): ConfigIssue {
  return { code, severity, pointer, message }
}

/** True when the list holds at least one error (warnings alone do not fail a config). */
export function hasErrors(issues: readonly ConfigIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error')
}

/** Escapes one reference token for a JSON pointer (RFC 6901 §3: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Joins reference tokens into a JSON pointer, e.g. `['a', 0]` → `/a/0`. */
export function toPointer(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((token) => '/' + escapePointerToken(token)).join('')
}

/** Splits a JSON pointer into its unescaped tokens. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Sorts issues by file, line and column so they read top to bottom. */
export function sortIssues(issues: ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      a.pointer.localeCompare(b.pointer),
  )
}
