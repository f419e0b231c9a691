/**
 * @module Weighs an import's accepted values against locks and validation rules (with what is
 * stored for their units and periods). A row with a value refused is refused whole, as for any
 * other problem; the rest is weighed again, since a refused numerator may have been what kept a
 * denominator of a later row within its rule. Pure: the caller reads `stored` and `locked`.
 */
import type { PolicyConfig } from '../../../schemas/index.ts'
import type { LocalizedText } from '../../../domain/compiler/config-issue.ts'
import { weighValues } from '../rules/check-write.ts'
import type { StoredValues, ValueProblem } from '../rules/check-write.ts'
import { sortRejected } from './import-values.ts'
import type { ImportReport, RejectedEntry } from './import-values.ts'

/**
 * Moves every row with a locked value or a broken rule from `report.accepted` to
 * `report.rejected` (in place).
 * @returns the values accepted with a warning, placed like refusals
 */
export function weighImport(
  report: ImportReport,
  config: PolicyConfig,
  stored: StoredValues,
  locked: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): RejectedEntry[] {
  // Each round refuses at least one row, so this ends; one round is the common case.
  for (;;) {
    const { errors, warnings } = weighValues(config, report.accepted, stored, locked, names)
    if (errors.length === 0) return warnings.map((problem) => entryOf(report, problem))
    const refused = errors.map((problem) => entryOf(report, problem))
    const rows = new Set(refused.map((entry) => entry.row))
    const keep = report.accepted.map((_, index) => !rows.has(report.places[index]!.row))
    report.accepted = report.accepted.filter((_, index) => keep[index])
    report.places = report.places.filter((_, index) => keep[index])
    report.rejected.push(...refused)
    sortRejected(report.rejected)
  }
}

function entryOf(report: ImportReport, problem: ValueProblem): RejectedEntry {
  const value = report.accepted[problem.index]!
  const place = report.places[problem.index]!
  return {
    row: place.row,
    ...(place.column ? { column: place.column } : {}),
    unit: value.unit_id,
    period: value.period,
    input: value.element_id,
    code: problem.code,
    message: placed(place.row, place.column, problem.message),
    ...(problem.rule ? { rule: problem.rule } : {}),
  }
}

function placed(row: number, column: string | undefined, message: LocalizedText): LocalizedText {
  return {
    zh: `第 ${row} 行${column ? ` ${column} 列` : ''}：${message.zh}`,
    en: `Row ${row}${column ? `, column ${column}` : ''}: ${message.en}`,
  }
}
