/**
 * @module /api/plans/:id/migration — GET: the newer published versions a plan may move to, and
 * whether this user may move it; POST: move a running plan to a newer published version of its
 * policy, matched by the policy's stable ids: `dryRun: true` answers the preview and writes
 * nothing; without it the same layout is written in one transaction, audited as `plan.migrate`,
 * and only if the plan's make-up is still the one previewed (`planRevision`). Mounted from
 * routes.ts.
 */
import { Hono } from 'hono'
import { planMigrationBody } from '../../schemas/api/requests.schema.ts'
import { mayGovernPlan } from '../access/plan-governance.ts'
import { AppError, notFound } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { compareSemver, findVersion, getVersionById, listVersions } from '../policies/repository.ts'
import type { PlanMigrationOptions } from '../../schemas/api/responses.schema.ts'
import { applyMigration, planChanged } from './migrate-plan.ts'
import { layoutMigration } from './migration-preview.ts'
import { migrationView } from './migration-views.ts'
import { visiblePlan } from './visible-plan.ts'

export const migrationRoutes = new Hono<AppEnv>()
  .get('/:id/migration', async (c) => {
    const context = await visiblePlan(c)
    const versions = await listVersions(c.get('deps').reads, context.plan.policy_id)
    const current = versions.find((row) => row.id === context.plan.policy_version_id)
    if (!current) throw new Error(`plan ${context.plan.id} is pinned to a missing version`)
    const options: PlanMigrationOptions = {
      planRevision: context.plan.revision,
      current: { id: current.id, version: current.version, note: current.note },
      versions: versions
        .filter((row) => compareSemver(row.version, current.version) > 0)
        .map((row) => ({
          id: row.id,
          version: row.version,
          note: row.note,
          publishedAt: row.published_at,
        })),
      mayGovern: mayGovernPlan(c.get('user'), context),
    }
    return c.json(options)
  })
  .post('/:id/migration', validJson(planMigrationBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const context = await visiblePlan(c)
    const user = c.get('user')
    if (!mayGovernPlan(user, context))
      throw new AppError(403, 'forbidden', {
        zh: '只有本计划的办公室、系统管理员或地区管理员可以修订计划。',
        en: 'Only the plan’s office, an admin or a region admin may revise the plan.',
      })
    if (context.plan.status !== 'running') throw notRunning()
    const body = c.req.valid('json')
    const from = await getVersionById(reads, context.plan.policy_version_id)
    if (!from) throw new Error(`plan ${context.plan.id} is pinned to a missing version`)
    const to = await findVersion(reads, context.plan.policy_id, body.toVersion)
    if (!to)
      throw notFound({
        zh: `本政策没有已发布的 ${body.toVersion} 版本`,
        en: `This policy has no published version ${body.toVersion}`,
      })
    if (compareSemver(to.version, from.version) <= 0)
      throw new AppError(
        400,
        'bad-request',
        {
          zh: `目标版本 ${to.version} 不比计划当前的 ${from.version} 版本新：只能迁移到更新的已发布版本`,
          en: `Version ${to.version} is not newer than the plan’s ${from.version}: a plan moves only to a newer published version`,
        },
        {
          issues: [
            {
              pointer: '/toVersion',
              message: { zh: '请选择更新的版本', en: 'Pick a newer version' },
            },
          ],
        },
      )
    const renames = body.renames ?? {}
    if (body.dryRun) {
      writesNothing(c)
      if (body.planRevision !== undefined && body.planRevision !== context.plan.revision)
        throw planChanged()
      const layout = await layoutMigration(reads, context, from, to, renames, clock.now())
      return c.json(migrationView(context, layout, true, context.plan.revision))
    }
    if (body.planRevision === undefined)
      throw new AppError(428, 'bad-request', {
        zh: '请给出预览时的计划修订号（planRevision），以免覆盖预览之后他人的修改。',
        en: 'Send the planRevision the preview showed, so that no change made since is overwritten.',
      })
    const expected = body.planRevision
    return write(c, async (trx) => {
      const now = clock.now()
      // Laid out again inside the transaction: what is written is what holds now.
      const fresh = await loadPlanContext(trx, context.plan.id)
      if (fresh.plan.revision !== expected || fresh.plan.policy_version_id !== from.id)
        throw planChanged()
      if (fresh.plan.status !== 'running') throw notRunning()
      const layout = await layoutMigration(trx, fresh, from, to, renames, now)
      await applyMigration(trx, fresh, layout, {
        actor: user.id,
        now,
        requestId: c.get('requestId'),
      })
      return c.json(migrationView(fresh, layout, false, expected + 1))
    })
  })

/** The 409 for a plan that is not running: only running work moves to a revised version. */
function notRunning(): AppError {
  return new AppError(409, 'conflict', {
    zh: '只有运行中的计划可以修订。',
    en: 'Only a running plan can be revised.',
  })
}
