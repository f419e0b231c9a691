/**
 * A task event reads its plan once: the route loads the plan with the task, and the same context
 * goes through the check, the transaction and the answer. The compiled model comes from the cache
 * by version id, so the version row is not read again.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LogEvent } from 'kysely'
import { createApp } from '../../server/app.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { DatabaseConfig } from '../../server/db/create-db.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { TEST_DIALECT } from '../helpers/make-db.ts'
import { makeTestApp, startedFinanceTask } from '../helpers/test-app.ts'

/**
 * Counts the SELECTs from each table among the statements the database runs, whichever connection
 * runs them: by the table a statement selects from, not the ones its subqueries look at (the task
 * read in the transaction checks its plan's status again, by subquery, and that is no second load
 * of the plan). Counted from the SQL sent, not from the query builder: a prepared query is built
 * once and sent many times (server/db/prepared-query.ts).
 */
class SelectCounter {
  readonly counts = new Map<string, number>()

  readonly log = (event: LogEvent): void => {
    let sql = event.query.sql
    if (!/^\s*select\b/i.test(sql)) return
    // Drop parenthesised parts (subqueries, function arguments) from the inside out.
    for (let before = ''; before !== sql;) [before, sql] = [sql, sql.replace(/\([^()]*\)/g, '')]
    for (const [, table] of sql.matchAll(/\b(?:from|join)\s+"(\w+)"/gi))
      this.counts.set(table!, (this.counts.get(table!) ?? 0) + 1)
  }
}

describe('POST /api/tasks/:id/events', () => {
  it('reads the task’s plan once, and its version not at all once the model is cached', async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const { finance, id } = await startedFinanceTask(t)
    const counter = new SelectCounter()
    const config: DatabaseConfig =
      TEST_DIALECT === 'postgres'
        ? { kind: 'postgres', url: t.file, poolSize: 4, log: counter.log }
        : { kind: 'sqlite', file: t.file, log: counter.log }
    const db = await createDb(config)
    // PostgreSQL reads through the writer's pool, as the server does; SQLite has a reader of its own.
    const reads = TEST_DIALECT === 'postgres' ? db : await createDb(config)
    Object.assign(t, {
      app: createApp({
        db,
        reads,
        clock: t.clock,
        writes: new GroupCommitter(db),
        files: join(tmpdir(), `luoshi-plan-load-${process.pid}`),
      }),
    })

    const response = await finance.post(`/api/tasks/${id}/events`, {
      type: 'SAVE',
      data: { summary: '已拨付' },
    })
    expect(response.status).toBe(200)
    expect(counter.counts.get('plan')).toBe(1)
    expect(counter.counts.get('policy_version') ?? 0).toBe(0)
    await reads.destroy()
    if (reads !== db) await db.destroy()
  })
})
