/**
 * Region against region, over the real app and database: an account of region A — a unit, an
 * author, a leader, a region administrator — tries every route on region B's plan, tasks,
 * policy, files, audit entries and accounts, and meets nothing; a region administrator tries to
 * reach past its everyday powers; the leaders and administrators of a region above read down
 * without acting. Two copies of the minimal policy stand for the regions (helpers/two-regions.ts).
 */
import { MINIMAL_POLICY, MINIMAL_SOURCE, withReplaced } from '../helpers/minimal-policy.ts'
import { startTwoRegions } from '../helpers/two-regions.ts'
import type { RegionPlan } from '../helpers/two-regions.ts'
import { loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface Issue {
  pointer: string
  code?: string
  message: { zh: string; en: string }
}
interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; issues?: Issue[] }
}

let t: TestApp
let a: RegionPlan
let b: RegionPlan
let regionA: string
let regionB: string
let bTask: string
let bAttachment: string
let bUser: string
let bHealth: Client

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error

async function regionOf(policyId: string): Promise<string> {
  const row = await t.db
    .selectFrom('policy')
    .select('region_id')
    .where('id', '=', policyId)
    .executeTakeFirstOrThrow()
  return row.region_id
}

async function userId(username: string): Promise<string> {
  const row = await t.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
  return row.id
}

beforeEach(async () => {
  t = await makeTestApp()
  ;({ a, b } = await startTwoRegions(t))
  regionA = await regionOf(a.policyId)
  regionB = await regionOf(b.policyId)
  bHealth = await loginAs(t, 'b.health', {
    regionId: regionB,
    units: [{ policyId: b.policyId, unitId: 'health-bureau' }],
  })
  bUser = await userId('b.health')
  const task = await t.db
    .selectFrom('task')
    .select('id')
    .where('plan_id', '=', b.planId)
    .where('assignee', '=', 'health-bureau')
    .executeTakeFirstOrThrow()
  bTask = task.id
  const uploaded = await bHealth.raw('/api/attachments', {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent('乙县佐证.txt') },
    body: '乙县的佐证材料',
  })
  expect(uploaded.status, await uploaded.clone().text()).toBe(201)
  bAttachment = ((await uploaded.json()) as { id: string }).id
})
afterEach(async () => {
  await t.db.destroy()
})

/** Region A's people, each kind of account once. */
async function regionAPeople(): Promise<Record<string, Client>> {
  return {
    unit: await loginAs(t, 'a.health', {
      regionId: regionA,
      units: [{ policyId: a.policyId, unitId: 'health-bureau' }],
    }),
    author: await loginAs(t, 'a.author', { roles: ['author'], regionId: regionA }),
    leader: await loginAs(t, 'a.leader', {
      roles: ['leader'],
      regionId: regionA,
      units: [{ policyId: a.policyId, unitId: 'leading-group' }],
    }),
    officer: await loginAs(t, 'a.admin', { roles: ['region-admin'], regionId: regionA }),
  }
}

/** Every read of one of a region's things, by route: region B's unless told. */
const bReads = (plan = b, task = bTask, attachment = bAttachment) => [
  `/api/plans/${plan.planId}`,
  `/api/plans/${plan.planId}/progress`,
  `/api/plans/${plan.planId}/escalations`,
  `/api/plans/${plan.planId}/ledger`,
  `/api/plans/${plan.planId}/ledger.xlsx`,
  `/api/plans/${plan.planId}/bulletin`,
  `/api/plans/${plan.planId}/bulletin.docx`,
  `/api/plans/${plan.planId}/tasks/${task}/supervision-notice`,
  `/api/plans/${plan.planId}/tasks/${task}/supervision-notice.docx`,
  `/api/plans/${plan.planId}/groups/hospitals/members`,
  `/api/plans/${plan.planId}/indicator-values`,
  `/api/plans/${plan.planId}/indicator-values/template.xlsx`,
  `/api/plans/${plan.planId}/indicator-values/inputs`,
  `/api/plans/${plan.planId}/indicators`,
  `/api/plans/${plan.planId}/assessments`,
  `/api/plans/${plan.planId}/assessments/annual/runs/2019`,
  `/api/plans/${plan.planId}/assessments/annual/runs/2019/units/${plan.policyId}-hospital`,
  `/api/plans/${plan.planId}/assessments/annual/runs/2019/report.xlsx`,
  `/api/plans/${plan.planId}/assessments/annual/runs/2019/units/${plan.policyId}-hospital/report.xlsx`,
  `/api/tasks/${task}`,
  `/api/attachments/${attachment}`,
  `/api/policies/${plan.policyId}/versions`,
  `/api/policies/${plan.policyId}/versions/1.0.0`,
  `/api/policies/${plan.policyId}/versions/1.0.0/source`,
  `/api/policies/${plan.policyId}/diff?from=1.0.0&to=1.0.0`,
]

