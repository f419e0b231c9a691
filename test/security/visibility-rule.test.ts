/**
 * The one visibility rule, given twice (for a task in hand and as SQL for lists and the audit log),
 * says the same for every unit of every bundled policy — procedures included.
 */
import { EVERYWHERE } from '../../server/access/region-reach.ts'
import { existsSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { canSeeTask, visiblePlans, visibleTaskFilter } from '../../server/access/visibility.ts'
import type { CurrentUser } from '../../server/http/env.ts'
import { loadPlanContext } from '../../server/plan-model/plan-context.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { allPolicyFiles } from '../helpers/policy-files.ts'
import { makeTestApp } from '../helpers/test-app.ts'

describe('visibility rule', () => {
  it.each(allPolicyFiles())(
    'agrees in SQL and in memory for every unit of %s',
    async (file) => {
      const t = await makeTestApp()
      const folder = dirname(file)
      const sourceText = readFileSync(`${folder}/source.txt`, 'utf8')
      const { version } = await publishPolicy(t, t.clock, 'test', {
        yaml: readFileSync(file, 'utf8'),
        sourceText,
      })
      const members = existsSync(`${folder}/plan-start.json`)
        ? JSON.parse(readFileSync(`${folder}/plan-start.json`, 'utf8')).members
        : {}
      const { plan } = await startPlan(t, t.clock, 'test', { versionId: version.id, members })
      const context = await loadPlanContext(t.db, plan.id)
      const tasks = await t.db
        .selectFrom('task')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .execute()
      const users: CurrentUser[] = [...context.model.actors(context.members).keys()].map(
        (unit) => ({
          id: unit,
          username: unit,
          displayName: unit,
          roles: ['department'],
          units: { [plan.policy_id]: [unit] },
          mustChangePassword: false,
          regionId: null,
          reach: EVERYWHERE,
        }),
      )
      users.push({
        id: 'outsider',
        username: 'outsider',
        displayName: 'outsider',
        roles: ['leader'],
        units: { other: ['x'] },
        mustChangePassword: false,
        regionId: null,
        reach: EVERYWHERE,
      })
      let seen = 0
      let throughProcedure = 0
      for (const user of users) {
        const mine = new Set(user.units[plan.policy_id] ?? [])
        throughProcedure += tasks.filter(
          (task) =>
            task.kind === 'procedure' &&
            !mine.has(task.assignee) &&
            !mine.has(task.reviewer ?? '') &&
            canSeeTask(user, plan.policy_id, task, context.model),
        ).length
        const inMemory = tasks
          .filter((task) => canSeeTask(user, plan.policy_id, task, context.model))
          .map((task) => task.id)
          .sort()
        const plans = await visiblePlans(t.db, user)
        const inSql = (
          await t.db
            .selectFrom('task')
            .select('id')
            .where((eb) => visibleTaskFilter(eb, user, plans))
            .execute()
        )
          .map((row) => row.id)
          .sort()
        expect(inSql, user.username).toEqual(inMemory)
        seen += inSql.length
      }
      expect(seen).toBeGreaterThan(0)
      // A policy with procedures lets some unit follow one it neither applies to nor reviews.
      if (tasks.some((task) => task.kind === 'procedure'))
        expect(throughProcedure).toBeGreaterThan(0)
    },
    120_000,
  )
})
