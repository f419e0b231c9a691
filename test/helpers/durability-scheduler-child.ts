/**
 * A scheduler process for the durability tests. Opens the database (a SQLite file or a
 * PostgreSQL URL: durability-db.ts), prints `ready`, waits
 * for `go` on stdin (so several processes start firing at the same moment), runs the due timers
 * at a fixed instant and prints `{"fired":…,"skipped":…}`.
 *
 *   node test/helpers/durability-scheduler-child.ts <database> <instant> <owner> <batch>
 */
import { createInterface } from 'node:readline'
import { SimulatedClock } from '../../server/clock.ts'
import { runDueTimers } from '../../server/timers/scheduler.ts'
import { storeOf, TEST_AUDIT_KEY } from './make-db.ts'
import { openDatabase } from './durability-db.ts'
import { installAuditKey } from '../../server/audit/audit-key.ts'

const [file, instant, owner, batch] = process.argv.slice(2)
if (!file || !instant || !owner || !batch)
  throw new Error('usage: durability-scheduler-child.ts <database> <instant> <owner> <batch>')

installAuditKey(TEST_AUDIT_KEY) // the key of the test process that made the file
const db = await openDatabase(file)
await db.selectFrom('timer').select('id').limit(1).execute() // open the connection before the start line
process.stdout.write('ready\n')
const lines = createInterface({ input: process.stdin })
for await (const line of lines) if (line.trim() === 'go') break
lines.close()
const result = await runDueTimers(storeOf(db), new SimulatedClock(instant), {
  owner,
  batch: Number(batch),
})
process.stdout.write(`${JSON.stringify(result)}\n`)
await db.destroy()
