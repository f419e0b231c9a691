/**
 * The check of the upgrade that lets a withdrawn task and a new one share a unit, duty and period
 * (migration 2026_12_07_0210_task_key_open_tasks), run on each database kind: a database with a
 * plan, tasks and their history keeps every row and reference, and afterwards the key still
 * refuses two open tasks in one slot while a withdrawn one makes room.
 */
import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Database, NewTask } from '../../server/db/database.ts'
import { MIGRATIONS } from '../../server/db/migrate.ts'

/** The migration just before the upgrade: the schema the rows below are written in. */
const BEFORE = '2026_12_07_0200_create_oidc_login'

const task = (id: string, state: string): NewTask => ({
  id,
  plan_id: 'plan-1',
  source_id: 'funding',
  kind: 'responsibility',
  assignee: 'town-clinic',
  role: 'lead',
  period: 'once',
  phase_id: null,
  parent_task_id: null,
  reviewer: null,
  state,
  snapshot: '{}',
  version: 1,
  opens_on: null,
  due_on: null,
  due_phrase: null,
  escalation_level: 0,
  data: null,
  created_at: '2018-04-02T01:00:00.000Z',
  updated_at: '2018-04-02T01:00:00.000Z',
})

/**
 * Migrates `db` (empty) to the schema before the upgrade, stores a plan with a withdrawn task and
 * its event, runs the upgrade and checks what it keeps and what the new key refuses.
 */
export async function checkTaskKeyUpgrade(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } })
  expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined()
  // The version row as the schema before the upgrade holds it: written directly, since the
  // application's publishing writes the columns of the latest schema.
  const version = { id: 'version-1', policy_id: 'demo-county-plan' }
  await db
    .insertInto('policy_version')
    .values({
      id: version.id,
      policy_id: version.policy_id,
      version: '1.0.0',
      content_hash: 'hash',
      title: '示范县医改实施方案',
      region: '示范县',
      yaml: '',
      config: '{}',
      source_text: null,
      published_at: '2018-04-02T01:00:00.000Z',
      published_by: 'test',
      note: null,
    })
    .execute()
  await db
    .insertInto('plan')
    .values({
      id: 'plan-1',
      policy_version_id: version.id,
      policy_id: version.policy_id,
      name: '计划',
      status: 'running',
      extra_units: '{}',
      started_at: '2018-04-02T01:00:00.000Z',
      started_by: 'test',
    })
    .execute()
  await db.insertInto('task').values(task('t1', 'withdrawn')).execute()
  await db
    .insertInto('task_event')
    .values({
      id: 'e1',
      task_id: 't1',
      seq: 1,
      type: 'WITHDRAW',
      payload: '{"reason":"成员调整"}',
      actor: 'office',
      at: '2018-04-03T01:00:00.000Z',
      request_id: null,
    })
    .execute()

  const result = await migrator.migrateToLatest()
  expect(result.error).toBeUndefined()
  expect(await db.selectFrom('task').select(['id', 'state']).execute()).toEqual([
    { id: 't1', state: 'withdrawn' },
  ])
  expect(await db.selectFrom('task_event').select('task_id').execute()).toEqual([{ task_id: 't1' }])
  // An event of a task that does not exist is still refused: the reference survived.
  await expect(
    db
      .insertInto('task_event')
      .values({
        id: 'e2',
        task_id: 'missing',
        seq: 1,
        type: 'START',
        payload: '{}',
        actor: 'x',
        at: '2018-04-03T01:00:00.000Z',
        request_id: null,
      })
      .execute(),
  ).rejects.toThrow(/foreign key/i)

  await db.insertInto('task').values(task('t2', 'assigned')).execute()
  await expect(db.insertInto('task').values(task('t3', 'assigned')).execute()).rejects.toThrow(
    /unique/i,
  )
}
