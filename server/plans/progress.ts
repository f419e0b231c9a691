/**
 * @module A plan's progress for leaders: each phase's window, status and gate; task counts by
 * state; overdue work and 三色预警 counts by unit; the escalation lists (督办, 通报). Withdrawn tasks count toward
 * none of it; tasks a closed plan left undone (`closed`) count in every total, never as done.
 */
import { dutiesByPart } from '../../domain/supervision/document-parts.ts'
import type { Kysely } from 'kysely'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { endOfDay, tasksAsOf } from './as-of.ts'
import {
  ENDED_STATES,
  isClosedState,
  isFinishedState,
  WITHDRAWN_STATES,
} from '../../domain/workflow/task-states.ts'
import type { Database } from '../db/database.ts'
import type { Clock } from '../clock.ts'
import { gateStatus } from '../plan-model/phase-gate.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { planDuties } from '../task-kinds/registry.ts'
import { lightOf, loadSupervisionFacts } from '../tasks/task-lights.ts'
import type { Light, OnTimeCounts } from '../../domain/supervision/index.ts'
import {
  countOnTime,
  escalationCounts,
  isSupervised,
  onTimeRate,
  percentDone,
  phaseStanding,
  standingEscalation,
} from '../../domain/supervision/index.ts'

/**
 * The plan's progress today, or — given `asOf`, a checked civil date (as-of.ts) — as it stood at
 * the end of that day: its tasks rebuilt from their history, and that day taken as today.
 */
