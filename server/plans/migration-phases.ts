/**
 * @module A running plan's phases under the version it moves to (see migration-preview.ts).
 */
import { compareDates, startOfDayInstant } from '../../domain/deadlines/index.ts'
import { readJson } from '../db/json-columns.ts'
import { overdueAt } from '../plan-model/fire-times.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { timerRow } from '../tasks/task-rows.ts'
import type { NewTimer } from '../tasks/task-rows.ts'
import type { MigrationLayout } from './migration-layout.ts'
import type { VersionMatch } from './migration-match.ts'

/**
 * The plan's phases under the new version: a renamed or re-dated phase keeps its row (and status)
 * under the new id and dates, with its pending timers re-planned; a new phase gets its row and
 * timers; a phase the new version drops keeps its row, and its pending timers are cancelled.
 */
export function phaseChanges(
  toModel: PlanModel,
  match: VersionMatch,
  rows: ReadonlyArray<{
    phase_id: string
    name: string
    opens_on: string
    closes_on: string
    status: string
  }>,
  timers: ReadonlyArray<{ id: string; kind: string; payload: string }>,
  cancel: Set<string>,
  newTimers: NewTimer[],
  planId: string,
  today: string,
): MigrationLayout['phases'] {
  const phaseTimers = (phase: string) =>
    timers.filter(
      (t) =>
        (t.kind === 'phase-open' || t.kind === 'phase-end') &&
        readJson('timer', 'payload', t.payload).phase === phase,
    )
  const plan = (phase: string, opens: string, closes: string, pendingOpen: boolean) => {
    if (pendingOpen)
      newTimers.push(
        timerRow(planId, 'phase-open', startOfDayInstant(opens).toISOString(), { phase }),
      )
    newTimers.push(timerRow(planId, 'phase-end', overdueAt(closes), { phase }))
  }
  const update: MigrationLayout['phases']['update'] = []
  const insert: MigrationLayout['phases']['insert'] = []
  for (const row of rows) {
    const to = match.phases.map.get(row.phase_id)
    if (to === undefined) {
      phaseTimers(row.phase_id).forEach((t) => cancel.add(t.id))
      continue
    }
    const window = toModel.phaseWindow(to)
    const name = toModel.config.timeline.phases.find((p) => p.id === to)!.name
    if (
      to === row.phase_id &&
      window.from === row.opens_on &&
      window.to === row.closes_on &&
      name === row.name
    )
      continue
    update.push({ from: row.phase_id, to, name, opens: window.from, closes: window.to })
    const pending = phaseTimers(row.phase_id)
    if (pending.length === 0 || row.status === 'closed') continue
    pending.forEach((t) => cancel.add(t.id))
    plan(to, window.from, window.to, row.status === 'pending')
  }
  const held = new Set(rows.map((row) => match.phases.map.get(row.phase_id) ?? row.phase_id))
  for (const phase of toModel.config.timeline.phases) {
    if (held.has(phase.id)) continue
    const window = toModel.phaseWindow(phase.id)
    const open = compareDates(window.from, today) <= 0
    insert.push({ id: phase.id, name: phase.name, opens: window.from, closes: window.to, open })
    plan(phase.id, window.from, window.to, !open)
  }
  return { insert, update }
}
