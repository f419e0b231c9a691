/**
 * @module What the API shows of a migration: every task it touches (or keeps) with its unit,
 * period, deadline before and after and the reason its history will record, grouped both by unit
 * and by kind of change; what of either version stayed unmatched; recurring duties and phases.
 */
import type { PlanMigrationView, TaskChangeView } from '../../schemas/api/responses.schema.ts'
import type { TaskRow } from '../db/database.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { PlanModel } from '../plan-model/plan-model.ts'
import { titleOf } from '../task-kinds/registry.ts'
import { MATCHED_KINDS } from './migration-match.ts'
import type { MigrationLayout } from './migration-layout.ts'
import { CHANGE_KINDS } from './migration-layout.ts'
import { countChanges } from './migrate-plan.ts'

/**
 * A migration as the API answers it.
 * @param planRevision The plan's revision: now for a preview, after for an applied migration.
 */
export function migrationView(
  context: PlanContext,
  layout: MigrationLayout,
  dryRun: boolean,
  planRevision: number,
): PlanMigrationView {
  const before = layout.fromModel.actors(context.members)
  const after = layout.toModel.actors(context.members)
  const unitOf = (id: string) => ({ id, name: after.get(id)?.name ?? before.get(id)?.name ?? id })
  const title = (model: PlanModel, task: Pick<TaskRow, 'kind' | 'source_id' | 'period'>) =>
    titleOf(model, task)
  const views: TaskChangeView[] = [
    ...layout.changes.map((change): TaskChangeView => {
      const { task } = change
      const removed = change.kinds.includes('removed')
      return {
        id: task.id,
        sourceId: change.sourceId,
        ...(change.sourceId !== task.source_id ? { fromSourceId: task.source_id } : {}),
        title: removed
          ? title(layout.fromModel, task)
          : title(layout.toModel, { ...task, source_id: change.sourceId }),
        unit: unitOf(task.assignee),
        period: task.period,
        role: task.role,
        state: task.state,
        changes: change.kinds,
        dueFrom: change.dueFrom,
        dueTo: change.dueTo,
        why: change.why,
        ...(change.reportErrors ? { flagged: true } : {}),
      }
    }),
    ...layout.create.map(({ task, kinds, why }): TaskChangeView => ({
      sourceId: task.source_id,
      title: title(layout.toModel, task),
      unit: unitOf(task.assignee),
      period: task.period,
      role: task.role,
      changes: kinds,
      dueFrom: null,
      dueTo: task.due_on ?? null,
      why,
    })),
  ]
  const byUnit = new Map<string, PlanMigrationView['byUnit'][number]>()
  for (const view of views) {
    const entry = byUnit.get(view.unit.id) ?? { unit: view.unit, tasks: [] }
    entry.tasks.push(view)
    byUnit.set(view.unit.id, entry)
  }
  return {
    dryRun,
    planRevision,
    from: { id: layout.from.id, version: layout.from.version, note: layout.from.note },
    to: { id: layout.to.id, version: layout.to.version, note: layout.to.note },
    unmatched: Object.fromEntries(
      MATCHED_KINDS.map((kind) => [
        kind,
        { removed: layout.match[kind].removed, added: layout.match[kind].added },
      ]),
    ) as PlanMigrationView['unmatched'],
    renamed: MATCHED_KINDS.flatMap((kind) =>
      layout.match[kind].renamed.map((rename) => ({ kind, ...rename })),
    ),
    counts: countChanges(layout),
    byUnit: [...byUnit.values()].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'zh')),
    byChange: CHANGE_KINDS.map((kind) => ({
      kind,
      tasks: views.filter((view) => view.changes.includes(kind)),
    })).filter((group) => group.tasks.length > 0),
    schedules: layout.schedules,
    phases: {
      added: layout.phases.insert.map((phase) => ({ id: phase.id, name: phase.name })),
      changed: layout.phases.update.map((phase) => ({
        from: phase.from,
        to: phase.to,
        name: phase.name,
        opensOn: phase.opens,
        closesOn: phase.closes,
      })),
    },
  }
}
