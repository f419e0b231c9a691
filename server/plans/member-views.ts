/**
 * @module What the API shows of a group's members in a running plan, and of a change to them:
 * the tasks made and withdrawn, grouped by unit, with their duty's title and period.
 */
import type { NewTask, TaskRow } from '../db/database.ts'
import type { CurrentUser } from '../http/env.ts'
import { mayGovernPlan } from '../access/plan-governance.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { titleOf } from '../task-kinds/registry.ts'
import type { MemberChangeView, PlanMembersView } from '../../schemas/api/responses.schema.ts'
import { groupOf, membersVersion } from './change-members.ts'
import type { MemberChange } from './change-members.ts'

/** A group's members now, the config units one may pick, the version to change them from. */
export function membersView(
  context: PlanContext,
  user: CurrentUser,
  groupId: string,
): PlanMembersView {
  const { model, plan, members } = context
  const group = groupOf(model, groupId)
  const units = model.config.organizations.units.filter((unit) => !unit.external)
  const configIds = new Set(units.map((unit) => unit.id))
  const configured = model.config.organizations.groups?.find((g) => g.id === groupId)?.members ?? []
  const actors = model.actors(members)
  return {
    group,
    configured: configured.map((id) => ({ id, name: actors.get(id)?.name ?? id })),
    members: (members[groupId] ?? []).map((unit) => ({
      ...unit,
      configUnit: configIds.has(unit.id),
    })),
    units: units.map((unit) => ({ id: unit.id, name: unit.name })),
    version: membersVersion(plan.extra_units),
    mayEdit: mayGovernPlan(user, context),
  }
}

/** A change as the API answers it; `version` is the members' version after it (now, if dry). */
export function changeView(
  context: PlanContext,
  change: MemberChange,
  dryRun: boolean,
  version: string,
): MemberChangeView {
  const { model } = context
  const before = model.actors(context.members)
  const after = model.actors(change.members)
  const nameOf = (id: string) => after.get(id)?.name ?? before.get(id)?.name ?? id
  const byUnit = (tasks: ReadonlyArray<NewTask | TaskRow>, withState: boolean) => {
    const units = new Map<string, MemberChangeView['create'][number]>()
    for (const task of tasks) {
      const entry = units.get(task.assignee) ?? {
        unit: { id: task.assignee, name: nameOf(task.assignee) },
        tasks: [],
      }
      entry.tasks.push({
        ...(withState ? { id: task.id, state: task.state } : {}),
        sourceId: task.source_id,
        title: titleOf(model, task),
        period: task.period,
        role: task.role,
        dueOn: task.due_on ?? null,
      })
      units.set(task.assignee, entry)
    }
    return [...units.values()]
  }
  return {
    dryRun,
    group: change.group,
    before: change.before,
    after: change.after,
    create: byUnit(change.create, false),
    withdraw: byUnit(change.withdraw, true),
    timers: change.timers.length,
    version,
  }
}
