import { SimulatedClock } from '../server/clock.js'
import { publishPolicy } from '../server/policies/publish-policy.js'
import { getVersionById } from '../server/policies/repository.js'
import { planModel } from '../server/plans/plan-model.js'
import { insertChunked } from '../server/plans/start-plan.js'
import { tasksForDuty } from '../server/tasks/create-tasks.js'
import { startTask } from '../server/workflow/run-machine.js'
import { taskMachine } from '../server/workflow/task-machine.js'
import { planEscalation } from '../server/timers/fire-times.js'
import { openSqlite } from '../server/db/create-db.js'
import { makeDb } from '../test/helpers/make-db.js'
import { generatePlanPolicy } from './generate-policy.js'
import { randomUUID } from 'node:crypto'

const t = () => performance.now()
const { text, source } = generatePlanPolicy(2800, 100)
const { db, file } = await makeDb()
const clock = new SimulatedClock('2019-01-01')
const { version } = await publishPolicy(db, clock, 'bench', { yaml: text, sourceText: source })
const row = (await getVersionById(db, version.id))!
let s = t(); const model = planModel(row); console.log('planModel', (t() - s).toFixed(0), 'ms')
const planId = randomUUID()
await db.insertInto('plan').values({ id: planId, policy_version_id: version.id, policy_id: version.policy_id, name: 'x', status: 'running', extra_units: '{}', started_at: 'x', started_by: 'x' }).execute()
const now = clock.now().toISOString()
const tasks: any[] = []; const timers: any[] = []
s = t()
for (const duty of model.config.responsibilities) {
  const sch = model.scheduleOf(duty) as any
  const created = tasksForDuty(model, planId, duty, { period: 'once', opens: sch.opens ?? null, due: sch.due ?? null }, {}, now)
  for (const x of created.tasks) tasks.push(x)
  for (const x of created.timers) timers.push(x)
}
console.log('build rows (tasksForDuty ×100)', (t() - s).toFixed(0), 'ms', tasks.length, timers.length)
// pieces of row building
s = t(); for (let i = 0; i < 280000; i++) startTask(taskMachine, { reviewer: 'reform-office', pendingContributions: 0 }); console.log('  of which startTask ×280k', (t() - s).toFixed(0), 'ms')
s = t(); for (let i = 0; i < 280000; i++) planEscalation('2019-06-30', model.escalation, model.calendar); console.log('  of which planEscalation ×280k', (t() - s).toFixed(0), 'ms')
s = t(); for (let i = 0; i < 560000; i++) randomUUID(); console.log('  of which randomUUID ×560k', (t() - s).toFixed(0), 'ms')
s = t()
await db.transaction().execute(async (trx) => {
  let u = t(); await insertChunked(trx, 'task', tasks); console.log('insertChunked task', (t() - u).toFixed(0), 'ms')
  u = t(); await insertChunked(trx, 'timer', timers); console.log('insertChunked timer', (t() - u).toFixed(0), 'ms')
  u = t()
})
console.log('transaction total incl. commit', (t() - s).toFixed(0), 'ms')
await db.destroy()

// The same rows through one reused better-sqlite3 prepared statement, for comparison.
const { db: db2, file: file2 } = await makeDb()
await db2.insertInto('policy_version').values(row).execute()
await db2.insertInto('plan').values({ id: planId, policy_version_id: version.id, policy_id: version.policy_id, name: 'x', status: 'running', extra_units: '{}', started_at: 'x', started_by: 'x' }).execute()
await db2.destroy()
const raw = openSqlite(file2)
s = t()
const cols = Object.keys(tasks[0]); const tcols = Object.keys(timers[0])
const insT = raw.prepare(`insert into task (${cols.join(',')}) values (${cols.map((c) => '@' + c).join(',')})`)
const insR = raw.prepare(`insert into timer (${tcols.join(',')}) values (${tcols.map((c) => '@' + c).join(',')})`)
raw.transaction(() => { for (const r of tasks) insT.run(r); for (const r of timers) insR.run(r) })()
console.log('raw better-sqlite3 prepared statement, same rows, one transaction', (t() - s).toFixed(0), 'ms')
raw.close()
