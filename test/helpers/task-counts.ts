/** Checks of the task counts kept by triggers and of the paged task list, for both dialects. */
import type { Kysely } from 'kysely'
import type { Database } from '../../server/db/database.ts'
import { expectProgressCountsKept } from './progress-counts.ts'
import type { Client } from './test-app.ts'

/** `task_count` as rows, next to the same groups counted from `task` now. */
async function keptAndRecounted(db: Kysely<Database>) {
  const kept = await db
    .selectFrom('task_count')
    .select([
      'plan_id',
      'side',
      'party',
      'kind',
      'source_id',
      'state',
      'opens_on',
      'created_on',
      'due_on',
      'escalation',
      'n',
    ])
    .where('n', '<>', 0)
    .execute()
  const tasks = await db.selectFrom('task').selectAll().execute()
  const recount = new Map<string, number>()
  for (const task of tasks)
    for (const side of ['assignee', 'reviewer'] as const) {
      const party = task[side]
      if (party === null) continue
      const key = JSON.stringify([
        task.plan_id,
        side,
        party,
        task.kind,
        task.kind === 'procedure' ? task.source_id : '',
        task.state,
        task.opens_on ?? '',
        task.opens_on === null ? task.created_at : '',
        task.due_on ?? '',
        task.escalation_level >= 4 ? 4 : task.escalation_level >= 3 ? 3 : 0,
      ])
      recount.set(key, (recount.get(key) ?? 0) + 1)
    }
  const asMap = new Map(
    kept.map((row) => [
      JSON.stringify([
        row.plan_id,
        row.side,
        row.party,
        row.kind,
        row.source_id,
        row.state,
        row.opens_on,
        row.created_on,
        row.due_on,
        Number(row.escalation),
      ]),
      Number(row.n),
    ]),
  )
  return { kept: Object.fromEntries(asMap), recounted: Object.fromEntries(recount) }
}

/** Expects `task_count` and the progress counts to equal a recount of the task table now. */
export async function expectCountsKept(db: Kysely<Database>, after: string) {
  const { kept, recounted } = await keptAndRecounted(db)
  expect(Object.keys(recounted).length, after).toBeGreaterThan(0)
  expect(kept, after).toEqual(recounted)
  await expectProgressCountsKept(db, after)
}

export type Listed = {
  counts: Record<string, unknown>
  tasks: Array<{ id: string; dueOn: string | null }>
  nextCursor?: string | null
}

/** Every page of `query`, walked by its cursors. */
export async function walk(client: Client, query: string, pageSize: number) {
  const pages: Listed[] = []
  let after: string | null | undefined
  do {
    const cursor = after ? `&after=${encodeURIComponent(after)}` : ''
    const response = await client.get(`/api/tasks?pageSize=${pageSize}${cursor}${query}`)
    expect(response.status).toBe(200)
    const page = (await response.json()) as Listed
    pages.push(page)
    after = page.nextCursor
  } while (after)
  return pages
}
