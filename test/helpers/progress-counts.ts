/**
 * Checks of the progress counts kept by triggers (migration 2026_12_09_0200_progress_counts), for
 * both dialects: each table equals a recount of the task table, and a plan's progress read from
 * the counts equals the same progress read from every task.
 */
import type { Kysely } from 'kysely'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { FINISHED_STATES } from '../../domain/workflow/task-states.ts'
import type { Clock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { planProgress, recountedGroups } from '../../server/plans/progress.ts'

const rung = (level: number) =>
  level >= 4 ? 4 : level >= 3 ? 3 : level >= 2 ? 2 : level >= 1 ? 1 : 0

function tally(keys: unknown[][]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const key of keys) counts[JSON.stringify(key)] = (counts[JSON.stringify(key)] ?? 0) + 1
  return counts
}

/** Expects both progress count tables to equal a recount of the task table now. */
export async function expectProgressCountsKept(db: Kysely<Database>, after: string) {
  const tasks = await db.selectFrom('task').selectAll().execute()
  const units = await db.selectFrom('progress_unit_count').selectAll().where('n', '<>', 0).execute()
  const duties = await db
    .selectFrom('progress_duty_count')
    .selectAll()
    .where('n', '<>', 0)
    .execute()
  const kept = (rows: Array<Record<string, unknown>>, columns: string[]) =>
    Object.fromEntries(
      rows.map((row) => [
        JSON.stringify(columns.map((c) => (c === 'escalation' ? Number(row[c]) : row[c]))),
        Number(row.n),
      ]),
    )
  const unitColumns = [
    'plan_id',
    'assignee',
    'kind',
    'source_id',
    'state',
    'due_on',
    'finished_on',
    'escalation',
  ]
  expect(kept(units, unitColumns), after).toEqual(
    tally(
      tasks.map((task) => [
        task.plan_id,
        task.assignee,
        task.kind,
        task.kind === 'procedure' ? task.source_id : '',
        task.state,
        task.due_on ?? '',
        FINISHED_STATES.includes(task.state) ? civilDateAt(new Date(task.updated_at)) : '',
        rung(task.escalation_level),
      ]),
    ),
  )
  expect(kept(duties, ['plan_id', 'phase_id', 'kind', 'source_id', 'state']), after).toEqual(
    tally(
      tasks
        .filter((task) => task.role !== 'sub')
        .map((task) => [task.plan_id, task.phase_id ?? '', task.kind, task.source_id, task.state]),
    ),
  )
}

/** Expects the plan's progress from the kept counts to equal the same read from every task. */
export async function expectProgressAsRecounted(
  db: Kysely<Database>,
  clock: Clock,
  planId: string,
  after: string,
) {
  const context = await loadPlanContext(db, planId)
  const kept = await planProgress(db, clock, context)
  expect(kept.summary.total, after).toBeGreaterThan(0)
  expect(kept, after).toEqual(await planProgress(db, clock, context, undefined, recountedGroups))
}
