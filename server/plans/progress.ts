/**
 * @module A plan's progress for leaders: each phase's window, status and gate; task counts by
 * state; overdue work and 三色预警 counts by unit; the escalation lists (督办, 通报). Withdrawn tasks count toward
 * none of it; tasks a closed plan left undone (`closed`) count in every total, never as done.
 */
import type { Kysely } from 'kysely'
import { civilDateAt } from '../../domain/deadlines/index.ts'
import {
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
import { loadSupervisionFacts } from '../tasks/task-lights.ts'
import { countedGroups, judge, withTasksAlone } from '../tasks/task-counts.ts'
import type { Light } from '../../domain/supervision/index.ts'

export async function planProgress(db: Kysely<Database>, clock: Clock, context: PlanContext) {
  const { plan, model, members } = context
  const now = clock.now()
  const today = civilDateAt(now)
  const actors = model.actors(members)
  const phases = await db
    .selectFrom('plan_phase')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .orderBy('opens_on')
    .orderBy('phase_id')
    .execute()
  const facts = await loadSupervisionFacts(db, plan.id)
  const gates = await Promise.all(
    phases.map((phase) => gateStatus(db, model, plan.id, phase.phase_id, now)),
  )
  // Units' counts from the groups task_count keeps (tasks/task-counts.ts), the few tasks whose
  // light reads a progress report or a clearance counted alone.
  let groups = await countedGroups(db, [plan.id], { side: 'assignee', parties: null }, {}, true)
  const factIds = [...new Set([...facts.percent.keys(), ...facts.cleared])]
  if (factIds.length > 0) {
    const lit = await db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('id', 'in', factIds)
      .execute()
    groups = withTasksAlone(groups, lit, context, today, facts, (task) => task.assignee)
  }
  groups = groups.filter((group) => !WITHDRAWN_STATES.includes(group.state))
  const done = isFinishedState
  const byUnit = new Map<
    string,
    {
      total: number
      approved: number
      overdue: number
      closed: number
      lights: Record<Light, number>
    }
  >()
  const escalations = { supervise: 0, circulate: 0 }
  for (const group of groups) {
    const entry = byUnit.get(group.party!) ?? {
      total: 0,
      approved: 0,
      overdue: 0,
      closed: 0,
      lights: { green: 0, blue: 0, yellow: 0, red: 0 },
    }
    entry.total += group.n
    entry.lights[judge(context, group, today).light] += group.n
    if (done(group.state)) entry.approved += group.n
    else if (isClosedState(group.state)) entry.closed += group.n
    else if (group.due_on && group.due_on < today) entry.overdue += group.n
    byUnit.set(group.party!, entry)
    if (!done(group.state) && !isClosedState(group.state)) {
      if (group.escalation === 3) escalations.supervise += group.n
      if (group.escalation === 4) escalations.circulate += group.n
    }
  }
  const inPhases = await phaseCounts(db, plan.id)
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      policyId: plan.policy_id,
      startedAt: plan.started_at,
      status: plan.status,
    },
    today,
    phases: phases.map((phase, index) => {
      // Sub-tasks count under their own units (byUnit), not in their phase: the phase counts
      // each duty's task once, as its gate does.
      const inPhase = inPhases.filter((row) => row.phase_id === phase.phase_id)
      const sum = (rows: typeof inPhase) => rows.reduce((total, row) => total + row.n, 0)
      return {
        id: phase.phase_id,
        name: phase.name,
        opensOn: phase.opens_on,
        closesOn: phase.closes_on,
        status: phase.status,
        late: phase.status === 'open' && phase.closes_on < today,
        tasks: {
          total: sum(inPhase),
          approved: sum(inPhase.filter((t) => done(t.state))),
          closed: sum(inPhase.filter((t) => isClosedState(t.state))),
        },
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
    units: [...byUnit.entries()]
      .map(([id, counts]) => ({ id, name: actors.get(id)?.name ?? id, ...counts }))
      .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name)),
    escalations,
    unassigned: unassignedWork(model, members),
  }
}

/**
 * How many tasks of each phase and state a plan has, withdrawn and sub-tasks left out: counted
 * from the index by plan, phase and state, less the sub-tasks (read through sub_task by plan).
 */
async function phaseCounts(
  db: Kysely<Database>,
  planId: string,
): Promise<Array<{ phase_id: string | null; state: string; n: number }>> {
  const all = await db
    .selectFrom('task')
    .select(['phase_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', '=', planId)
    .where('state', 'not in', [...WITHDRAWN_STATES])
    .groupBy(['phase_id', 'state'])
    .execute()
  const subs = await db
    .selectFrom('sub_task')
    .innerJoin('task', 'task.id', 'sub_task.task_id')
    .select(['task.phase_id', 'task.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('sub_task.plan_id', '=', planId)
    .where('task.role', '=', 'sub')
    .where('task.state', 'not in', [...WITHDRAWN_STATES])
    .groupBy(['task.phase_id', 'task.state'])
    .execute()
  const key = (row: { phase_id: string | null; state: string }) =>
    `${row.phase_id}\u0000${row.state}`
  const less = new Map(subs.map((row) => [key(row), Number(row.n)]))
  return all.map((row) => ({ ...row, n: Number(row.n) - (less.get(key(row)) ?? 0) }))
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
        (group) => (group.members ?? []).length === 0 && (members[group.id] ?? []).length === 0,
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
