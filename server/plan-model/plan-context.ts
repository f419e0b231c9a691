/** @module A plan together with the compiled model of its pinned version. */
import type { Kysely } from 'kysely'
import type { Database, PlanRow } from '../db/database.ts'
import { notFound } from '../errors.ts'
import { getVersionById } from '../policies/repository.ts'
import { planModel } from './plan-model.ts'
import type { ExtraUnits, PlanModel } from './plan-model.ts'
import { readJson } from '../db/json-columns.ts'

export interface PlanContext {
  plan: PlanRow
  model: PlanModel
  members: ExtraUnits
}

const cache = new Map<string, PlanContext>()

/** Loads a plan and its model (cached: a plan's version never changes under it). */
export async function loadPlanContext(db: Kysely<Database>, planId: string): Promise<PlanContext> {
  const cached = cache.get(planId)
  if (cached) return cached
  const plan = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirst()
  if (!plan) throw notFound({ zh: '找不到该计划', en: 'No such plan' })
  const version = await getVersionById(db, plan.policy_version_id)
  if (!version) throw new Error(`plan ${planId} is pinned to a missing version ${plan.policy_version_id}`)
  const context = { plan, model: planModel(version), members: readJson('plan', 'extra_units', plan.extra_units) }
  cache.set(planId, context)
  return context
}

/** Forgets cached plans (tests that reopen a database file). */
export function clearPlanCache(): void {
  cache.clear()
}
