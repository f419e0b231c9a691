/**
 * Regions as managed data, over the real app and database: a system administrator builds the
 * tree of regions and names their administrators; a region administrator manages its region's
 * accounts only; authors publish into their own region, under the region's own name; nobody sees
 * another region's policies, plans or tasks, while the leaders and administrators of a region
 * above read down without acting.
 */
import { MINIMAL_POLICY, MINIMAL_SOURCE } from '../helpers/minimal-policy.ts'
import { logIn, loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Issue {
  pointer: string
  code?: string
}
interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; issues?: Issue[] }
}
interface Region {
  id: string
  name: string
  parentId: string | null
}

let t: TestApp
let root: Client

beforeEach(async () => {
  t = await makeTestApp()
  root = await loginAs(t, 'root', { roles: ['admin'] })
})
afterEach(async () => {
  await t.db.destroy()
})

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error

async function region(body: Record<string, unknown>): Promise<Region> {
  const response = await root.post('/api/regions', body)
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { region: Region }).region
}

/** The minimal policy under another id, naming another county. */
const policyText = (id: string, county: string) =>
  MINIMAL_POLICY.replace('id: demo-county-plan', `id: ${id}`).replace(
    'name: 示范县, level: county',
    `name: ${county}, level: county`,
  )

const publish = (client: Client, id: string, county: string, extra: object = {}) =>
  client.post('/api/policies', {
    yaml: policyText(id, county),
    sourceText: MINIMAL_SOURCE,
    ...extra,
  })

/** An account made by the system administrator through the API, logged in. */
async function account(
  username: string,
  body: { roles: string[]; regionId: string | null; units?: object[] },
): Promise<Client> {
  const created = await root.post('/api/users', {
    username,
    displayName: username,
    password: 'Region-Pass-2024',
    ...body,
  })
  expect(created.status, await created.clone().text()).toBe(201)
  return logIn(t, username, 'Region-Pass-2024')
}

describe('the regions', () => {
  it('are made by a system administrator into a tree, each with its own division code', async () => {
    const city = await region({ name: '示范市', level: 'prefecture', divisionCode: '350900' })
    const county = await region({ name: '东县', level: 'county', parentId: city.id })
    expect(county.parentId).toBe(city.id)

    const below = await root.patch(`/api/regions/${city.id}`, { parentId: county.id })
    expect(below.status).toBe(422)
    expect((await errorOf(below)).issues).toEqual([
      expect.objectContaining({ pointer: '/parentId', code: 'region-cycle' }),
    ])
    const taken = await root.post('/api/regions', {
      name: '西县',
      level: 'county',
      divisionCode: '350900',
    })
    expect(taken.status).toBe(422)
    expect((await errorOf(taken)).issues).toEqual([
      expect.objectContaining({ pointer: '/divisionCode', code: 'duplicate' }),
    ])

    const officer = await loginAs(t, 'officer', { roles: ['region-admin'], regionId: county.id })
    expect((await officer.post('/api/regions', { name: '北县', level: 'county' })).status).toBe(403)
    const seen = (await (await officer.get('/api/regions')).json()) as { regions: Region[] }
    expect(seen.regions.map((r) => r.name)).toEqual(['东县'])
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'region')
      .execute()
    expect(audit.map((row) => row.action)).toEqual(['region.create', 'region.create'])
  })
})

