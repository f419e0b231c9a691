/**
 * @module Checks the entries of a `PUT …/indicator-values` body: each entry's element, unit,
 * period and value, and repeats within the body. Every problem is reported at its JSON pointer
 * (`/values/3/value`), so a client can mark the field; the caller writes nothing unless there
 * are none. Pure.
 */
import type { RequestIssue } from '../errors.ts'
import type { EntryResolver } from './entry-context.ts'
import type { NewIndicatorValue } from './value-store.ts'

export interface Entry {
  element: string
  unit: string
  period: string | number
  value: string | number | boolean
}

/** The values to store (with the index of the entry each came from), and every problem with its pointer. */
export function checkEntries(
  entries: readonly Entry[],
  resolver: EntryResolver,
): { accepted: NewIndicatorValue[]; indexes: number[]; issues: RequestIssue[] } {
  const { planId, enteredBy, enteredAt, source } = resolver.context
  const accepted: NewIndicatorValue[] = []
  const indexes: number[] = []
  const issues: RequestIssue[] = []
  const seen = new Map<string, number>()
  entries.forEach((entry, index) => {
    const pointer = `/values/${index}`
    const unit = resolver.unit(entry.unit)
    const input = resolver.input(entry.element)
    const period = resolver.period(entry.period)
    if (!unit.ok)
      issues.push({ pointer: `${pointer}/unit`, code: unit.code, message: unit.message })
    if (!input.ok)
      issues.push({ pointer: `${pointer}/element`, code: input.code, message: input.message })
    if (!period.ok)
      issues.push({ pointer: `${pointer}/period`, code: period.code, message: period.message })
    if (!input.ok) return
    const fits = period.ok ? resolver.periodFits(input.value, period.value) : undefined
    if (fits && !fits.ok)
      issues.push({ pointer: `${pointer}/period`, code: fits.code, message: fits.message })
    const value = resolver.value(input.value, entry.value)
    if (!value.ok)
      issues.push({ pointer: `${pointer}/value`, code: value.code, message: value.message })
    if (!unit.ok || !fits?.ok || !value.ok) return
    const key = `${unit.value}\u0000${fits.value.text}\u0000${input.value.id}`
    const first = seen.get(key)
    if (first !== undefined) {
      issues.push({
        pointer,
        code: 'duplicate',
        message: {
          zh: `与 /values/${first} 重复（同一单位、期间、数据项）`,
          en: `duplicates /values/${first} (the same unit, period and input)`,
        },
      })
      return
    }
    seen.set(key, index)
    accepted.push({
      plan_id: planId,
      element_id: input.value.id,
      unit_id: unit.value,
      period: fits.value.text,
      value: value.value,
      source,
      task_id: null,
      entered_by: enteredBy,
      entered_at: enteredAt,
    })
    indexes.push(index)
  })
  return { accepted, indexes, issues }
}