/** Every write on one of region B's things, by route, with a body that is otherwise valid. */
const bWrites = (): Array<[string, string, unknown, Record<string, string>?]> => [
  ['POST', `/api/tasks/${bTask}/events`, { type: 'START' }],
  [
    'PUT',
    `/api/plans/${b.planId}/indicator-values`,
    { values: [{ element: 'county_visits', unit: 'health-bureau', period: '2019', value: 1 }] },
  ],
  ['POST', `/api/plans/${b.planId}/phases/supervision/sign-off`, {}],
  [
    'PUT',
    `/api/plans/${b.planId}/groups/hospitals/members`,
    { members: [] },
    { 'if-match': '"x"' },
  ],
  ['POST', `/api/plans/${b.planId}/assessments/annual/runs`, { year: 2019 }],
  ['POST', `/api/plans/${b.planId}/assessments/annual/runs/2019/review`, {}],
  ['POST', `/api/plans/${b.planId}/assessments/annual/runs/2019/publish`, {}],
]

const send = (client: Client, method: string, path: string, body: unknown, headers = {}) =>
  method === 'PUT' ? client.put(path, body, headers) : client.post(path, body, headers)

describe('an account of region A', () => {
  it('finds none of region B’s plan, tasks, values, assessments, files or policy, by any read route', async () => {
    const people = await regionAPeople()
    for (const [kind, client] of Object.entries(people))
      for (const path of bReads())
        expect((await client.get(path)).status, `${kind} GET ${path}`).toBe(404)
    // The same routes on region A's own things answer its leader (no assessment run exists yet).
    const aTask = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', a.planId)
      .where('assignee', '=', 'health-bureau')
      .executeTakeFirstOrThrow()
    const uploaded = await people.leader!.raw('/api/attachments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-filename': 'a.txt' },
      body: '甲县',
    })
    const aAttachment = ((await uploaded.json()) as { id: string }).id
    for (const path of bReads(a, aTask.id, aAttachment).filter((p) => !p.includes('/runs/')))
      expect((await people.leader!.get(path)).status, `leader GET ${path}`).toBe(200)
  })

  it('lists nothing of region B: plans, tasks, policies, regions, audit entries, accounts', async () => {
    const people = await regionAPeople()
    for (const [kind, client] of Object.entries(people)) {
      const plans = (await (await client.get('/api/plans')).json()) as {
        plans: Array<{ id: string }>
      }
      expect(
        plans.plans.map((plan) => plan.id),
        kind,
      ).not.toContain(b.planId)
      for (const query of ['?scope=all', `?plan=${b.planId}&scope=all`, `?plan=${b.planId}`]) {
        const tasks = (await (await client.get(`/api/tasks${query}`)).json()) as {
          tasks: Array<{ planId: string }>
        }
        expect(
          tasks.tasks.filter((task) => task.planId === b.planId),
          `${kind} ${query}`,
        ).toEqual([])
      }
      const policies = (await (await client.get('/api/policies')).json()) as {
        policies: Array<{ policyId: string }>
      }
      expect(
        policies.policies.map((policy) => policy.policyId),
        kind,
      ).not.toContain(b.policyId)
      const regions = (await (await client.get('/api/regions')).json()) as {
        regions: Array<{ id: string }>
      }
      expect(
        regions.regions.map((region) => region.id),
        kind,
      ).toEqual([regionA])
    }
    for (const kind of ['leader', 'officer'] as const) {
      const audit = (await (await people[kind]!.get('/api/audit?limit=2000')).json()) as {
        entries: Array<{ entity: string; entity_id: string; actor: string }>
      }
      const aboutB = audit.entries.filter(
        (entry) =>
          entry.entity_id.startsWith(b.planId) ||
          entry.entity_id === bTask ||
          entry.entity_id === bAttachment ||
          entry.entity_id === bUser ||
          entry.entity_id === regionB ||
          entry.actor === bUser,
      )
      expect(aboutB, kind).toEqual([])
    }
    for (const query of ['', `?regionId=${regionB}`]) {
      const users = (await (await people.officer!.get(`/api/users${query}`)).json()) as {
        users: Array<{ id: string; regionId: string }>
      }
      expect(users.users.length).toBeGreaterThan(0)
      expect(new Set(users.users.map((user) => user.regionId))).toEqual(new Set([regionA]))
    }
  })

  it('changes nothing of region B: no event, value, sign-off, member, assessment or plan', async () => {
    const people = await regionAPeople()
    const before = await t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', b.planId)
      .execute()
    for (const [kind, client] of Object.entries(people)) {
      for (const [method, path, body, headers] of bWrites())
        expect(
          (await send(client, method, path, body, headers)).status,
          `${kind} ${method} ${path}`,
        ).toBe(404)
      const imported = await client.raw(`/api/plans/${b.planId}/indicator-values/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'values.csv' },
        body: '单位,指标,期间,数值\n县卫健局,县域内就诊人次,2019,1\n',
      })
      expect(imported.status, `${kind} import`).toBe(404)
    }
    for (const kind of ['author', 'officer'] as const) {
      const started = await people[kind]!.post('/api/plans', {
        policyId: b.policyId,
        version: '1.0.0',
      })
      expect(started.status, kind).toBe(404)
      expect((await people[kind]!.get(`/api/policies/${b.policyId}/versions`)).status).toBe(404)
    }
    // The same kind of write on region A's own task goes through.
    const aTask = await t.db
      .selectFrom('task')
      .select('id')
      .where('plan_id', '=', a.planId)
      .where('assignee', '=', 'health-bureau')
      .where('state', '=', 'assigned')
      .executeTakeFirstOrThrow()
    expect(
      (await people.unit!.post(`/api/tasks/${aTask.id}/events`, { type: 'START' })).status,
    ).toBe(200)
    expect(
      await t.db.selectFrom('task').selectAll().where('plan_id', '=', b.planId).execute(),
    ).toEqual(before)
    expect(
      await t.db.selectFrom('plan').select('id').where('policy_id', '=', b.policyId).execute(),
    ).toHaveLength(1)
    expect(await t.db.selectFrom('indicator_value').select('plan_id').execute()).toEqual([])
    expect(await t.db.selectFrom('sign_off').select('plan_id').execute()).toEqual([])
  })

  it('guessing ids: a made-up plan, task or file answers exactly as region B’s', async () => {
    const { unit } = await regionAPeople()
    const pairs = [
      [`/api/plans/${b.planId}`, '/api/plans/no-such-plan'],
      [`/api/tasks/${bTask}`, '/api/tasks/no-such-task'],
      [`/api/attachments/${bAttachment}`, '/api/attachments/no-such-file'],
      [`/api/policies/${b.policyId}/versions`, '/api/policies/no-such-policy/versions'],
    ]
    for (const [real, madeUp] of pairs) {
      const [seen, none] = [await unit!.get(real!), await unit!.get(madeUp!)]
      expect([seen.status, await seen.json()]).toEqual([none.status, await none.json()])
    }
  })
})

describe('a region administrator', () => {
  it('leaves the other administrators of its region alone: no password reset, demotion or deactivation', async () => {
    const officer = await loginAs(t, 'a.admin', { roles: ['region-admin'], regionId: regionA })
    await loginAs(t, 'a.admin2', { roles: ['region-admin'], regionId: regionA })
    const peer = await userId('a.admin2')
    const reset = await officer.post(`/api/users/${peer}/password-reset`)
    expect(reset.status).toBe(403)
    expect(await reset.json()).not.toHaveProperty('oneTimePassword')
    for (const change of [{ roles: ['department'] }, { active: false }, { displayName: '换名' }])
      expect(
        (await officer.patch(`/api/users/${peer}`, change)).status,
        JSON.stringify(change),
      ).toBe(403)
    const after = await t.db
      .selectFrom('app_user')
      .select(['roles', 'active', 'must_change_password', 'display_name'])
      .where('id', '=', peer)
      .executeTakeFirstOrThrow()
    expect(after).toEqual({
      roles: JSON.stringify(['region-admin']),
      active: 1,
      must_change_password: 0,
      display_name: 'a.admin2',
    })
    // Its everyday accounts it still manages.
    await loginAs(t, 'a.clerk', { roles: ['department'], regionId: regionA })
    const clerk = await userId('a.clerk')
    expect((await officer.post(`/api/users/${clerk}/password-reset`)).status).toBe(200)
    expect((await officer.patch(`/api/users/${clerk}`, { roles: ['leader'] })).status).toBe(200)
  })
})

describe('an account’s units', () => {
  it('tell a region administrator nothing of another region’s policies and units, created or imported', async () => {
    const officer = await loginAs(t, 'a.admin', { roles: ['region-admin'], regionId: regionA })
    // Region B's real unit, a unit B's policy lacks, and a policy nobody published.
    const tries = [
      { policyId: b.policyId, unitId: 'health-bureau' },
      { policyId: b.policyId, unitId: 'no-such-unit' },
      { policyId: 'no-such-plan', unitId: 'health-bureau' },
    ]
    const shape = (issue: Issue, policyId: string) => ({
      pointer: issue.pointer,
      code: issue.code,
      message: JSON.stringify(issue.message).replaceAll(policyId, 'P'),
    })
    const created = []
    for (const unit of tries) {
      const response = await officer.post('/api/users', {
        username: 'a.spy',
        displayName: 'x',
        roles: ['department'],
        units: [unit],
      })
      expect(response.status).toBe(422)
      created.push((await errorOf(response)).issues!.map((issue) => shape(issue, unit.policyId)))
    }
    expect(created[1]).toEqual(created[0])
    expect(created[2]).toEqual(created[0])

    const imported = []
    for (const unit of tries) {
      const response = await officer.raw('/api/users/import?dryRun=true', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'x-filename': 'users.csv' },
        body: new TextEncoder().encode(
          `姓名,用户名,单位,角色,手机\n探子,a.spy,${unit.policyId}/${unit.unitId},部门,\n`,
        ),
      })
      expect(response.status).toBe(200)
      const report = (await response.json()) as { rows: Array<{ ok: boolean; issues: Issue[] }> }
      expect(report.rows[0]!.ok).toBe(false)
      imported.push(report.rows[0]!.issues.map((issue) => shape(issue, unit.policyId)))
    }
    expect(imported[1]).toEqual(imported[0])
    expect(imported[2]).toEqual(imported[0])
  })
})

describe('publishing', () => {
  it('into another region’s policy id answers one 409, telling nothing of its versions or source', async () => {
    const author = await loginAs(t, 'a.author', { roles: ['author'], regionId: regionA })
    // Region B's policy as published (helpers/two-regions.ts), and variations on it.
    const bYaml = withReplaced(
      'region: { name: 示范县,',
      'region: { name: 乙县,',
      withReplaced('id: demo-county-plan', `id: ${b.policyId}`, MINIMAL_POLICY),
    )
    const attempts = [
      { yaml: bYaml.replace('version: 1.0.0', 'version: 1.1.0'), sourceText: MINIMAL_SOURCE },
      {
        yaml: bYaml.replace('title: 示范县医改实施方案', 'title: 乙县方案'),
        sourceText: MINIMAL_SOURCE,
      },
      { yaml: bYaml, sourceText: `${MINIMAL_SOURCE}\n补充` },
      { yaml: bYaml, sourceText: MINIMAL_SOURCE },
    ]
    const answers = []
    for (const attempt of attempts) {
      const response = await author.post('/api/policies', attempt)
      answers.push([response.status, await response.json()])
    }
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0])
    expect(answers[0]![0]).toBe(409)
    expect(
      (
        await t.db
          .selectFrom('policy_version')
          .select('version')
          .where('policy_id', '=', b.policyId)
          .execute()
      ).map((row) => row.version),
    ).toEqual(['1.0.0'])
  })
})

/** A city made above region A by a system administrator; its id. */
async function cityAboveA(): Promise<string> {
  const root = await loginAs(t, 'root', { roles: ['admin'] })
  const made = await root.post('/api/regions', { name: '示范市', level: 'prefecture' })
  const city = ((await made.json()) as { region: { id: string } }).region.id
  expect((await root.patch(`/api/regions/${regionA}`, { parentId: city })).status).toBe(200)
  return city
}

describe('the region above', () => {
  it('reads the indicator values its counties entered', async () => {
    const city = await cityAboveA()
    const { leader } = await regionAPeople()
    const entered = await leader!.put(`/api/plans/${a.planId}/indicator-values`, {
      values: [{ element: 'county_visits', unit: 'health-bureau', period: '2019', value: 7 }],
    })
    expect(entered.status, await entered.clone().text()).toBe(200)
    for (const role of ['leader', 'region-admin'] as const) {
      const reader = await loginAs(t, `city.${role}`, { roles: [role], regionId: city })
      const read = (await (await reader.get(`/api/plans/${a.planId}/indicator-values`)).json()) as {
        values: Array<{ unit: string; value: unknown }>
      }
      expect(
        read.values.map((row) => [row.unit, row.value]),
        role,
      ).toEqual([['health-bureau', '7']])
    }
    // Region B's people still read none of them.
    const none = await bHealth.get(`/api/plans/${a.planId}/indicator-values`)
    expect(none.status).toBe(404)
  })

  it('reads its counties’ plans, tasks and figures, and acts on none of them', async () => {
    const city = await cityAboveA()
    const aTask = await t.db
      .selectFrom('task')
      .selectAll()
      .where('plan_id', '=', a.planId)
      .where('assignee', '=', 'health-bureau')
      .where('state', '=', 'assigned')
      .executeTakeFirstOrThrow()
    const aYaml = withReplaced(
      'region: { name: 示范县,',
      'region: { name: 甲县,',
      withReplaced('id: demo-county-plan', `id: ${a.policyId}`, MINIMAL_POLICY),
    ).replace('version: 1.0.0', 'version: 1.1.0')
    const above = {
      leader: await loginAs(t, 'city.leader', { roles: ['leader'], regionId: city }),
      officer: await loginAs(t, 'city.admin', { roles: ['region-admin'], regionId: city }),
      author: await loginAs(t, 'city.author', { roles: ['author'], regionId: city }),
    }
    for (const [kind, client] of Object.entries(above)) {
      const reads = kind === 'author' ? 404 : 200
      for (const path of [
        `/api/plans/${a.planId}`,
        `/api/tasks/${aTask.id}`,
        `/api/plans/${a.planId}/indicators`,
      ])
        expect((await client.get(path)).status, `${kind} GET ${path}`).toBe(reads)
      const writes: Array<[string, string, unknown, Record<string, string>?]> = [
        ['POST', `/api/tasks/${aTask.id}/events`, { type: 'START' }],
        ['POST', `/api/plans/${a.planId}/phases/supervision/sign-off`, {}],
        [
          'PUT',
          `/api/plans/${a.planId}/groups/hospitals/members`,
          { members: [] },
          { 'if-match': '"x"' },
        ],
        ['POST', `/api/plans/${a.planId}/assessments/annual/runs`, { year: 2019 }],
      ]
      for (const [method, path, body, headers] of writes)
        expect(
          (await send(client, method, path, body, headers)).status,
          `${kind} ${method} ${path}`,
        ).toBe(kind === 'author' ? 404 : 403)
      const values = await client.put(`/api/plans/${a.planId}/indicator-values`, {
        values: [{ element: 'county_visits', unit: 'health-bureau', period: '2019', value: 1 }],
      })
      expect(values.status, `${kind} PUT values`).toBe(kind === 'author' ? 404 : 422)
      const started = await client.post('/api/plans', { policyId: a.policyId, version: '1.0.0' })
      expect(started.status, `${kind} start`).toBe(kind === 'leader' ? 403 : 404)
      const published = await client.post('/api/policies', {
        yaml: aYaml,
        sourceText: MINIMAL_SOURCE,
      })
      expect(published.status, `${kind} publish`).toBe(kind === 'leader' ? 403 : 409)
    }
    const unitOfA = await above.officer.post('/api/users', {
      username: 'city.clerk',
      displayName: 'x',
      roles: ['department'],
      units: [{ policyId: a.policyId, unitId: 'health-bureau' }],
    })
    expect(unitOfA.status).toBe(422)
    const intoA = await above.officer.post('/api/users', {
      username: 'city.clerk',
      displayName: 'x',
      roles: ['department'],
      regionId: regionA,
    })
    expect(intoA.status).toBe(422)
    expect(
      await t.db.selectFrom('task').selectAll().where('id', '=', aTask.id).executeTakeFirst(),
    ).toEqual(aTask)
    expect(await t.db.selectFrom('indicator_value').select('plan_id').execute()).toEqual([])
    expect(await t.db.selectFrom('sign_off').select('plan_id').execute()).toEqual([])
    expect(await t.db.selectFrom('plan').select('id').execute()).toHaveLength(2)
    expect(await t.db.selectFrom('policy_version').select('id').execute()).toHaveLength(2)
  })
})

describe('a region administrator without a region', () => {
  it.each([
    ['no region at all', undefined],
    ['a region that does not exist', 'no-such-region'],
  ])('on %s sees, manages and publishes nothing', async (_, regionId) => {
    const officer = await loginAs(t, 'adrift', {
      roles: ['region-admin'],
      ...(regionId ? { regionId } : {}),
    })
    const list = async (path: string, key: string) =>
      ((await (await officer.get(path)).json()) as Record<string, unknown[]>)[key]
    expect(await list('/api/plans', 'plans')).toEqual([])
    expect(await list('/api/policies', 'policies')).toEqual([])
    // Only itself, in a region nobody else is in.
    const users = (await list('/api/users', 'users')) as Array<{ username: string }>
    expect(users.map((user) => user.username)).toEqual(regionId ? ['adrift'] : [])
    expect(await list('/api/tasks?scope=all', 'tasks')).toEqual([])
    const audit = (await list('/api/audit', 'entries')) as Array<{ actor: string }>
    const me = await userId('adrift')
    expect(audit.filter((entry) => entry.actor !== me)).toEqual([])
    for (const path of bReads()) expect((await officer.get(path)).status, path).toBe(404)
    expect((await officer.post(`/api/users/${bUser}/password-reset`)).status).toBe(404)
    const created = await officer.post('/api/users', {
      username: 'x.clerk',
      displayName: 'x',
      roles: ['department'],
    })
    expect(created.status).toBe(422)
    const started = await officer.post('/api/plans', { policyId: b.policyId, version: '1.0.0' })
    expect(started.status).toBe(404)
    expect(
      await t.db.selectFrom('app_user').select('id').where('username', '=', 'x.clerk').execute(),
    ).toEqual([])
  })
})

describe('regions', () => {
  it('are made and changed by a system administrator only', async () => {
    const people = await regionAPeople()
    for (const [kind, client] of Object.entries(people)) {
      expect(
        (await client.post('/api/regions', { name: '丙县', level: 'county' })).status,
        kind,
      ).toBe(403)
      expect(
        (await client.patch(`/api/regions/${regionB}`, { parentId: regionA })).status,
        kind,
      ).toBe(403)
      expect((await client.patch(`/api/regions/${regionA}`, { name: '改名' })).status, kind).toBe(
        403,
      )
    }
    const regions = await t.db
      .selectFrom('region')
      .select(['name', 'parent_id'])
      .orderBy('name')
      .execute()
    expect(regions).toEqual(
      [
        { name: '乙县', parent_id: null },
        { name: '甲县', parent_id: null },
      ].sort((x, y) => x.name.localeCompare(y.name)),
    )
  })

  it('a region administrator neither moves an account elsewhere, grants an administrator role, nor finds a system administrator’s or another region’s account', async () => {
    const officer = await loginAs(t, 'a.admin', { roles: ['region-admin'], regionId: regionA })
    await loginAs(t, 'a.clerk', { roles: ['department'], regionId: regionA })
    const clerk = await userId('a.clerk')
    for (const change of [
      { regionId: regionB },
      { regionId: null },
      { roles: ['admin'] },
      { roles: ['region-admin'] },
      { units: [{ policyId: b.policyId, unitId: 'health-bureau' }] },
    ])
      expect(
        (await officer.patch(`/api/users/${clerk}`, change)).status,
        JSON.stringify(change),
      ).toBe(422)
    for (const body of [
      { regionId: regionB, roles: ['department'] },
      { regionId: null, roles: ['author'] },
      { roles: ['region-admin'] },
    ])
      expect(
        (await officer.post('/api/users', { username: 'a.new', displayName: 'x', ...body })).status,
        JSON.stringify(body),
      ).toBe(422)
    const imported = await officer.raw(`/api/users/import?regionId=${regionB}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-filename': 'users.csv' },
      body: new TextEncoder().encode('姓名,用户名,单位,角色,手机\n新人,a.import,,部门,\n'),
    })
    expect(imported.status, await imported.clone().text()).toBe(200)
    const rows = await t.db
      .selectFrom('app_user')
      .select(['username', 'region_id', 'roles'])
      .where('username', 'in', ['a.clerk', 'a.new', 'a.import'])
      .orderBy('username')
      .execute()
    expect(rows).toEqual([
      { username: 'a.clerk', region_id: regionA, roles: JSON.stringify(['department']) },
      { username: 'a.import', region_id: regionA, roles: JSON.stringify(['department']) },
    ])
    expect((await officer.get('/api/audit/verify')).status).toBe(403)
    // A system administrator's account and another region's are not there for it at all.
    await loginAs(t, 'root', { roles: ['admin'] })
    for (const other of [await userId('root'), bUser]) {
      expect((await officer.post(`/api/users/${other}/password-reset`)).status).toBe(404)
      expect((await officer.patch(`/api/users/${other}`, { displayName: 'x' })).status).toBe(404)
    }
  })
})

describe('an account holding admin in a region', () => {
  it('counts as no system administrator anywhere: the role is dropped when it signs in', async () => {
    const t = await makeTestApp()
    await t.db
      .insertInto('region')
      .values({
        id: 'somewhere',
        name: '某县',
        level: 'county',
        parent_id: null,
        division_code: null,
        created_at: '2018-01-01T00:00:00.000Z',
        created_by: 'test',
        updated_at: null,
      })
      .execute()
    const placed = await loginAs(t, 'placed-admin', { roles: ['admin'], regionId: 'somewhere' })
    const me = (await (await placed.get('/api/auth/me')).json()) as { user: { roles: string[] } }
    expect(me.user.roles).toEqual([])
    expect((await placed.get('/api/users')).status).toBe(403)
    expect((await placed.post('/api/regions', { name: '新县', level: 'county' })).status).toBe(403)
    expect((await placed.get('/api/audit/verify')).status).toBe(403)
    await t.db.destroy()
  })
})
