/**
 * @module A plan's progress for leaders: each phase's window, status and gate; task counts by
 * state; overdue work and 三色预警 counts by unit; the escalation lists (督办, 通报). Withdrawn tasks count toward
 * none of it; tasks a closed plan left undone (`closed`) count in every total, never as done.
 */
import { dutiesByPart } from '../../domain/supervision/document-parts.ts'
import type { Kysely } from 'kysely'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import { endOfDay, tasksAsOf } from './as-of.ts'
import { ENDED_STATES, WITHDRAWN_STATES } from '../../domain/workflow/task-states.ts'
import type { Database } from '../db/database.ts'
import type { Clock } from '../clock.ts'
import { gateStatus } from '../plan-model/phase-gate.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { ExtraUnits, PlanModel } from '../plan-model/plan-model.ts'
import { planDuties } from '../task-kinds/registry.ts'
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import type { SupervisionFacts } from '../tasks/task-lights.ts'
import { onTimeRate, percentDone, phaseStanding } from '../../domain/supervision/index.ts'
import { countedDuties, unitFigures } from './progress-figures.ts'
import { groupsOfTasks, keptGroups } from './progress-groups.ts'
import type { CountedProgress } from './progress-groups.ts'

/** The columns of a task the progress reads. */
const COLUMNS = [
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
] as const

/** The plan's tasks as they stood at the end of `asOf`, those withdrawn by then left out. */
async function tasksOn(db: Kysely<Database>, planId: string, asOf: string) {
  // A task withdrawn since the day asked about still counted then, so every task is read.
  const rows = await db.selectFrom('task').select(COLUMNS).where('plan_id', '=', planId).execute()
  return (await tasksAsOf(db, planId, rows, asOf)).filter(
    (task) => !WITHDRAWN_STATES.includes(task.state),
  )
}

/** Tasks as groups of one each, with the facts read beside them. */
async function groupsOfRead(
  tasks: Promise<Parameters<typeof groupsOfTasks>[0]>,
  factsRead: Promise<SupervisionFacts>,
): Promise<CountedProgress> {
  const [rows, facts] = await Promise.all([tasks, factsRead])
  return { groups: groupsOfTasks(rows, facts), facts }
}

/** Today's tasks recounted from the task table (what the kept counts must always equal). */
export function recountedGroups(db: Kysely<Database>, planId: string): Promise<CountedProgress> {
  return groupsOfRead(
    db
      .selectFrom('task')
      .select(COLUMNS)
      .where('plan_id', '=', planId)
      .where('state', 'not in', [...WITHDRAWN_STATES])
      .execute(),
    loadSupervisionFacts(db, planId),
  )
}

/** The plan's tasks and facts at the end of `asOf`, rebuilt from their history. */
function groupsOn(db: Kysely<Database>, planId: string, asOf: string): Promise<CountedProgress> {
  return groupsOfRead(
    tasksOn(db, planId, asOf),
    loadSupervisionFacts(db, planId, undefined, endOfDay(asOf)),
  )
}

/**
 * The plan's progress today, or — given `asOf`, a checked civil date (as-of.ts) — as it stood at
 * the end of that day: its tasks rebuilt from their history, and that day taken as today.
 */
export async function planProgress(
  db: Kysely<Database>,
  clock: Clock,
  context: PlanContext,
  asOf?: string,
  /** Where today's groups come from: the kept counts, or a recount (to check the counts). */
  countGroups: typeof keptGroups = keptGroups,
) {
  const { plan, model, members } = context
  const now = asOf ? new Date(new Date(endOfDay(asOf)).getTime() - 1) : clock.now()
  const today = asOf ?? civilDateAt(now)
  const actors = model.actors(members)
  // The phases and the counts do not wait on one another: on PostgreSQL, round trips at once.
  // Today's figures read the counts the writes keep; a past day's, the tasks rebuilt from history
  // (a rare read, which has no counts of its own).
  const [phases, { groups, facts }] = await Promise.all([
    db
      .selectFrom('plan_phase')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('opens_on')
      .orderBy('phase_id')
      .execute(),
    asOf ? groupsOn(db, plan.id, asOf) : countGroups(db, plan.id),
  ])
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
  const openIn = (phaseId: string) =>
    countedDuties(
      groups.duties.filter(
        (group) => group.phase_id === phaseId && !ENDED_STATES.includes(group.state),
      ),
    ).total
  const gates = await Promise.all(
    phases.map(async (phase) => {
      const gate = await gateStatus(db, model, plan.id, phase.phase_id, now, openIn(phase.phase_id))
      if (!signed) return gate
      const signedOff = gate.signOffRequired === null || signed.has(phase.phase_id)
      const openTasks = openIn(phase.phase_id)
      return {
        ...gate,
        openTasks,
        signedOff,
        holds:
          gate.windowEnded && openTasks === 0 && signedOff && gate.milestonesPending.length === 0,
      }
    }),
  )
  const { byUnit, lights, escalations, overdue } = unitFigures(model, groups, today, facts)
  // Progress counts each duty's task once (sub-tasks are their owner's way of doing it), as the
  // phases and their gates do, so the plan's share and every phase's share agree.
  const duties = groups.duties
  const counted = countedDuties
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
  const unphased = counted(duties.filter((group) => group.phase_id === null))
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
      const inPart = groups.duties.filter(
        (group) => group.kind === 'responsibility' && duties.includes(group.source_id),
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
      const inPhase = groups.duties.filter((group) => group.phase_id === phase.phase_id)
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
          a.name.localeCompare(b.name) ||
          a.id.localeCompare(b.id),
      ),
    escalations,
    unassigned: unassignedWork(model, members),
  }
}

/** Work nobody holds depends on the version and the members only: both are kept objects. */
const UNASSIGNED = new WeakMap<PlanModel, WeakMap<ExtraUnits, ReturnType<typeof findUnassigned>>>()

function unassignedWork(model: PlanModel, members: ExtraUnits) {
  let byMembers = UNASSIGNED.get(model)
  if (!byMembers) UNASSIGNED.set(model, (byMembers = new WeakMap()))
  let found = byMembers.get(members)
  if (!found) byMembers.set(members, (found = findUnassigned(model, members)))
  return found
}

/**
 * Work nobody holds: groups with no member (in the config or given at start), with the duties
 * they own, and every duty whose leads resolve to no unit. Such a duty has no task at all, so
 * without this list nobody would notice it.
 */
function findUnassigned(model: PlanModel, members: ExtraUnits) {
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
