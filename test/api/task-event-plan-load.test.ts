/**
 * A task event reads its plan once: the route loads the plan with the task, and the same context
 * goes through the check, the transaction and the answer. The compiled model comes from the cache
 * by version id, so the version row is not read again.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import { createApp } from '../../server/app.ts'
import { createDb } from '../../server/db/create-db.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { TEST_DIALECT } from '../helpers/make-db.ts'
import { makeTestApp, startedFinanceTask } from '../helpers/test-app.ts'

/** Counts the SELECTs from each table, whichever connection runs them. */
class SelectCounter implements KyselyPlugin {
  readonly counts = new Map<string, number>()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'SelectQueryNode') {
      for (const from of args.node.from?.froms ?? []) {
        const table = tableName(from)
        if (table) this.counts.set(table, (this.counts.get(table) ?? 0) + 1)
      }
    }
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

function tableName(node: OperationNode): string | undefined {
  return node.kind === 'TableNode'
    ? (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name
    : undefined
}

describe('POST /api/tasks/:id/events', () => {
  it('reads the task’s plan once, and its version not at all once the model is cached', async () => {
    const t = await makeTestApp('2018-04-02T09:00:00+08:00')
    const { finance, id } = await startedFinanceTask(t)
    const counter = new SelectCounter()
    const db = t.db.withPlugin(counter)
    // PostgreSQL reads through the writer's pool, as the server does.
    const reads =
      TEST_DIALECT === 'postgres'
        ? db
        : (await createDb({ kind: 'sqlite', file: t.file })).withPlugin(counter)
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
  })
})
