/**
 * @module A failed write's messages by the form field its issues point at, for forms that show
 * each message beside its input: `/units/0/unitId` → `units`, a whole-request message → `''`.
 */
import { ApiError } from './api.ts'
import { pick } from './i18n.ts'

/** The first segment of a JSON pointer: the form field it names (`''` for the whole form). */
export const fieldOf = (pointer: string): string => pointer.split('/')[1] ?? ''

/**
 * The messages of a failed write by field. The error's own message goes to the whole form — or,
 * for a 409 without issues, to `conflictField` (a create's taken username belongs at its input).
 */
export function errorsByField(error: unknown, conflictField = ''): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (field: string, message: string) => (errors[field] ??= []).push(message)
  if (!(error instanceof ApiError)) {
    add('', String(error))
    return errors
  }
  const issues = error.details.issues ?? []
  add(issues.length === 0 && error.status === 409 ? conflictField : '', pick(error.text))
  for (const issue of issues) add(fieldOf(issue.pointer), pick(issue.message))
  return errors
}

/**
 * The messages of a failed write to a list, by row: `/channels/2/target` → `'2'`; the error's own
 * message and issues outside the list go to `''` (the whole form).
 */
export function errorsByRow(error: unknown, list: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (row: string, message: string) => (errors[row] ??= []).push(message)
  if (!(error instanceof ApiError)) {
    add('', String(error))
    return errors
  }
  add('', pick(error.text))
  for (const issue of error.details.issues ?? []) {
    const [, field, row] = issue.pointer.split('/')
    add(field === list && row !== undefined && /^\d+$/.test(row) ? row : '', pick(issue.message))
  }
  return errors
}
