/**
 * The real app over a real database file (or, with `LUOSHI_TEST_DIALECT=postgres`, a real
 * PostgreSQL database: make-db.ts), with a simulated clock, and users logged in through the real
 * login route. Requests go through `app.request()`: no server, no port.
 */
import type { Kysely } from 'kysely'
import { createApp } from '../../server/app.ts'
import { ensureUser } from '../../server/auth/users.ts'
import type { Role } from '../../server/auth/users.ts'
import { SimulatedClock } from '../../server/clock.ts'
import type { Database } from '../../server/db/database.ts'
import { GroupCommitter } from '../../server/db/group-commit.ts'
import { clearPlanCache } from '../../server/plan-model/plan-context.ts'
import { startPlan } from '../../server/plans/start-plan.ts'
import { publishPolicy } from '../../server/policies/publish-policy.ts'
import { MINIMAL_POLICY, MINIMAL_SOURCE } from './minimal-policy.ts'
import type { ExtraUnits } from '../../server/plan-model/plan-model.ts'
import { makeDb, publishBundled, TEST_DIALECT } from './make-db.ts'
import { createDb } from '../../server/db/create-db.ts'
import type { SecurityOptions } from '../../server/http/security-options.ts'
import type { OidcOptions } from '../../server/auth/oidc-options.ts'
import type { AttachmentStore } from '../../server/http/env.ts'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export const PASSWORD = 'test-password'

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: Kysely<Database>
  file: string
  clock: SimulatedClock
  writes: GroupCommitter
}

/**
 * A fresh database, migrated, with the app over it; the clock starts at `start`. With `from` (the
 * `file` of another TestApp), the database starts as a copy of that one: build an expensive fixture
 * once, then give each test that writes its own copy.
 */
export async function makeTestApp(
  start = '2018-04-02T09:00:00+08:00',
  options: {
    security?: Partial<SecurityOptions>
    from?: string
    oidc?: OidcOptions
    /** Where attachments' bytes go; the database when not given. */
    attachments?: AttachmentStore
  } = {},
): Promise<TestApp> {
  clearPlanCache()
  const { db, file, writes } = await makeDb(options.from)
  const clock = new SimulatedClock(start)
  // One pool for writes and reads on PostgreSQL, as the server has.
  const reads = TEST_DIALECT === 'postgres' ? db : await createDb({ kind: 'sqlite', file })
  const files =
    TEST_DIALECT === 'postgres'
      ? join(tmpdir(), `luoshi-pg-attachments-${process.pid}`)
      : join(dirname(file), 'attachments')
  return {
    app: createApp({
      db,
      reads,
      clock,
      writes,
      files,
      ...(options.security ? { security: options.security } : {}),
      ...(options.oidc ? { oidc: options.oidc } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
    }),
    db,
    file,
    clock,
    writes,
  }
}

/**
 * A second app over the same database as `t`, with connections and a committer of its own, as a
 * second server process has; `attachments` is its own store object (give it a new one over the
 * same bucket, as that process would make). Send requests to it with clientOn(). `close` ends
 * its connections.
 */
export async function secondInstance(
  t: TestApp,
  attachments?: AttachmentStore,
): Promise<TestApp & { close(): Promise<void> }> {
  const db =
    TEST_DIALECT === 'postgres'
      ? await createDb({ kind: 'postgres', url: t.file, poolSize: 2 })
      : await createDb({ kind: 'sqlite', file: t.file })
  const reads = TEST_DIALECT === 'postgres' ? db : await createDb({ kind: 'sqlite', file: t.file })
  const writes = new GroupCommitter(db)
  const app = createApp({
    db,
    reads,
    clock: t.clock,
    writes,
    files: join(tmpdir(), 'luoshi-second-instance-attachments'),
    ...(attachments ? { attachments } : {}),
  })
  const close = async () => {
    await writes.close()
    if (reads !== db) await reads.destroy()
    await db.destroy()
  }
  return { app, db, file: t.file, clock: t.clock, writes, close }
}

/** Publishes a bundled policy and starts its plan; returns the plan id and version id. */
export async function startBundledPlan(
  t: TestApp,
  region: string,
  members: ExtraUnits = {},
): Promise<{ planId: string; versionId: string; policyId: string }> {
  const versionId = await publishBundled(t, t.clock, region)
  const started = await startPlan(t, t.clock, 'test', { versionId, members })
  return { planId: started.plan.id, versionId, policyId: started.plan.policy_id }
}

/**
 * Starts Pingnan's plan and returns its finance bureau's 保障经费 duty, already started, with the
 * bureau logged in as `finance`: a task that takes writes, for tests of what surrounds them.
 */
export async function startedFinanceTask(
  t: TestApp,
): Promise<{ finance: Client; id: string; planId: string }> {
  const { planId, policyId } = await startBundledPlan(t, 'pingnan')
  const id = await taskId(t, planId, 'safeguard-funding', 'county-finance-bureau')
  const finance = await loginAs(t, 'finance', {
    units: [{ policyId, unitId: 'county-finance-bureau' }],
  })
  expect((await finance.post(`/api/tasks/${id}/events`, { type: 'START' })).status).toBe(200)
  return { finance, id, planId }
}

/** Publishes the minimal policy (helpers/minimal-policy.ts) and starts its plan; returns the plan id. */
export async function startMinimalPlan(t: TestApp): Promise<string> {
  const { version } = await publishPolicy(t, t.clock, 'test', {
    yaml: MINIMAL_POLICY,
    sourceText: MINIMAL_SOURCE,
  })
  return (await startPlan(t, t.clock, 'test', { versionId: version.id })).plan.id
}

/** A logged-in user: JSON requests with the session cookie and the CSRF token. */
export interface Client {
  username: string
  /** The session, so that it can be sent to an app over a copy of this database (clientOn). */
  cookie: string
  csrfToken: string
  get(path: string, headers?: Record<string, string>): Promise<Response>
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  put(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  raw(path: string, init: RequestInit): Promise<Response>
}

/** Creates the user (if new) and logs in through POST /api/auth/login. */
export async function loginAs(
  t: TestApp,
  username: string,
  options: {
    roles?: Role[]
    units?: Array<{ policyId: string; unitId: string }>
    /** The account's region; none (above every region) by default. */
    regionId?: string
  } = {},
): Promise<Client> {
  await ensureUser(
    t,
    {
      username,
      displayName: username,
      password: PASSWORD,
      roles: options.roles ?? ['department'],
      units: options.units ?? [],
      regionId: options.regionId ?? null,
    },
    t.clock.now().toISOString(),
  )
  return logIn(t, username, PASSWORD)
}

/** Logs an existing user in through POST /api/auth/login with the password given. */
export async function logIn(t: TestApp, username: string, password: string): Promise<Client> {
  const response = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200)
    throw new Error(`login failed for ${username}: ${response.status} ${await response.text()}`)
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return sessionClient(t, username, cookie, csrfToken)
}

/**
 * The same session sending its requests to `t`: an app over a copy of the database the client
 * logged in to (sessions are rows, so the copy holds it).
 */
export function clientOn(t: TestApp, client: Client): Client {
  return sessionClient(t, client.username, client.cookie, client.csrfToken)
}

function sessionClient(t: TestApp, username: string, cookie: string, csrfToken: string): Client {
  const raw = async (path: string, init: RequestInit): Promise<Response> =>
    t.app.request(path, {
      ...init,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string>) },
    })
  const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    raw(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? '' : JSON.stringify(body),
    })
  return {
    username,
    cookie,
    csrfToken,
    raw,
    get: (path, headers = {}) => raw(path, { method: 'GET', headers }),
    post: (path, body, headers = {}) => send('POST', path, body, headers),
    put: (path, body, headers = {}) => send('PUT', path, body, headers),
    patch: (path, body, headers = {}) => send('PATCH', path, body, headers),
  }
}

