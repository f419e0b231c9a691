/**
 * @module What each JSON text column holds, typed once, and the one way to read one. Columns are
 * text on both SQLite and PostgreSQL (database.ts); {@link readJson} parses one and gives it the
 * type this map names, so a reader cannot cast a column to a shape of its own.
 */
import type { PolicyConfig } from '../../schemas/index.ts'
import type { UnitScore } from '../../domain/scoring/score-types.ts'
import type { PersistedTask } from '../../domain/workflow/run-machine.ts'

/** A task's form data: the form's root is an object. */
export type FormValues = Record<string, unknown>

/** What publishing recorded for a unit (server/assessments/publish-run.ts). */
export interface PublishedConsequences {
  grade: UnitScore['grade']
  effects: UnitScore['effects']
  vetoedBy: UnitScore['vetoedBy']
  rectificationTasks: Array<{ id: string; item: string; dueOn: string | null }>
  recordedAt: string
}

/** The JSON text columns, by table, and the type each one holds. */
export interface JsonColumns {
  policy_version: { config: PolicyConfig }
  /** Members supplied at start for groups the document leaves open, `{ groupId: [{ id, name }] }`. */
  plan: { extra_units: Record<string, Array<{ id: string; name: string }>> }
  app_user: { roles: string[] }
  /** `report_flag`: the revised version whose form the submitted report fails, and how. */
  task: {
    snapshot: PersistedTask
    data: FormValues
    report_flag: { version: string; errors: string[] }
  }
  task_event: { payload: Record<string, unknown> }
  timer: { payload: Record<string, unknown> }
  audit_log: { payload: Record<string, unknown> }
  assessment_result: { score: UnitScore; consequences: PublishedConsequences }
}

/**
 * Parses a JSON text column as the type {@link JsonColumns} gives it; a null column stays null.
 * @example
 * const snapshot = readJson('task', 'snapshot', task.snapshot) // PersistedTask
 * @throws Error naming the column when its text is not JSON (a damaged row, never user input)
 */
export function readJson<
  TTable extends keyof JsonColumns,
  TColumn extends keyof JsonColumns[TTable],
>(table: TTable, column: TColumn, text: string): JsonColumns[TTable][TColumn]
export function readJson<
  TTable extends keyof JsonColumns,
  TColumn extends keyof JsonColumns[TTable],
>(table: TTable, column: TColumn, text: string | null): JsonColumns[TTable][TColumn] | null
export function readJson(table: string, column: PropertyKey, text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new Error(
      `${table}.${String(column)} holds text that is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
}
