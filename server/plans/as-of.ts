/**
 * @module A plan as it stood at the end of a past day (Asia/Shanghai): each task's state, its
 * escalation level and when it last changed, rebuilt from its history. Every step of a task is
 * recorded with its instant — the task_event row, and beside it in the same transaction the audit
 * entry naming the state it left and the state it reached — so the state on a day is the one
 * after the last step at or before that day's end, or, before any step, the one the first later
 * step left. Escalation only ever climbs (提醒 1, 催办 2, then each ESCALATE's level), so the
 * level on a day is the highest its events had reached by then. A task's unit and due date are
 * those the first later transfer, extension or revision moved them from. Tasks made after the
 * day are left out.
 */
import type { Kysely } from 'kysely'
import { addDays, civilDateAt, compareDates } from '../../domain/deadlines/index.ts'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'

/** The first instant after a civil date in Asia/Shanghai (UTC+8, no daylight saving). */
export function endOfDay(date: string): string {
  return new Date(`${addDays(date, 1)}T00:00:00+08:00`).toISOString()
}

/**
 * Checks an `asOf` query value: a real YYYY-MM-DD date, not before the plan started and not
 * after today. Returns the date, or undefined when none was asked for.
 */
export function checkAsOf(
  value: string | undefined,
  startedAt: string,
  now: Date,
): string | undefined {
  if (value === undefined) return undefined
  const start = civilDateAt(new Date(startedAt))
  const today = civilDateAt(now)
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  if (!valid)
    throw badAsOf({
      zh: `asOf 应为 YYYY-MM-DD 格式的日期，收到「${value}」`,
      en: `asOf must be a date as YYYY-MM-DD, not "${value}"`,
    })
  if (compareDates(value, start) < 0 || compareDates(value, today) > 0)
    throw badAsOf({
      zh: `asOf 应在计划开始日 ${start} 与今天 ${today} 之间，收到 ${value}`,
      en: `asOf must be between the plan's start, ${start}, and today, ${today}; not ${value}`,
    })
  return value
}

function badAsOf(message: { zh: string; en: string }): AppError {
  return new AppError(400, 'bad-request', message, {
    issues: [{ pointer: '/asOf', code: 'invalid-value', message }],
  })
}

/** The columns of a task that change with its history. */
export interface Replayable {
  id: string
  state: string
  assignee: string
  due_on: string | null
  escalation_level: number
  created_at: string
  updated_at: string
}

/** Audit actions of a task that name no states in `from`/`to` (a transfer names units). */
const NOT_STEPS = new Set(['task.transfer', 'task.revise'])
/** Audit actions that moved a task's due date, from `dueFrom` to `dueTo`. */
const MOVES_DUE = new Set(['task.extension-approved', 'task.revise'])

const LEVEL_OF: Record<string, number> = { REMIND: 1, OVERDUE: 2 }

/**
 * The tasks as they stood at the end of `asOf`: those made by then, each with the state, level
 * and last change it had then.
 */
export async function tasksAsOf<T extends Replayable>(
  db: Kysely<Database>,
  planId: string,
  tasks: readonly T[],
  asOf: string,
): Promise<T[]> {
  const cutoff = endOfDay(asOf)
  const made = tasks.filter((task) => task.created_at < cutoff)
  const ids = new Set(made.map((task) => task.id))
  // The audit entries of task steps carry the states left and reached.
  const steps = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'action', 'at', 'payload'])
    .where('chain', '=', planId)
    .where('entity', '=', 'task')
    .orderBy('chain_seq')
    .execute()
  const before = new Map<string, { to: string; at: string }>()
  const after = new Map<string, string>()
  const unitThen = new Map<string, string>()
  const dueThen = new Map<string, string | null>()
  for (const step of steps) {
    if (!ids.has(step.entity_id)) continue
    const payload = JSON.parse(step.payload) as Record<string, unknown> | null
    if (!payload) continue
    const later = step.at >= cutoff
    if (later && step.action === 'task.transfer' && typeof payload.from === 'string')
      if (!unitThen.has(step.entity_id)) unitThen.set(step.entity_id, payload.from)
    if (later && MOVES_DUE.has(step.action) && 'dueFrom' in payload && 'dueTo' in payload)
      if (!dueThen.has(step.entity_id))
        dueThen.set(step.entity_id, typeof payload.dueFrom === 'string' ? payload.dueFrom : null)
    if (NOT_STEPS.has(step.action)) continue
    if (typeof payload.to !== 'string' || typeof payload.from !== 'string') continue
    if (!later) before.set(step.entity_id, { to: payload.to, at: step.at })
    else if (!after.has(step.entity_id)) after.set(step.entity_id, payload.from)
  }
  const events = await db
    .selectFrom('task_event')
    .innerJoin('task', 'task.id', 'task_event.task_id')
    .select(['task_event.task_id', 'task_event.type', 'task_event.payload', 'task_event.at'])
    .where('task.plan_id', '=', planId)
    .where('task_event.type', 'in', ['REMIND', 'OVERDUE', 'ESCALATE'])
    .where('task_event.at', '<', cutoff)
    .execute()
  const levels = new Map<string, number>()
  for (const event of events) {
    const level =
      LEVEL_OF[event.type] ??
      Number((JSON.parse(event.payload) as { level?: unknown } | null)?.level ?? 0)
    if (Number.isFinite(level))
      levels.set(event.task_id, Math.max(levels.get(event.task_id) ?? 0, level))
  }
  return made.map((task) => {
    const last = before.get(task.id)
    return {
      ...task,
      state: last?.to ?? after.get(task.id) ?? task.state,
      assignee: unitThen.get(task.id) ?? task.assignee,
      due_on: dueThen.has(task.id) ? (dueThen.get(task.id) ?? null) : task.due_on,
      // Never above today's: a level once reached is kept.
      escalation_level: Math.min(task.escalation_level, levels.get(task.id) ?? 0),
      updated_at: last?.at ?? task.created_at,
    }
  })
}
