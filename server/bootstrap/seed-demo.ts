/**
 * @module The demo a fresh `npm start` serves: every bundled policy published, an account for each
 * unit and role, in the region its policy belongs to, with a region administrator for each region
 * (`<folder>.admin`) — `admin` (the system administrator) and `author` stand above every region —
 * then a plan for each region (with the members in `policies/<region>/plan-start.json`, where a
 * region has one): an ended one driven through its period in simulated time and closed, one still
 * within its period started today, and a 演示 plan running now when no bundled plan is
 * (demo-plans.ts). The Meishan plan gets the demo indicator data (seed-indicator-values.ts) with
 * its assessment years computed (2020 published, 2021 awaiting review: seed-assessments.ts). A
 * second start finds it all in place and adds nothing. It writes through the server's group
 * committer, as requests and timers do, and says what it is doing on `progress`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hashPassword } from '../auth/passwords.ts'
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
import { effectiveEnd } from '../plans/close-plan.ts'
import { bundledPlan, endedBy, livingPlan, livingPolicy } from './demo-plans.ts'
import type { DemoPolicy, DemoRun } from './demo-plans.ts'
import { silentProgress } from './progress.ts'
import type { Progress } from './progress.ts'

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

/**
 * Publishes, creates the accounts, starts the plans (simulating the history of those that ended,
 * and a 演示 plan running now: demo-plans.ts); returns the accounts (new or existing).
 */
export async function seedDemo(
  store: Store,
  clock: Clock,
  policiesDir: string,
  progress: Progress = silentProgress,
): Promise<DemoAccount[]> {
  const { db } = store
  const now = clock.now().toISOString()
  const accounts: DemoAccount[] = []
  const policies: DemoPolicy[] = []
  for (const region of readdirSync(policiesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    const folder = join(policiesDir, region)
    const file = readdirSync(folder).find((name) => name.endsWith('.yaml'))
    if (!file) continue
    progress.step(`发布政策 / publishing ${region}/${file}`)
    const yaml = readFileSync(join(folder, file), 'utf8')
    const source = existsSync(join(folder, 'source.txt'))
      ? readFileSync(join(folder, 'source.txt'), 'utf8')
      : undefined
    const version = await publishOrKeep(store, clock, yaml, source)
    const startFile = join(folder, 'plan-start.json')
    const members = existsSync(startFile)
      ? (JSON.parse(readFileSync(startFile, 'utf8')) as { members: ExtraUnits }).members
      : {}
    const model = planModel(version)
    policies.push({ region, version, model, members })
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
  progress.done(`政策已发布 / policies published: ${policies.length}`)
  accounts.unshift(
    { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
    { username: 'author', displayName: '医改办配置员', roles: ['author'] },
  )
  progress.step(`创建账号 / creating ${accounts.length} demo accounts`)
  // The demo password is hashed once (scrypt is slow by design; 80 hashes were most of a first
  // start), and only when an account is missing; the writes share commits.
  const existing = await db.selectFrom('app_user').select('username').execute()
  const have = new Set(existing.map((row) => row.username))
  const passwordHash = accounts.every((account) => have.has(account.username))
    ? undefined
    : await hashPassword(DEMO_PASSWORD)
  const users = await Promise.all(
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
          ...(passwordHash ? { passwordHash } : {}),
          roles: account.roles,
          regionId: account.regionId ?? null,
          units,
        },
        now,
      )
    }),
  )
  progress.done(`演示账号 / demo accounts: ${accounts.length}`)
  // Each unit's steps in a simulated history are its demo account's.
  const ids = new Map(users.map((user) => [user.username, user.id]))
  const run: DemoRun = {
    store,
    clock,
    progress,
    actorOf: (region, unit) => ids.get(`${region}.${unit}`) ?? 'system',
    // One extension in the whole demo, also when a stopped first start is carried on.
    extension: {
      granted:
        (await db.selectFrom('extension_request').select('id').limit(1).execute()).length > 0,
    },
  }
  // Every commit of the simulated history is durable (synchronous=FULL), as every other write.
  for (const policy of policies) await bundledPlan(run, policy)
  // A 演示 plan only when no bundled plan runs within a stated period today.
  const today = clock.now()
  const current = policies.some(
    (policy) => effectiveEnd(policy.model) !== null && !endedBy(policy.model, today),
  )
  const living = current ? undefined : livingPolicy(policies)
  if (living) await livingPlan(run, living)
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
