/** @module A plan together with the compiled model of its pinned version. */
import type { Kysely } from 'kysely'
import type { Database, PlanRow } from '../db/database.ts'
import { notFound } from '../errors.ts'
import { getVersionById } from '../policies/repository.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { cachedPlanModel, clearPlanModels, planModel } from './plan-model.ts'
import type { ExtraUnits, PlanModel } from './plan-model.ts'
import { readJson } from '../db/json-columns.ts'

export interface PlanContext {
  plan: PlanRow
  model: PlanModel
  members: ExtraUnits
}

/**
 * Loads a plan and the model of its version. The plan row is read each time (what a plan is
 * pinned to may change); the model comes from the cache by version id (plan-model.ts), so a
 * version's config is read and compiled once. Load it once per request and pass it on.
 * @throws AppError 404 for an unknown plan.
 */
const planById = preparedQuery((db, planId: string) =>
  db.selectFrom('plan').selectAll().where('id', '=', planId),
)

export async function loadPlanContext(db: Kysely<Database>, planId: string): Promise<PlanContext> {
  const [plan] = (await planById(db, planId)).rows
  if (!plan) throw notFound({ zh: '找不到该计划', en: 'No such plan' })
  return planContextOf(db, plan)
}

/** The context of a plan row already read. */
export async function planContextOf(db: Kysely<Database>, plan: PlanRow): Promise<PlanContext> {
  const model = await loadPlanModel(db, plan.policy_version_id, plan.shift_years ?? 0)
  if (!model)
    throw new Error(`plan ${plan.id} is pinned to a missing version ${plan.policy_version_id}`)
  return { plan, model, members: membersOf(plan.extra_units) }
}

/**
 * A plan's members as read from its row, the same object for the same text: the model builds its
 * actors once per members object (plan-model.ts), and a list reads many plans on every request.
 */
const membersByText = new Map<string, ExtraUnits>()

function membersOf(text: string): ExtraUnits {
  const known = membersByText.get(text)
  if (known) return known
  if (membersByText.size >= 1000) membersByText.clear()
  const members = readJson('plan', 'extra_units', text)
  membersByText.set(text, members)
  return members
}

/**
 * The model of a version by id (its dates moved by `shiftYears`, plan.shift_years), reading the
 * version row only when the model is not cached; undefined for an unknown version.
 */
export async function loadPlanModel(
  db: Kysely<Database>,
  versionId: string,
  shiftYears = 0,
): Promise<PlanModel | undefined> {
  const cached = cachedPlanModel(versionId, shiftYears)
  if (cached) return cached
  const row = await getVersionById(db, versionId)
  return row ? planModel(row, shiftYears) : undefined
}

/** Forgets cached models (tests that reopen a database file). */
export function clearPlanCache(): void {
  clearPlanModels()
}
