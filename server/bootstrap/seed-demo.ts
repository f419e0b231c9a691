/**
 * @module The demo a fresh `npm start` serves: every bundled policy published, a plan started for
 * each region (with the members in `policies/<region>/plan-start.json`, where a region has one),
 * demo indicator data for the Meishan plan (seed-indicator-values.ts) with its assessment years
 * computed (2020 published, 2021 awaiting review: seed-assessments.ts), and an account for each
 * unit and role, in the region its policy belongs to, with a region administrator for each region
 * (`<folder>.admin`). `admin` (the system administrator) and `author` stand above every region. A second start finds it all in place and adds nothing. It writes through the
 * server's group committer, as requests and timers do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureUser } from '../auth/users.ts'
import type { Role } from '../auth/users.ts'
import type { Clock } from '../clock.ts'
import type { PolicyVersionRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import { publishPolicy } from '../policies/publish-policy.ts'
import { findVersion } from '../policies/repository.ts'
import { AppError } from '../errors.ts'
import { planModel } from '../plan-model/plan-model.ts'
import type { ExtraUnits } from '../plan-model/plan-model.ts'
import { loadPlanContext } from '../plan-model/plan-context.ts'
import { startPlan } from '../plans/start-plan.ts'
import { seedIndicatorValues } from './seed-indicator-values.ts'
import { seedAssessments } from './seed-assessments.ts'

/** The years the demo values cover that an assessment scores (2019 is the baseline). */
const DEMO_ASSESSMENT_YEARS = [2020, 2021]

export const DEMO_PASSWORD = 'luoshi-demo'

export interface DemoAccount {
  username: string
  displayName: string
  roles: Role[]
  /** The region of the account; none for the two accounts above every region. */
  regionId?: string
  policyId?: string
  unitId?: string
}

/** Publishes, starts and creates accounts; returns the accounts (new or existing). */
export async function seedDemo(
  store: Store,
  clock: Clock,
  policiesDir: string,
): Promise<DemoAccount[]> {
  const { db } = store
  const now = clock.now().toISOString()
  const accounts: DemoAccount[] = []
  for (const region of readdirSync(policiesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    const folder = join(policiesDir, region)
    const file = readdirSync(folder).find((name) => name.endsWith('.yaml'))
    if (!file) continue
    const yaml = readFileSync(join(folder, file), 'utf8')
    const source = existsSync(join(folder, 'source.txt'))
      ? readFileSync(join(folder, 'source.txt'), 'utf8')
      : undefined
    const version = await publishOrKeep(store, clock, yaml, source)
    const startFile = join(folder, 'plan-start.json')
    const members = existsSync(startFile)
      ? (JSON.parse(readFileSync(startFile, 'utf8')) as { members: ExtraUnits }).members
      : {}
    const running = await db
      .selectFrom('plan')
      .select('id')
      .where('policy_id', '=', version.policy_id)
      .executeTakeFirst()
    const planId =
      running?.id ??
      (await startPlan(store, clock, 'system', { versionId: version.id, members })).plan.id
    const context = await loadPlanContext(db, planId)
    if ((await seedIndicatorValues(store, clock, context)) > 0)
      await seedAssessments(store, clock, context, DEMO_ASSESSMENT_YEARS)
    const model = planModel(version)
    const actors = model.actors(members)
    const { region_id: regionId } = await db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', version.policy_id)
      .executeTakeFirstOrThrow()
    accounts.push({
      username: `${region}.admin`,
      displayName: `地区管理员（${model.config.metadata.region.name}）`,
      roles: ['region-admin'],
      regionId,
    })
    const reviewers = new Set(
      [model.office, model.leadership].filter((id): id is string => id !== null),
    )
    for (const actor of actors.values()) {
      const roles: Role[] =
        actor.id === model.leadership
          ? ['leader', 'reviewer']
          : reviewers.has(actor.id)
            ? ['reviewer', 'department']
            : ['department']
      // Named as people read it: 市医疗保障局（眉山市）, not the folder name.
      accounts.push({
        username: `${region}.${actor.id}`,
        displayName: `${actor.name}（${model.config.metadata.region.name}）`,
        roles,
        regionId,
        policyId: version.policy_id,
        unitId: actor.id,
      })
    }
  }
  accounts.unshift(
    { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
    { username: 'author', displayName: '医改办配置员', roles: ['author'] },
  )
  // All at once: scrypt runs on libuv's thread pool, so the accounts' hashes (most of a first
  // start's time) take the machine's cores instead of one after another; the writes share commits.
  await Promise.all(
    accounts.map((account) => {
      const units =
        account.policyId && account.unitId
          ? [{ policyId: account.policyId, unitId: account.unitId }]
          : []
      return ensureUser(
        store,
        {
          username: account.username,
          displayName: account.displayName,
          password: DEMO_PASSWORD,
          roles: account.roles,
          regionId: account.regionId ?? null,
          units,
        },
        now,
      )
    }),
  )
  return accounts
}

/**
 * Publishes a bundled policy; when its file changed but kept a published version number (a data
 * folder from before the change), keeps the published version and says so instead of failing.
 */
async function publishOrKeep(
  store: Store,
  clock: Clock,
  yaml: string,
  source: string | undefined,
): Promise<PolicyVersionRow> {
  try {
    return (
      await publishPolicy(store, clock, 'system', {
        yaml,
        ...(source !== undefined ? { sourceText: source } : {}),
      })
    ).version
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) throw error
    const id = /^\s*id:\s*([a-z0-9-]+)\s*$/m.exec(yaml)?.[1] ?? ''
    const version = /^\s*version:\s*([0-9][^\s]*)\s*$/m.exec(yaml)?.[1] ?? ''
    const kept = await findVersion(store.db, id, version)
    if (!kept) throw error
    console.warn(
      `${id} ${version}: the bundled file differs from the published version; keeping the published one (raise metadata.version to publish the change)`,
    )
    return kept
  }
}