/** The id of a plan's task for a duty (or procedure), assignee and period. */
export async function taskId(
  t: TestApp,
  planId: string,
  sourceId: string,
  assignee: string,
  period = 'once',
): Promise<string> {
  const row = await t.db
    .selectFrom('task')
    .select('id')
    .where('plan_id', '=', planId)
    .where('source_id', '=', sourceId)
    .where('assignee', '=', assignee)
    .where('period', '=', period)
    .executeTakeFirst()
  if (!row) throw new Error(`no task ${sourceId} for ${assignee} (${period})`)
  return row.id
}

/** What `build` returned, with each of its top-level clients moved to the copy. */
export type Copied<T> = { t: TestApp } & T

/**
 * A fixture built once and copied for each test that uses it. The first call makes an app at
 * `start` and runs `build` on it; every call returns an app over a new copy of that database,
 * its clock where `build` left the clock, and what `build` returned, its clients (top-level
 * values that are a Client) sending to the copy. Each test gets its own rows, as with a fresh
 * `makeTestApp`, without paying for publishing, starting and logging in again.
 */
export function copiedFixture<T extends object>(
  start: string,
  build: (t: TestApp) => Promise<T>,
): () => Promise<Copied<T>> {
  let built: Promise<{ template: TestApp; value: T }> | undefined
  return async () => {
    built ??= makeTestApp(start).then(async (template) => {
      const value = await build(template)
      // PostgreSQL copies a database only while nobody is connected to it; the template is read
      // from nowhere else once built.
      if (TEST_DIALECT === 'postgres') {
        await template.writes.close()
        await template.db.destroy()
      }
      return { template, value }
    })
    const { template, value } = await built
    const t = await makeTestApp(template.clock.now().toISOString(), { from: template.file })
    const moved = Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, isClient(item) ? clientOn(t, item) : item]),
    )
    return { t, ...(moved as T) }
  }
}

function isClient(value: unknown): value is Client {
  return (
    typeof value === 'object' &&
    value !== null &&
    'cookie' in value &&
    'csrfToken' in value &&
    'raw' in value
  )
}
