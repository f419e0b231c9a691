/**
 * Invariants the durability tests check on a database after a crash, a restart or concurrent
 * schedulers: whole task histories, the escalation ladder, each timer's effect exactly once.
 * Each collects every violation and compares the list with [], so a failure names them all.
 */
import type { Kysely } from 'kysely'
import type { Database, TaskRow, TimerRow } from '../../server/db/database.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { LEVELS, planEscalation } from '../../server/plan-model/fire-times.ts'
import type { EscalationLevel } from '../../server/plan-model/fire-times.ts'

/** States in which a unit still owes the work (fire-timer.ts escalates only these). */
export const OWING = new Set(['assigned', 'in_progress', 'returned'])

const ESCALATION_KINDS = new Set(['remind', 'overdue', 'escalate'])

/** Every task's events are numbered 1 … version − 1: one event per version step, none missing. */
export async function expectHistoriesWhole(db: Kysely<Database>): Promise<void> {
  const tasks = await db.selectFrom('task').select(['id', 'version']).execute()
  const events = await db
    .selectFrom('task_event')
    .select(['task_id', 'seq'])
    .orderBy('task_id')
    .orderBy('seq')
    .execute()
  const seqs = new Map<string, number[]>()
  for (const event of events)
    seqs.set(event.task_id, [...(seqs.get(event.task_id) ?? []), event.seq])
  const broken = tasks.flatMap((task) => {
    const got = seqs.get(task.id) ?? []
    const want = Array.from({ length: task.version - 1 }, (_, index) => index + 1)
    return got.join(',') === want.join(',')
      ? []
      : [{ task: task.id, version: task.version, events: got.length }]
  })
  expect(broken).toEqual([])
}

/** No timer is pending whose instant has come. */
export async function expectNothingDue(db: Kysely<Database>, now: Date): Promise<void> {
  const due = await db
    .selectFrom('timer')
    .select(['id', 'kind', 'fire_at'])
    .where('status', '=', 'pending')
    .where('fire_at', '<=', now.toISOString())
    .execute()
  expect(due).toEqual([])
}

/**
 * No timer was planned twice: timers are unique by plan, task, kind and payload (a ladder step
 * names its level, a period-open its duty and index, a phase timer its phase). A timer firing
 * twice plans its successor twice, so a double fire shows up here.
 */
