/**
 * A county adopts luoshi in production, over a real server process started with `LUOSHI_DEMO=0`:
 * the first system administrator made with the CLI; a region and its administrator; the policy
 * uploaded with its source and published; twenty staff imported from an .xlsx; the plan started
 * with the open group's members naming units of the config. Each imported person logs in, must
 * change the one-time password, and then sees exactly its own unit's tasks; a person of another
 * region sees none of them; deactivating a person ends its session at once; the audit chain holds.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { childEnv, killHard, login, ROOT, startServer } from '../helpers/durability-server.ts'
import type { HttpSession, ServerProcess } from '../helpers/durability-server.ts'
import {
  JOURNEY_MEMBERS,
  JOURNEY_POLICY,
  JOURNEY_POLICY_ID,
  JOURNEY_REGION,
  JOURNEY_SOURCE,
  JOURNEY_STAFF,
  journeyStaffWorkbook,
} from '../helpers/journey-policy.ts'

interface Task {
  id: string
  assignee: { id: string }
}

let server: ServerProcess
let dataDir: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'luoshi-production-journey-'))
  const created = spawnSync(
    process.execPath,
    ['bin/luoshi.js', 'admin', 'create', 'chief', '--data', dataDir],
    { cwd: ROOT, env: childEnv({}), input: 'Chief-Pass-2024\n', encoding: 'utf8' },
  )
  expect(created.status, created.stderr).toBe(0)
  server = await startServer({
    dataDir,
    now: '2018-04-02T09:00:00+08:00',
    env: { LUOSHI_DEMO: '0' },
  })
}, 60_000)

afterAll(async () => {
  await killHard(server)
  rmSync(dataDir, { recursive: true, force: true })
})

const send = (session: HttpSession, method: string, path: string, body?: unknown) =>
  fetch(`${session.baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

async function ok<T>(response: Promise<Response>, status = 200): Promise<T> {
  const answer = await response
  expect(answer.status, await answer.clone().text()).toBe(status)
  return (await answer.json()) as T
}

/** Logs in with a one-time password, sets a new one, and logs in again with it. */
async function firstLogin(username: string, oneTime: string): Promise<HttpSession> {
  const first = await login(server.baseUrl, username, oneTime)
  expect((await first.get('/api/tasks')).status).toBe(403)
  const password = `${username}-Own-Pass-2024`
  await ok(
    send(first, 'POST', '/api/auth/password', { currentPassword: oneTime, newPassword: password }),
  )
  return login(server.baseUrl, username, password)
}