describe('a region administrator', () => {
  it('manages its own region’s accounts and no other, giving the everyday roles only', async () => {
    const east = await region({ name: '东县', level: 'county' })
    const west = await region({ name: '西县', level: 'county' })
    const officer = await account('east.admin', { roles: ['region-admin'], regionId: east.id })
    const westerner = await account('west.clerk', { roles: ['department'], regionId: west.id })
    const everyone = (await (await root.get('/api/users')).json()) as {
      users: Array<{ id: string; username: string }>
    }
    const westId = everyone.users.find((user) => user.username === 'west.clerk')!.id

    const made = await officer.post('/api/users', {
      username: 'east.clerk',
      displayName: '东县职员',
      roles: ['author'],
    })
    expect(made.status, await made.clone().text()).toBe(201)
    expect(((await made.json()) as { user: { regionId: string } }).user.regionId).toBe(east.id)

    const listed = (await (await officer.get('/api/users')).json()) as {
      users: Array<{ username: string }>
    }
    expect(listed.users.map((user) => user.username).sort()).toEqual(['east.admin', 'east.clerk'])

    const elsewhere = await officer.post('/api/users', {
      username: 'east.spy',
      displayName: 'x',
      roles: ['admin'],
      regionId: west.id,
    })
    expect(elsewhere.status).toBe(422)
    expect((await errorOf(elsewhere)).issues?.map((issue) => issue.code).sort()).toEqual([
      'other-region',
      'role-not-grantable',
    ])
    expect((await officer.patch(`/api/users/${westId}`, { active: false })).status).toBe(404)
    expect((await officer.post(`/api/users/${westId}/password-reset`)).status).toBe(404)
    expect((await westerner.get('/api/auth/me')).status).toBe(200)
    expect((await westerner.get('/api/users')).status).toBe(403)
  })

  it('imports accounts into its own region only', async () => {
    const east = await region({ name: '东县', level: 'county' })
    const eastAuthor = await account('east.author', { roles: ['author'], regionId: east.id })
    expect((await publish(eastAuthor, 'east-plan', '东县')).status).toBe(201)
    const officer = await account('east.admin', { roles: ['region-admin'], regionId: east.id })
    const csv = [
      '姓名,用户名,单位,角色,手机',
      '卫健局张三,east.zhang,县卫健局,部门,',
      '财政局李四,east.li,east-plan/finance-bureau,管理员,',
    ].join('\n')
    const upload = (text: string) =>
      officer.raw('/api/users/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'users.csv' },
        body: new TextEncoder().encode(text),
      })
    const refused = await upload(csv)
    expect(refused.status).toBe(422)
    const report = (await refused.json()) as {
      error: { issues: Array<{ row: number; column: string; code: string }> }
    }
    expect(report.error.issues).toEqual([
      expect.objectContaining({ row: 3, column: '角色', code: 'invalid-row' }),
    ])
    const accepted = await upload(csv.replace('管理员', '部门'))
    expect(accepted.status, await accepted.clone().text()).toBe(200)
    const created = await t.db
      .selectFrom('app_user')
      .select(['username', 'region_id'])
      .where('username', 'in', ['east.zhang', 'east.li'])
      .execute()
    expect(created.map((row) => row.region_id)).toEqual([east.id, east.id])
  })

  it('is named by a system administrator, in a region, and a system administrator in none', async () => {
    const east = await region({ name: '东县', level: 'county' })
    const adrift = await root.post('/api/users', {
      username: 'adrift',
      displayName: 'x',
      roles: ['region-admin'],
    })
    expect((await errorOf(adrift)).issues).toEqual([
      expect.objectContaining({ pointer: '/regionId', code: 'region-admin-without-region' }),
    ])
    const placed = await root.post('/api/users', {
      username: 'placed',
      displayName: 'x',
      roles: ['admin'],
      regionId: east.id,
    })
    expect((await errorOf(placed)).issues).toEqual([
      expect.objectContaining({ pointer: '/regionId', code: 'admin-in-region' }),
    ])
    const officer = await account('east.admin', { roles: ['region-admin'], regionId: east.id })
    const me = (await (await officer.get('/api/auth/me')).json()) as {
      user: { regionId: string }
    }
    expect(me.user.regionId).toBe(east.id)
  })
})