export async function planProgress(
  db: Kysely<Database>,
  clock: Clock,
  context: PlanContext,
  asOf?: string,
) {
  const { plan, model, members } = context
  const now = asOf ? new Date(new Date(endOfDay(asOf)).getTime() - 1) : clock.now()
  const today = asOf ?? civilDateAt(now)
  const actors = model.actors(members)
  const phases = await db
    .selectFrom('plan_phase')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('opens_on')
    .orderBy('phase_id')
    .execute()
  const rows = await db
    .selectFrom('task')
    .select([
      'id',
      'kind',
      'source_id',
      'phase_id',
      'state',
      'assignee',
      'opens_on',
      'due_on',
      'created_at',
      'escalation_level',
      'role',
      'updated_at',
    ])
    .where('plan_id', '=', plan.id)
    // A task withdrawn since the day asked about still counted then.
    .$if(asOf === undefined, (query) => query.where('state', 'not in', [...WITHDRAWN_STATES]))
    .execute()
  const tasks = asOf
    ? (await tasksAsOf(db, plan.id, rows, asOf)).filter(
        (task) => !WITHDRAWN_STATES.includes(task.state),
      )
    : rows
  const done = isFinishedState
  // The phases signed off by the end of the day asked about.
  const signed = asOf
    ? new Set(
        (
          await db
            .selectFrom('sign_off')
            .select('phase_id')
            .where('plan_id', '=', plan.id)
            .where('at', '<', endOfDay(asOf))
            .execute()
        ).map((row) => row.phase_id),
      )
    : undefined
  const gates = await Promise.all(
    phases.map(async (phase) => {
      const gate = await gateStatus(db, model, plan.id, phase.phase_id, now)
      if (!signed) return gate
      const signedOff = gate.signOffRequired === null || signed.has(phase.phase_id)
      const openTasks = tasks.filter(
        (task) =>
          task.phase_id === phase.phase_id &&
          task.role !== 'sub' &&
          !ENDED_STATES.includes(task.state),
      ).length
      return {
        ...gate,
        openTasks,
        signedOff,
        holds:
          gate.windowEnded && openTasks === 0 && signedOff && gate.milestonesPending.length === 0,
      }
    }),
  )
  const facts = await loadSupervisionFacts(db, plan.id, undefined, asOf && endOfDay(asOf))
  const byUnit = new Map<
    string,
    {
      total: number
      approved: number
      overdue: number
      closed: number
      supervised: number
      lights: Record<Light, number>
      onTime: OnTimeCounts
    }
  >()
  const lights: Record<Light, number> = { green: 0, blue: 0, yellow: 0, red: 0 }
  const levels: number[] = []
  let overdue = 0
  for (const task of tasks) {
    const entry = byUnit.get(task.assignee) ?? {
      total: 0,
      approved: 0,
      overdue: 0,
      closed: 0,
      supervised: 0,
      lights: { green: 0, blue: 0, yellow: 0, red: 0 },
      onTime: { due: 0, onTime: 0 },
    }
    const light = lightOf(model, task, today, facts)
    const finished = done(task.state)
    const stopped = finished || isClosedState(task.state)
    const level = standingEscalation(task.escalation_level, stopped)
    entry.total++
    entry.lights[light]++
    lights[light]++
    levels.push(level)
    if (isSupervised(level)) entry.supervised++
    if (finished) entry.approved++
    else if (isClosedState(task.state)) entry.closed++
    else if (task.due_on && task.due_on < today) {
      entry.overdue++
      overdue++
    }
    countOnTime(
      entry.onTime,
      {
        dueOn: task.due_on,
        finishedOn: finished ? civilDateAt(new Date(task.updated_at)) : null,
      },
      today,
    )
    byUnit.set(task.assignee, entry)
  }
  // Progress counts each duty's task once (sub-tasks are their owner's way of doing it), as the
  // phases and their gates do, so the plan's share and every phase's share agree.
  const duties = tasks.filter((task) => task.role !== 'sub')
  const counted = (list: typeof tasks) => ({
    total: list.length,
    approved: list.filter((t) => done(t.state)).length,
    closed: list.filter((t) => isClosedState(t.state)).length,
  })
  const overall = counted(duties)
  const cutoff = asOf ? endOfDay(asOf) : undefined
  // A phase's or the plan's status on the day asked about, from when it opened, closed, paused.
  const after = (at: string | null | undefined) => !!cutoff && !!at && at >= cutoff
  const phaseStatus = (phase: (typeof phases)[number]) =>
    !cutoff
      ? phase.status
      : !phase.opened_at || phase.opened_at >= cutoff
        ? 'pending'
        : phase.closed_at && phase.closed_at < cutoff
          ? 'closed'
          : 'open'
  const planStatus = after(plan.closed_at) || after(plan.suspended_at) ? 'running' : plan.status
  const unphased = counted(duties.filter((task) => task.phase_id === null))
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      policyId: plan.policy_id,
      startedAt: plan.started_at,
      status: planStatus,
    },
    today,
    // Present only when a past day was asked for: the tasks are as they stood then.
    ...(asOf ? { asOf } : {}),
    summary: {
      ...overall,
      percent: percentDone(overall),
      overdue,
      unphased: { ...unphased, percent: percentDone(unphased) },
      lights,
    },
    // The document's own structure (二、 三、 … 附件), apart from the time phases.
    // Each part carries its heading where the config names it (`structure.parts`).
    parts: dutiesByPart(model.config.responsibilities).map(({ part, duties }) => {
      const inPart = tasks.filter(
        (task) =>
          task.kind === 'responsibility' && task.role !== 'sub' && duties.includes(task.source_id),
      )
      return {
        part,
        title: model.config.structure?.parts.find((named) => named.clause === part)?.title ?? null,
        duties: duties.length,
        tasks: counted(inPart),
      }
    }),
    phases: phases.map((phase, index) => {
      // Sub-tasks count under their own units (byUnit), not in their phase: the phase counts
      // each duty's task once, as its gate does.
      const inPhase = tasks.filter(
        (task) => task.phase_id === phase.phase_id && task.role !== 'sub',
      )
      const counts = counted(inPhase)
      const status = phaseStatus(phase)
      const late = status === 'open' && phase.closes_on < today
      return {
        id: phase.phase_id,
        name: phase.name,
        opensOn: phase.opens_on,
        closesOn: phase.closes_on,
        status,
        late,
        standing: phaseStanding({ status, late, tasks: counts }),
        percent: percentDone(counts),
        tasks: counts,
        gate: {
          ...gates[index]!,
          signOffBody: gates[index]!.signOffRequired
            ? {
                id: gates[index]!.signOffRequired,
                name:
                  actors.get(gates[index]!.signOffRequired)?.name ?? gates[index]!.signOffRequired,
              }
            : null,
          milestones: gates[index]!.milestonesPending.map((id) => {
            const milestone = model.config.timeline.milestones?.find((m) => m.id === id)
            return {
              id,
              name: milestone?.name ?? id,
              due: typeof milestone?.due === 'string' ? milestone.due : null,
            }
          }),
        },
      }
    }),
    // 晾晒: the units with the most red, then yellow, then the lowest on-time rate, first.
    units: [...byUnit.entries()]
      .map(([id, { onTime, ...counts }]) => ({
        id,
        name: actors.get(id)?.name ?? id,
        ...counts,
        percent: percentDone(counts),
        onTimeRate: onTimeRate(onTime),
      }))
      .sort(
        (a, b) =>
          b.lights.red - a.lights.red ||
          b.lights.yellow - a.lights.yellow ||
          (a.onTimeRate ?? 101) - (b.onTimeRate ?? 101) ||
          b.overdue - a.overdue ||
          a.name.localeCompare(b.name),
      ),
    escalations: escalationCounts(levels),
    unassigned: unassignedWork(model, members),
  }
}

/**
 * Work nobody holds: groups with no member (in the config or given at start), with the duties
 * they own, and every duty whose leads resolve to no unit. Such a duty has no task at all, so
 * without this list nobody would notice it.
 */
function unassignedWork(model: PlanModel, members: ExtraUnits) {
  const groups = model.config.organizations.groups ?? []
  const names = new Map<string, string>(
    [...model.actors(members).values(), ...groups].map((actor) => [actor.id, actor.name]),
  )
  const duties = [...planDuties(model)].map(({ duty }) => duty)
  const leadsOf = (duty: (typeof duties)[number]): string[] =>
    Array.isArray(duty.lead) ? duty.lead : []
  const named = (id: string) => ({ id, name: names.get(id) ?? id })
  return {
    groups: groups
      .filter(
        (group) =>
          (group.members ?? []).length === 0 &&
          (group.groups ?? []).length === 0 &&
          (members[group.id] ?? []).length === 0,
      )
      .map((group) => ({
        id: group.id,
        name: group.name,
        duties: duties
          .filter((duty) => [...leadsOf(duty), ...(duty.support ?? [])].includes(group.id))
          .map((duty) => ({ id: duty.id, name: duty.title })),
      })),
    duties: duties
      .filter((duty) => model.resolveOwners(leadsOf(duty), members).actors.length === 0)
      .map((duty) => ({ id: duty.id, name: duty.title, owners: leadsOf(duty).map(named) })),
  }
}