export async function expectNoDuplicateTimers(db: Kysely<Database>): Promise<void> {
  const timers = await db
    .selectFrom('timer')
    .select(['plan_id', 'task_id', 'kind', 'payload'])
    .execute()
  const counts = new Map<string, number>()
  for (const timer of timers) {
    const key = JSON.stringify([timer.plan_id, timer.task_id, timer.kind, timer.payload])
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  expect([...counts].filter(([, count]) => count > 1)).toEqual([])
}

/** Who a fired escalation step notifies (as fire-timer.ts resolves its audiences). */
async function recipients(
  db: Kysely<Database>,
  task: TaskRow,
  notify: string[],
): Promise<string[]> {
  const { model } = await loadPlanContext(db, task.plan_id)
  return [
    ...new Set(
      notify.flatMap((audience) =>
        audience === 'assignee'
          ? [task.assignee]
          : audience === 'reviewer'
            ? task.reviewer
              ? [task.reviewer]
              : []
            : audience === 'office'
              ? model.office
                ? [model.office]
                : []
              : audience === 'leadership'
                ? model.leadership
                  ? [model.leadership]
                  : []
                : [audience],
      ),
    ),
  ].sort()
}

/**
 * Every task that is still owed stands where its ladder says at `now`: each step whose instant
 * has come fired once (one fired timer, one system event, one notification per recipient), its
 * level is the highest of them, and the next step — if any — is the one pending timer.
 */
export async function expectLadderAt(
  db: Kysely<Database>,
  now: Date,
): Promise<{ steps: number; notifications: number }> {
  const at = now.toISOString()
  const tasks = await db.selectFrom('task').selectAll().execute()
  const timers = (
    await db.selectFrom('timer').selectAll().where('task_id', 'is not', null).execute()
  ).filter((timer) => ESCALATION_KINDS.has(timer.kind))
  const notifications = await db
    .selectFrom('notification')
    .select(['task_id', 'recipient', 'kind'])
    .where('kind', 'in', Object.keys(LEVELS) as EscalationLevel[])
    .execute()
  const systemEvents = await db
    .selectFrom('task_event')
    .select(['task_id', 'type'])
    .where('actor', '=', 'system')
    .where('type', 'in', ['REMIND', 'OVERDUE', 'ESCALATE'])
    .execute()
  const byTask = <T extends { task_id: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>()
    for (const row of rows) map.set(row.task_id!, [...(map.get(row.task_id!) ?? []), row])
    return map
  }
  const timersOf = byTask<TimerRow>(timers)
  const notificationsOf = byTask(notifications)
  const eventsOf = byTask(systemEvents)
  const problems: unknown[] = []
  let steps = 0
  let sent = 0
  for (const task of tasks) {
    if (!OWING.has(task.state)) continue
    const { model } = await loadPlanContext(db, task.plan_id)
    const ladder = task.due_on ? planEscalation(task.due_on, model.escalation, model.calendar) : []
    const due = ladder.filter((step) => step.fireAt <= at)
    const next = ladder.find((step) => step.fireAt > at)
    const mine = timersOf.get(task.id) ?? []
    const fired = mine
      .filter((timer) => timer.status === 'fired')
      .map((timer) => (JSON.parse(timer.payload) as { level: EscalationLevel }).level)
    const pending = mine
      .filter((timer) => timer.status === 'pending')
      .map((timer) => [
        (JSON.parse(timer.payload) as { level: EscalationLevel }).level,
        timer.fire_at,
      ])
    const level = Math.max(0, ...due.map((step) => LEVELS[step.level]))
    const report = (what: string, got: unknown, want: unknown) =>
      problems.push({
        task: task.id,
        source: task.source_id,
        assignee: task.assignee,
        due: task.due_on,
        what,
        got,
        want,
      })
    if (task.escalation_level !== level) report('escalation level', task.escalation_level, level)
    // Compared as sets: the rows come in no particular order (PostgreSQL's differs from SQLite's),
    // and two steps may fall on one instant.
    const dueLevels = due.map((step) => step.level)
    if ([...fired].sort().join(',') !== [...dueLevels].sort().join(','))
      report('fired steps', fired, dueLevels)
    if (JSON.stringify(pending) !== JSON.stringify(next ? [[next.level, next.fireAt]] : []))
      report('pending step', pending, next ? [next.level, next.fireAt] : null)
    const events = eventsOf.get(task.id) ?? []
    if (events.length !== due.length) report('system events', events.length, due.length)
    for (const step of due) {
      const want = await recipients(db, task, [...step.notify])
      const got = (notificationsOf.get(task.id) ?? [])
        .filter((row) => row.kind === step.level)
        .map((row) => row.recipient)
        .sort()
      if (got.join(',') !== want.join(',')) report(`${step.level} notifications`, got, want)
      sent += want.length
    }
    steps += due.length
  }
  expect(problems).toEqual([])
  expect(notifications.length).toBe(sent)
  return { steps, notifications: sent }
}

/** Each fired phase-open timer opened its phase, and no phase was opened (audited) twice. */
export async function expectPhasesOpenedOnce(db: Kysely<Database>): Promise<number> {
  const fired = await db
    .selectFrom('timer')
    .selectAll()
    .where('kind', '=', 'phase-open')
    .where('status', '=', 'fired')
    .execute()
  const phases = await db.selectFrom('plan_phase').selectAll().execute()
  const audits = await db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'phase.open')
    .execute()
  const problems: unknown[] = []
  for (const timer of fired) {
    const phaseId = (JSON.parse(timer.payload) as { phase: string }).phase
    const phase = phases.find((row) => row.plan_id === timer.plan_id && row.phase_id === phaseId)
    if (!phase || phase.status === 'pending' || phase.opened_at !== timer.fired_at)
      problems.push({
        phase: phaseId,
        status: phase?.status,
        openedAt: phase?.opened_at,
        firedAt: timer.fired_at,
      })
    const opened = audits.filter((row) => row.entity_id === `${timer.plan_id}/${phaseId}`).length
    if (opened !== 1) problems.push({ phase: phaseId, audited: opened })
  }
  expect(problems).toEqual([])
  return fired.length
}

/**
 * The outcome of running a plan's timers, without the ids firing generates: tasks by their
 * natural key, and timers, events, notifications and audit actions as sorted lists. Two
 * databases that started as copies and fired the same timers exactly once compare equal.
 */
export async function normalizedOutcome(db: Kysely<Database>) {
  const tasks = await db.selectFrom('task').selectAll().execute()
  const key = new Map(
    tasks.map((task) => [
      task.id,
      `${task.plan_id}|${task.source_id}|${task.assignee}|${task.role}|${task.period}`,
    ]),
  )
  const name = (id: string | null) => (id === null ? null : (key.get(id) ?? `unknown:${id}`))
  const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort()
  const timers = await db.selectFrom('timer').selectAll().execute()
  const events = await db.selectFrom('task_event').selectAll().execute()
  const notifications = await db.selectFrom('notification').selectAll().execute()
  const phases = await db
    .selectFrom('plan_phase')
    .selectAll()
    .orderBy('plan_id')
    .orderBy('phase_id')
    .execute()
  const audit = await db.selectFrom('audit_log').select(['action', 'actor', 'at']).execute()
  return {
    tasks: sorted(
      tasks.map((task) => [
        name(task.id),
        name(task.parent_task_id),
        task.state,
        task.version,
        task.escalation_level,
        task.data,
        task.snapshot,
        task.updated_at,
      ]),
    ),
    timers: sorted(
      timers.map((timer) => [
        name(timer.task_id),
        timer.plan_id,
        timer.kind,
        timer.payload,
        timer.fire_at,
        timer.status,
        timer.fired_at,
      ]),
    ),
    events: sorted(
      events.map((event) => [
        name(event.task_id),
        event.seq,
        event.type,
        event.payload,
        event.actor,
        event.at,
      ]),
    ),
    notifications: sorted(
      notifications.map((row) => [name(row.task_id), row.recipient, row.kind, row.message, row.at]),
    ),
    phases,
    audit: sorted(audit),
  }
}
