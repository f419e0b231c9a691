/**
 * @module Storing checked indicator values, shared by PUT and import: the write, the entry tasks
 * it completes, and its audit entry.
 */
import type { Transaction } from 'kysely'
import type { Context } from 'hono'
import type { Database } from '../db/database.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { AppEnv } from '../http/env.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import { writeValues } from './rules/check-write.ts'
import type { Correction, StoredValues } from './rules/check-write.ts'
import { settleEntryTasks } from './settle-entry-tasks.ts'
import type { NewIndicatorValue } from './value-store.ts'

/** Rejected rows listed in a response; the count is always complete. */
export const LISTED_REJECTIONS = 1000

/**
 * Writes checked values over what is stored, submits the entry tasks they complete and appends
 * the write's audit entry (its payload built once the corrections are known), all in the request's
 * transaction.
 */
export async function storeValues(
  c: Context<AppEnv>,
  trx: Transaction<Database>,
  plan: PlanContext,
  values: NewIndicatorValue[],
  stored: StoredValues,
  audit: {
    at: string
    action: string
    payload: (corrections: readonly Correction[]) => Record<string, unknown>
  },
): Promise<{ corrections: Correction[]; submittedTasks: number }> {
  const actor = c.get('user').id
  const corrections = await writeValues(trx, values, stored, { actor, at: audit.at })
  const submittedTasks = await settleEntryTasks(trx, plan.model, plan.plan.id, values, {
    actor,
    now: c.get('deps').clock.now(),
  })
  await appendAudit(trx, [
    {
      at: audit.at,
      actor,
      action: audit.action,
      entity: 'plan',
      entityId: plan.plan.id,
      planId: plan.plan.id,
      payload: audit.payload(corrections),
    },
  ])
  return { corrections, submittedTasks }
}

/** The corrections of a write, for its audit entry: how many, and the first 50 with old and new value. */
export function correctionsOf(corrections: readonly Correction[]): {
  corrected?: number
  corrections?: Correction[]
} {
  return corrections.length
    ? { corrected: corrections.length, corrections: corrections.slice(0, 50) }
    : {}
}

/** Distinct units, elements and periods of a write, for its audit entry. */
export function spread(rows: readonly NewIndicatorValue[]): {
  units: number
  elements: number
  periods: string[]
} {
  const units = new Set<string>()
  const elements = new Set<string>()
  const periods = new Set<string>()
  for (const row of rows) {
    units.add(row.unit_id)
    elements.add(row.element_id)
    periods.add(row.period)
  }
  return { units: units.size, elements: elements.size, periods: [...periods].sort().slice(0, 50) }
}
