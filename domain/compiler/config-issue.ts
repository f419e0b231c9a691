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
  'quotes-not-checked',
  'clause-mismatch',
  'formula-invalid',
  'formula-unknown-element',
  'form-schema-invalid',
  'parameter-invalid',
  'target-invalid',
  'unknown-placeholder',
  'target-year-unstated',
  'duty-start-invalid',
  'unstorable-character',
  // publishing: a policy test (assessments[].tests) that does not pass
  'policy-test-failed',
  // limits: a text too large to check, and the closing count of issues not listed
  'config-too-large',
  'too-many-issues',
] as const

export type IssueCode = (typeof ISSUE_CODES)[number]
export type IssueSeverity = 'error' | 'warning'

export type { LocalizedText } from '../../schemas/api/error.schema.ts'
import type { LocalizedText } from '../../schemas/api/error.schema.ts'

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

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an
 * argument, and a list of a few hundred thousand overflows the call stack.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item)
}

/**
 * The first `max` issues, errors before warnings, and one `too-many-issues` issue counting the
 * rest (an error when an error is among them). Under the limit, the issues as they are.
 * @param omitted errors already left out before `issues` was gathered, counted in the rest
 */
export function capIssues(
  issues: readonly ConfigIssue[],
  max: number,
  omitted = 0,
): { listed: ConfigIssue[]; summary?: ConfigIssue } {
  if (issues.length <= max && omitted === 0) return { listed: [...issues] }
  const errors = issues.filter((issue) => issue.severity === 'error')
  const listed =
    errors.length >= max
      ? errors.slice(0, max)
      : [
          ...errors,
          ...issues.filter((issue) => issue.severity !== 'error').slice(0, max - errors.length),
        ]
  const total = issues.length + omitted
  const rest = total - listed.length
  const errorLeftOut =
    omitted > 0 || errors.length > listed.filter((issue) => issue.severity === 'error').length
  const summary = configIssue(
    'too-many-issues',
    '',
    {
      zh: `另有 ${rest.toLocaleString('en-US')} 处问题未列出（共 ${total.toLocaleString('en-US')} 处，只列前 ${listed.length} 处）。请先改正以上问题再校验。`,
      en: `${rest.toLocaleString('en-US')} more issue(s) not listed (${total.toLocaleString('en-US')} in all; the first ${listed.length} are). Fix the ones above and validate again.`,
    },
    errorLeftOut ? 'error' : 'warning',
  )
  return { listed, summary }
}

/** The UTF-8 length of a text in bytes, without encoding it (browser-safe). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4 // a surrogate pair: one code point above U+FFFF
      i++
    } else bytes += 3
  }
  return bytes
}
