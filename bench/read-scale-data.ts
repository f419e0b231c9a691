/**
 * The data of the read-scale bench, on either dialect: three regions, each one real plan started
 * from a generated policy (111 units × 30 duties, 3,330 tasks) and copied by SQL into more plans
 * of the same version, then some work moved on — a fifth started, a seventh handed in for
 * review, one in 97 under 督办. Copies go through the same triggers as any write, so the kept
 * counts are what the writes would have left.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { PostgresAdapter, sql } from 'kysely'
import type { Kysely } from 'kysely'
import { SimulatedClock } from '../server/clock.ts'
import { createDb } from '../server/db/create-db.ts'
import type { DatabaseConfig } from '../server/db/create-db.ts'
import type { Database } from '../server/db/database.ts'
import { migrateToLatest } from '../server/db/migrate.ts'
import { publishPolicy } from '../server/policies/publish-policy.ts'
import { startPlan } from '../server/plans/start-plan.ts'
import { storeOf } from '../test/helpers/make-db.ts'
import { generatePlanPolicy } from '../test/helpers/generated-policy.ts'

export const TASKS = Number(process.env.LUOSHI_BENCH_READ_TASKS ?? 100_000)
const TASKS_PER_PLAN = 3_330
const UNITS = 111
const DUTIES = TASKS_PER_PLAN / UNITS
export const REGIONS = 3
export const PLANS_PER_REGION = Math.max(1, Math.round(TASKS / TASKS_PER_PLAN / REGIONS))

const isPostgres = (db: Kysely<Database>) => db.getExecutor().adapter instanceof PostgresAdapter

async function columnsOf(db: Kysely<Database>, table: string): Promise<string[]> {
  const rows = isPostgres(db)
    ? await sql<{
        name: string
      }>`select column_name as name from information_schema.columns where table_name = ${table} order by ordinal_position`.execute(
        db,
      )
    : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
  return rows.rows.map((row) => row.name)
}

/** Copies a started plan into `copies` more plans of the same version: plan, phases, tasks. */
async function copyPlan(db: Kysely<Database>, planId: string, copies: number): Promise<void> {
  const plan = await columnsOf(db, 'plan')
  const phase = await columnsOf(db, 'plan_phase')
  const task = await columnsOf(db, 'task')
  for (let k = 1; k <= copies; k++) {
    const copy = `${planId}~${k}`
    const list = (names: string[], swap: Record<string, string>) =>
      names.map((name) => swap[name] ?? name).join(', ')
    await db.transaction().execute(async (trx) => {
      await sql
        .raw(
          `insert into plan (${plan.join(', ')}) select ${list(plan, { id: `'${copy}'`, name: `name || ' ${k}'` })} from plan where id = '${planId}'`,
        )
        .execute(trx)
      await sql
        .raw(
          `insert into plan_phase (${phase.join(', ')}) select ${list(phase, { plan_id: `'${copy}'` })} from plan_phase where plan_id = '${planId}'`,
        )
        .execute(trx)
      await sql
        .raw(
          `insert into task (${task.join(', ')}) select ${list(task, {
            id: `id || '~${k}'`,
            plan_id: `'${copy}'`,
            parent_task_id: `parent_task_id || '~${k}'`,
          })} from task where plan_id = '${planId}'`,
        )
        .execute(trx)
    })
  }
}

/** Fills an empty database: the schema, three regions' plans, work under way. */
export async function generateReads(db: Kysely<Database>): Promise<void> {
  await migrateToLatest(db)
  const clock = new SimulatedClock('2019-01-01')
  const { text, source } = generatePlanPolicy(UNITS, DUTIES)
  for (let region = 0; region < REGIONS; region++) {
    const { version } = await publishPolicy(storeOf(db), clock, 'bench', {
      yaml: text.replaceAll('generated-province-plan', `bench-region-${region}`),
      sourceText: source,
    })
    const { plan } = await startPlan(storeOf(db), clock, 'bench', { versionId: version.id })
    await copyPlan(db, plan.id, PLANS_PER_REGION - 1)
  }
  // Every n-th task by a number of its own (PostgreSQL has no rowid).
  const every = (n: number) =>
    isPostgres(db) ? sql.raw(`abs(hashtext(id)) % ${n} = 0`) : sql.raw(`rowid % ${n} = 0`)
  await sql`update task set state = 'in_progress' where ${every(5)}`.execute(db)
  await sql`update task set state = 'submitted' where ${every(7)}`.execute(db)
  await sql`update task set escalation_level = 3 where ${every(97)}`.execute(db)
  await sql`analyze`.execute(db)
}

/**
 * {@link generateReads} on a thread of its own, over a connection of its own to `config`'s
 * database: the reads are then measured in a heap that holds none of the generation's leftovers,
 * as a server's that started on the data would; in the same heap, the collections that clear
 * them away land in the first rows measured.
 */
export function generateReadsApart(config: DatabaseConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { generateReads: config } })
    worker.once('error', reject)
    worker.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`generating the read-scale data stopped (${code})`)),
    )
  })
}

const job = (workerData as { generateReads?: DatabaseConfig } | undefined)?.generateReads
if (parentPort && job) {
  const db = await createDb(job)
  try {
    await generateReads(db)
  } finally {
    await db.destroy()
  }
}
