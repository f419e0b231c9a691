/**
 * @module The ledger's order of a plan, kept while the plan's ledger epoch stands still (migration
 * 2026_12_10_0100): every task added or removed and every change to a column the order, the groups
 * or the folding of supporting units reads moves the epoch in its own transaction, and a ledger
 * request reads the epoch first, so an order served from here is the one the database holds at
 * that read — on every process of a PostgreSQL deployment too. Working the order out reads and
 * sorts every task of the plan (thousands); a page then needs only its own fifty rows.
 *
 * Kept only for what depends on nothing else: a reader who sees the whole plan (the office, its
 * leaders), with no filter by state, colour or overdue mark (those move with every report).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.ts'
import { EpochCache } from '../db/epoch-cache.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import type { PlanContext } from '../plan-model/plan-context.ts'
import type { LedgerFilters } from './ledger-query.ts'
import type { Placed } from './ledger-order.ts'

/** Enough for the ledgers a province's offices read at once; past it, the oldest goes. */
const layouts = new EpochCache<readonly Placed[]>(64)

const epochOf = preparedQuery((db, planId: string) =>
  db.selectFrom('ledger_epoch').select('n').where('plan_id', '=', planId),
)

/** True when the ledger asked for may be kept: its order moves only with the epoch. */
export function keepsLayout(filters: LedgerFilters, wholePlan: boolean): boolean {
  return wholePlan && !filters.states && !filters.lights && filters.overdue === undefined
}

/**
 * The ledger's rows in order for `filters` (see {@link keepsLayout}), worked out by `place` unless
 * kept from an earlier request at the plan's current epoch.
 */
export async function ledgerLayout(
  db: Kysely<Database>,
  context: PlanContext,
  filters: LedgerFilters,
  maxTasks: number,
  place: () => Promise<Placed[]>,
): Promise<readonly Placed[]> {
  const [row] = (await epochOf(db, context.plan.id)).rows
  if (!row) return place()
  const epoch = Number(row.n)
  const { plan } = context
  // The plan's version and make-up name the groups and parts; the filters choose the rows.
  const key = JSON.stringify([
    plan.id,
    plan.policy_version_id,
    plan.revision,
    plan.shift_years,
    maxTasks,
    filters.groupBy,
    filters.phase ?? null,
    filters.period ?? null,
    filters.assignee ?? null,
    filters.dueAfter ?? null,
    filters.dueBefore ?? null,
  ])
  return layouts.get(db, key, epoch, async () => Object.freeze(await place()))
}