describe('a county adopting luoshi in production', () => {
  it('goes from the first administrator to each person seeing exactly its own tasks', async () => {
    const chief = await login(server.baseUrl, 'chief', 'Chief-Pass-2024')
    expect((await ok<{ plans: unknown[] }>(chief.get('/api/plans'))).plans).toEqual([])

    // The system administrator makes the region, another region, and names the administrator.
    const { region } = await ok<{ region: { id: string } }>(
      send(chief, 'POST', '/api/regions', JOURNEY_REGION),
      201,
    )
    const { region: west } = await ok<{ region: { id: string } }>(
      send(chief, 'POST', '/api/regions', { name: '西县', level: 'county' }),
      201,
    )
    const named = await ok<{ initialPassword: string }>(
      send(chief, 'POST', '/api/users', {
        username: 'dx.admin',
        displayName: '东县医改办管理员',
        roles: ['region-admin'],
        regionId: region.id,
      }),
      201,
    )
    const officer = await firstLogin('dx.admin', named.initialPassword)

    // The region administrator uploads the policy with its source, and publishes it.
    const checked = await ok<{ ok: boolean; issues: unknown[] }>(
      send(officer, 'POST', '/api/policies/validate', {
        yaml: JOURNEY_POLICY,
        sourceText: JOURNEY_SOURCE,
      }),
    )
    expect(checked).toEqual({ ok: true, issues: [] })
    await ok(
      send(officer, 'POST', '/api/policies', { yaml: JOURNEY_POLICY, sourceText: JOURNEY_SOURCE }),
      201,
    )

    // Twenty staff from an .xlsx: a dry run, then the import.
    const workbook = await journeyStaffWorkbook()
    const upload = (query: string) =>
      fetch(`${server.baseUrl}/api/users/import${query}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'x-filename': encodeURIComponent('东县人员.xlsx'),
          cookie: officer.cookie,
          'x-csrf-token': officer.csrfToken,
        },
        body: workbook as Uint8Array<ArrayBuffer>,
      })
    const dry = await ok<{ rows: Array<{ ok: boolean }>; created: unknown[] }>(
      upload('?dryRun=true'),
    )
    expect(dry.rows.filter((row) => row.ok)).toHaveLength(20)
    expect(dry.created).toEqual([])
    const imported = await ok<{
      created: Array<{ user: { username: string; regionId: string }; initialPassword: string }>
    }>(upload(''))
    expect(imported.created).toHaveLength(20)
    expect(new Set(imported.created.map((each) => each.user.regionId))).toEqual(
      new Set([region.id]),
    )

    // The plan starts with the open group's members naming units of the config.
    const started = await ok<{ plan: { id: string }; unassigned: unknown[] }>(
      send(officer, 'POST', '/api/plans', {
        policyId: JOURNEY_POLICY_ID,
        version: '1.0.0',
        members: JOURNEY_MEMBERS,
      }),
      201,
    )
    expect(started.unassigned).toEqual([])
    const everything = await ok<{ tasks: Task[] }>(officer.get('/api/tasks?scope=all'))
    const byUnit = (unitId: string) =>
      everything.tasks
        .filter((task) => task.assignee.id === unitId)
        .map((task) => task.id)
        .sort()
    for (const hospital of JOURNEY_MEMBERS.hospitals) expect(byUnit(hospital.id)).not.toEqual([])

    // Each person: the one-time password must go first, then exactly its unit's tasks.
    const sessions = new Map<string, HttpSession>()
    for (const person of JOURNEY_STAFF) {
      const oneTime = imported.created.find((each) => each.user.username === person.username)!
      const session = await firstLogin(person.username, oneTime.initialPassword)
      sessions.set(person.username, session)
      const mine = await ok<{ tasks: Task[] }>(session.get('/api/tasks'))
      expect(mine.tasks.map((task) => task.id).sort(), person.username).toEqual(
        byUnit(person.unitId),
      )
    }

    // Another region's author sees none of it.
    const outsider = await ok<{ initialPassword: string }>(
      send(chief, 'POST', '/api/users', {
        username: 'xx.author',
        displayName: '西县配置员',
        roles: ['author'],
        regionId: west.id,
      }),
      201,
    )
    const westerner = await firstLogin('xx.author', outsider.initialPassword)
    expect((await ok<{ plans: unknown[] }>(westerner.get('/api/plans'))).plans).toEqual([])
    expect((await ok<{ tasks: unknown[] }>(westerner.get('/api/tasks?scope=all'))).tasks).toEqual(
      [],
    )
    expect((await ok<{ policies: unknown[] }>(westerner.get('/api/policies'))).policies).toEqual([])
    expect((await westerner.get(`/api/plans/${started.plan.id}`)).status).toBe(404)

    // Deactivating a person ends its session at once.
    const leaving = JOURNEY_STAFF[0]!
    const leavingId = imported.created.find((each) => each.user.username === leaving.username)!
    const users = await ok<{ users: Array<{ id: string; username: string }> }>(
      officer.get('/api/users'),
    )
    const id = users.users.find((user) => user.username === leavingId.user.username)!.id
    await ok(send(officer, 'PATCH', `/api/users/${id}`, { active: false }))
    expect((await sessions.get(leaving.username)!.get('/api/tasks')).status).toBe(401)
    expect((await sessions.get(JOURNEY_STAFF[1]!.username)!.get('/api/tasks')).status).toBe(200)

    const verified = await ok<{ ok: boolean }>(chief.get('/api/audit/verify'))
    expect(verified.ok).toBe(true)
  }, 120_000)
})