describe('publishing by region', () => {
  it('puts a new policy in its author’s region, under that region’s own name, and no other region may take its id', async () => {
    const east = await region({ name: '东县', level: 'county' })
    const west = await region({ name: '西县', level: 'county' })
    const eastAuthor = await account('east.author', { roles: ['author'], regionId: east.id })
    const westAuthor = await account('west.author', { roles: ['author'], regionId: west.id })

    const first = await publish(eastAuthor, 'east-plan', '东县')
    expect(first.status, await first.clone().text()).toBe(201)
    const owner = await t.db
      .selectFrom('policy')
      .select('region_id')
      .where('id', '=', 'east-plan')
      .executeTakeFirstOrThrow()
    expect(owner.region_id).toBe(east.id)

    const misnamed = await publish(eastAuthor, 'east-plan-2', '西县')
    expect(misnamed.status).toBe(422)
    expect((await errorOf(misnamed)).issues).toEqual([
      expect.objectContaining({ pointer: '/metadata/region', code: 'region-mismatch' }),
    ])
    const takeover = await publish(westAuthor, 'east-plan', '西县')
    expect(takeover.status).toBe(409)
    const intoEast = await publish(westAuthor, 'west-plan', '西县', { regionId: east.id })
    expect(intoEast.status).toBe(422)
    expect((await errorOf(intoEast)).issues).toEqual([
      expect.objectContaining({ pointer: '/regionId' }),
    ])

    const westSees = (await (await westAuthor.get('/api/policies')).json()) as {
      policies: Array<{ policyId: string }>
    }
    expect(westSees.policies).toEqual([])
    expect((await westAuthor.get('/api/policies/east-plan/versions')).status).toBe(404)
    expect(
      (await t.db.selectFrom('policy_version').select('policy_id').execute()).map(
        (row) => row.policy_id,
      ),
    ).toEqual(['east-plan'])
  })

  it('lets an author above every region publish a region’s first policy, making the region from the config', async () => {
    const author = await loginAs(t, 'platform', { roles: ['author'] })
    expect((await publish(author, 'north-plan', '北县')).status).toBe(201)
    const regions = (await (await root.get('/api/regions')).json()) as { regions: Region[] }
    expect(regions.regions.map((r) => r.name)).toEqual(['北县'])
  })
})

describe('what a region sees', () => {
  it('shows a region’s plan and tasks to its own people and the region above, and nothing to another region', async () => {
    const city = await region({ name: '示范市', level: 'prefecture' })
    const east = await region({ name: '东县', level: 'county', parentId: city.id })
    const west = await region({ name: '西县', level: 'county', parentId: city.id })
    const eastAuthor = await account('east.author', { roles: ['author'], regionId: east.id })
    expect((await publish(eastAuthor, 'east-plan', '东县')).status).toBe(201)
    const started = await eastAuthor.post('/api/plans', { policyId: 'east-plan', version: '1.0.0' })
    expect(started.status, await started.clone().text()).toBe(201)
    const planId = ((await started.json()) as { plan: { id: string } }).plan.id

    const bureau = await account('east.health', {
      roles: ['department'],
      regionId: east.id,
      units: [{ policyId: 'east-plan', unitId: 'health-bureau' }],
    })
    const westOfficer = await account('west.admin', { roles: ['region-admin'], regionId: west.id })
    const westAuthor = await account('west.author', { roles: ['author'], regionId: west.id })
    const cityLeader = await account('city.leader', { roles: ['leader'], regionId: city.id })

    const tasksOf = async (client: Client) =>
      (
        (await (await client.get('/api/tasks?scope=all')).json()) as {
          tasks: Array<{ id: string; assignee: { id: string } }>
        }
      ).tasks
    const bureauTasks = await tasksOf(bureau)
    expect(bureauTasks.length).toBeGreaterThan(0)
    expect(new Set(bureauTasks.map((task) => task.assignee.id))).toEqual(new Set(['health-bureau']))

    for (const outsider of [westOfficer, westAuthor]) {
      expect(
        ((await (await outsider.get('/api/plans')).json()) as { plans: unknown[] }).plans,
      ).toEqual([])
      expect((await outsider.get(`/api/plans/${planId}`)).status).toBe(404)
      expect(await tasksOf(outsider)).toEqual([])
      expect(
        (await outsider.post('/api/plans', { policyId: 'east-plan', version: '1.0.0' })).status,
      ).toBe(404)
    }

    const plans = (await (await cityLeader.get('/api/plans')).json()) as {
      plans: Array<{ id: string }>
    }
    expect(plans.plans.map((plan) => plan.id)).toEqual([planId])
    const cityTasks = await tasksOf(cityLeader)
    expect(cityTasks.length).toBeGreaterThan(bureauTasks.length)
    const acted = await cityLeader.post(`/api/tasks/${bureauTasks[0]!.id}/events`, {
      type: 'START',
    })
    expect(acted.status).toBeGreaterThanOrEqual(403)
    expect(acted.status).toBeLessThan(500)
  })
})
