/**
 * Revising a running plan on PostgreSQL: the new columns (`plan.revision`, `task.report_flag`)
 * migrate there too, a members change advances the revision, and a migration previewed then
 * applied through the API moves the plan, flags a report its new form refuses, and keeps the audit
 * chain whole.
 */
import { tmpdir } from 'node:os'
import { createApp } from '../../server/app.ts'
import { verifyAuditChains } from '../../server/audit/audit-verify.ts'
import { SimulatedClock } from '../../server/clock.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { drive } from '../helpers/drive-tasks.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { startMigratedPostgres } from '../helpers/postgres.ts'
import { loginAs, taskId } from '../helpers/test-app.ts'
import type { TestApp } from '../helpers/test-app.ts'

/** 1.1.0: the drafting reported on the summary form, its deadline a week later. */
const REVISED = withReplaced(
  `    phase: drafting
    due: 2018年4月上旬`,
  `    phase: drafting
    form: summary-form
    due: 2018年4月中旬`,
  withReplaced('  version: 1.0.0', '  version: 1.1.0', MINIMAL_POLICY),
)

describe('plan migration on PostgreSQL', () => {
  it('moves the plan, advancing its revision, flags the report the new form refuses, and keeps the audit chain whole', async () => {
    const pg = await startMigratedPostgres('luoshi_migration')
    try {
      const clock = new SimulatedClock('2018-04-02T09:00:00+08:00')
      const writes = new GroupCommitter(pg.db)
      const t: TestApp = {
        app: createApp({
          db: pg.db,
          reads: pg.db,
          clock,
          writes,
          files: `${tmpdir()}/luoshi-pg-migration-${process.pid}`,
        }),
        db: pg.db,
        file: pg.url,
        clock,
        writes,
      }
      const { version } = await publishPolicy(t, clock, 'test', {
        yaml: MINIMAL_POLICY,
        sourceText: MINIMAL_SOURCE,
      })
      const planId = (await startPlan(t, clock, 'test', { versionId: version.id })).plan.id
      await publishPolicy(t, clock, 'test', {
        yaml: REVISED,
        sourceText: MINIMAL_SOURCE,
        note: '改用书面总结表单',
      })
      // The health bureau's contribution is accepted with data the summary form refuses.
      const support = await taskId(t, planId, 'draft-plan', 'health-bureau')
      await drive(t.db, clock, planId, support, { type: 'SUBMIT', data: { note: '已配合' } })
      const office = await loginAs(t, 'office', {
        units: [{ policyId: 'demo-county-plan', unitId: 'leading-group' }],
      })
      const members = `/api/plans/${planId}/groups/hospitals/members`
      const { version: membersVersion } = await (await office.get(members)).json()
      const named = await office.put(
        members,
        { members: [{ id: 'town-clinic', name: '城关镇卫生院' }] },
        { 'if-match': `"${membersVersion}"` },
      )
      expect(named.status).toBe(200)

      const path = `/api/plans/${planId}/migration`
      const preview = await (await office.post(path, { toVersion: '1.1.0', dryRun: true })).json()
      expect(preview.planRevision).toBe(1)
      const applied = await office.post(path, {
        toVersion: '1.1.0',
        planRevision: preview.planRevision,
      })
      expect(applied.status, await applied.clone().text()).toBe(200)
      const plan = await t.db
        .selectFrom('plan')
        .selectAll()
        .where('id', '=', planId)
        .executeTakeFirstOrThrow()
      expect(plan.revision).toBe(2)
      const drafting = await t.db
        .selectFrom('task')
        .selectAll()
        .where('plan_id', '=', planId)
        .where('source_id', '=', 'draft-plan')
        .orderBy('assignee')
        .execute()
      expect(drafting.map((task) => [task.assignee, task.due_on])).toEqual([
        ['health-bureau', '2018-04-20'],
        ['reform-office', '2018-04-20'],
      ])
      const flagged = drafting.find((task) => task.assignee === 'health-bureau')!
      expect(JSON.parse(flagged.report_flag!)).toMatchObject({ version: '1.1.0' })
      expect(JSON.parse(flagged.data!)).toEqual({ note: '已配合' })
      expect(await verifyAuditChains(t.db)).toMatchObject({ ok: true })
    } finally {
      await pg.stop()
    }
  }, 120_000)
})
