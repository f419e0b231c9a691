/**
 * Accounts managed through /api/users by a system administrator, over the real app and database:
 * creation with a one-time password and the forced first change, the password policy, units
 * checked against the published config, deactivation ending a live session, the password reset,
 * and audit entries that never hold a secret.
 */
import { publishBundled } from '../helpers/make-db.ts'
import { logIn, loginAs, makeTestApp } from '../helpers/test-app.ts'
import type { Client, TestApp } from '../helpers/test-app.ts'

interface UserBody {
  id: string
  username: string
  displayName: string
  roles: string[]
  units: Array<{ policyId: string; unitId: string }>
  active: boolean
  mustChangePassword: boolean
}
interface ErrorBody {
  error: {
    code: string
    message: { zh: string; en: string }
    issues?: Array<{ pointer: string; code?: string; message: { zh: string; en: string } }>
  }
}

let t: TestApp
let admin: Client

beforeEach(async () => {
  t = await makeTestApp()
  admin = await loginAs(t, 'root', { roles: ['admin'] })
})
afterEach(async () => {
  await t.db.destroy()
})

async function create(
  body: Record<string, unknown>,
): Promise<{ user: UserBody; initialPassword?: string }> {
  const response = await admin.post('/api/users', body)
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as { user: UserBody; initialPassword?: string }
}

const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error

/** Every audit entry about users, with its payload as stored. */
const userAudit = () =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'actor', 'entity_id', 'payload'])
    .where('entity', '=', 'user')
    .orderBy('seq')
    .execute()

describe('who may manage accounts', () => {
  it('answers 403 to anyone but an administrator, for reads and writes', async () => {
    const author = await loginAs(t, 'writer', { roles: ['author'] })
    expect((await author.get('/api/users')).status).toBe(403)
    const refused = await author.post('/api/users', {
      username: 'someone',
      displayName: 'X',
      roles: ['department'],
    })
    expect(refused.status).toBe(403)
    expect((await errorOf(refused)).code).toBe('forbidden')
    expect(
      await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'someone')
        .executeTakeFirst(),
    ).toBeUndefined()
  })
})

describe('POST /api/users', () => {
  it('creates an account with a one-time password, shown once, and lists it without any hash', async () => {
    const { user, initialPassword } = await create({
      username: 'zhang.san',
      displayName: '张三',
      phone: '13800000000',
      email: 'zs@example.cn',
      roles: ['department'],
    })
    expect(user).toMatchObject({
      username: 'zhang.san',
      displayName: '张三',
      roles: ['department'],
      units: [],
      active: true,
      mustChangePassword: true,
    })
    expect(initialPassword).toMatch(/^[A-Za-z0-9_-]{24}$/)
    const list = (await (await admin.get('/api/users')).json()) as {
      users: Array<Record<string, unknown>>
    }
    const listed = list.users.find((entry) => entry.username === 'zhang.san')!
    expect(listed).toMatchObject({
      id: user.id,
      displayName: '张三',
      phone: '13800000000',
      email: 'zs@example.cn',
      active: true,
      mustChangePassword: true,
    })
    expect(Object.keys(listed)).toEqual(
      expect.arrayContaining([
        'id',
        'username',
        'displayName',
        'roles',
        'units',
        'active',
        'mustChangePassword',
        'createdAt',
      ]),
    )
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password_?hash/i)
    expect(JSON.stringify(list)).not.toContain(initialPassword)
  })

  it('audits user.create by the administrator, without the password or its hash', async () => {
    const { user, initialPassword } = await create({
      username: 'li.si',
      displayName: '李四',
      roles: ['reviewer'],
    })
    const given = await create({
      username: 'wang.wu',
      displayName: '王五',
      roles: ['author'],
      password: 'Given-Pass-2024',
    })
    const entries = await userAudit()
    const created = entries.filter((entry) => entry.action === 'user.create')
    expect(created.map((entry) => entry.entity_id)).toEqual([user.id, given.user.id])
    expect(created.every((entry) => entry.actor !== 'system')).toBe(true)
    const hashes = (await t.db.selectFrom('app_user').select('password_hash').execute()).map(
      (row) => row.password_hash,
    )
    for (const entry of entries) {
      expect(entry.payload).not.toContain(initialPassword)
      expect(entry.payload).not.toContain('Given-Pass-2024')
      expect(entry.payload).not.toMatch(/scrypt/)
      for (const hash of hashes) expect(entry.payload).not.toContain(hash.split('$').pop())
    }
    expect(JSON.parse(created[0]!.payload)).toMatchObject({
      username: 'li.si',
      roles: ['reviewer'],
      oneTimePassword: true,
    })
  })

  it('takes a given password through the policy, and then needs no change at first login', async () => {
    const weak = await admin.post('/api/users', {
      username: 'zhao.liu',
      displayName: '赵六',
      roles: ['department'],
      password: 'short',
    })
    expect(weak.status).toBe(422)
    const error = await errorOf(weak)
    expect(error.code).toBe('invalid-user')
    expect(error.issues).toEqual([
      expect.objectContaining({ pointer: '/password', code: 'password-too-short' }),
    ])
    expect(Object.keys(error.issues![0]!.message)).toEqual(['zh', 'en'])
    const same = await admin.post('/api/users', {
      username: 'zhao.liu.2024',
      displayName: '赵六',
      roles: ['department'],
      password: 'Zhao.Liu.2024',
    })
    expect((await errorOf(same)).issues).toEqual([
      expect.objectContaining({ pointer: '/password', code: 'password-is-username' }),
    ])
    const { user, initialPassword } = await create({
      username: 'zhao.liu',
      displayName: '赵六',
      roles: ['department'],
      password: 'Good-Pass-2024',
    })
    expect(initialPassword).toBeUndefined()
    expect(user.mustChangePassword).toBe(false)
    const session = await logIn(t, 'zhao.liu', 'Good-Pass-2024')
    expect((await session.get('/api/tasks')).status).toBe(200)
  })

  it('refuses a taken username with 409 and malformed ones with their pointer', async () => {
    await create({ username: 'dup.user', displayName: 'A', roles: ['department'] })
    const again = await admin.post('/api/users', {
      username: 'dup.user',
      displayName: 'B',
      roles: ['department'],
    })
    expect(again.status).toBe(409)
    expect((await errorOf(again)).code).toBe('conflict')
    for (const username of ['ab', 'Upper.Case', '张三', 'a'.repeat(65), 'with space']) {
      const bad = await admin.post('/api/users', {
        username,
        displayName: 'X',
        roles: ['department'],
      })
      expect(bad.status, username).toBe(400)
      const error = await errorOf(bad)
      expect(error.code).toBe('invalid-body')
      expect(
        error.issues!.map((issue) => issue.pointer),
        username,
      ).toContain('/username')
    }
    const noRole = await admin.post('/api/users', {
      username: 'no.role',
      displayName: 'X',
      roles: ['boss'],
      email: 'not-an-email',
    })
    expect(noRole.status).toBe(400)
    expect((await errorOf(noRole)).issues!.map((issue) => issue.pointer)).toEqual(
      expect.arrayContaining(['/roles/0', '/email']),
    )
  })

  it('accepts only units of the latest published version of their policy (422 at the unit)', async () => {
    const versionId = await publishBundled(t, t.clock, 'pingnan')
    const { policy_id: policyId } = await t.db
      .selectFrom('policy_version')
      .select('policy_id')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow()
    const refused = await admin.post('/api/users', {
      username: 'finance',
      displayName: '县财政局',
      roles: ['department'],
      units: [
        { policyId, unitId: 'county-finance-bureau' },
        { policyId, unitId: 'no-such-unit' },
        { policyId: 'no-such-policy', unitId: 'x' },
      ],
    })
    expect(refused.status).toBe(422)
    const error = await errorOf(refused)
    expect(error.code).toBe('invalid-user')
    expect(error.issues!.map((issue) => [issue.pointer, issue.code])).toEqual([
      ['/units/1/unitId', 'unknown-unit'],
      ['/units/2/policyId', 'unknown-policy'],
    ])
    const { user } = await create({
      username: 'finance',
      displayName: '县财政局',
      roles: ['department'],
      units: [
        { policyId, unitId: 'county-finance-bureau' },
        { policyId, unitId: 'leadership-group' },
      ],
    })
    expect(user.units).toEqual(
      expect.arrayContaining([
        { policyId, unitId: 'county-finance-bureau' },
        { policyId, unitId: 'leadership-group' },
      ]),
    )
  })
})

describe('the first login with a one-time password', () => {
  it('allows only me, the password change and logout until the password is changed', async () => {
    const { initialPassword } = await create({
      username: 'new.user',
      displayName: '新用户',
      roles: ['department'],
    })
    const session = await logIn(t, 'new.user', initialPassword!)
    const other = await logIn(t, 'new.user', initialPassword!)
    const me = (await (await session.get('/api/auth/me')).json()) as {
      user: { mustChangePassword: boolean }
    }
    expect(me.user.mustChangePassword).toBe(true)
    for (const response of [
      await session.get('/api/tasks'),
      await session.get('/api/policies'),
      await session.post('/api/attachments', {}),
    ]) {
      expect(response.status).toBe(403)
      expect((await errorOf(response)).code).toBe('password-change-required')
    }
    const wrong = await session.post('/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'New-Pass-2024',
    })
    expect(wrong.status).toBe(422)
    expect((await errorOf(wrong)).issues).toEqual([
      expect.objectContaining({ pointer: '/currentPassword', code: 'wrong-password' }),
    ])
    const weak = await session.post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'abcdefghijk',
    })
    expect(weak.status).toBe(422)
    expect((await errorOf(weak)).issues).toEqual([
      expect.objectContaining({ pointer: '/newPassword', code: 'password-too-simple' }),
    ])
    const changed = await session.post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: 'New-Pass-2024',
    })
    expect(changed.status).toBe(200)
    expect((await session.get('/api/tasks')).status).toBe(200)
    expect(
      (
        (await (await session.get('/api/auth/me')).json()) as {
          user: { mustChangePassword: boolean }
        }
      ).user.mustChangePassword,
    ).toBe(false)
    // The change ends the user's other sessions, and the one-time password no longer opens one.
    expect((await other.get('/api/auth/me')).status).toBe(401)
    expect(
      (
        await t.app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'new.user', password: initialPassword }),
        })
      ).status,
    ).toBe(401)
    await logIn(t, 'new.user', 'New-Pass-2024')
    const change = (await userAudit()).find((entry) => entry.action === 'user.password-change')!
    expect(change.payload).not.toContain('New-Pass-2024')
    expect(change.payload).not.toContain(initialPassword)
  })
})

describe('PATCH /api/users/:id', () => {
  it('changes name, roles and email, answers 404 for an unknown id, and audits the change', async () => {
    const { user } = await create({
      username: 'chen.qi',
      displayName: '陈七',
      roles: ['department'],
    })
    const response = await admin.patch(`/api/users/${user.id}`, {
      displayName: '陈七（财政局）',
      roles: ['department', 'reviewer'],
      email: 'cq@example.cn',
    })
    expect(response.status).toBe(200)
    const { user: changed } = (await response.json()) as { user: UserBody & { email: string } }
    expect(changed).toMatchObject({
      displayName: '陈七（财政局）',
      roles: ['department', 'reviewer'],
      email: 'cq@example.cn',
      active: true,
    })
    const update = (await userAudit()).find((entry) => entry.action === 'user.update')!
    expect(JSON.parse(update.payload)).toEqual({
      username: 'chen.qi',
      changes: {
        displayName: '陈七（财政局）',
        roles: ['department', 'reviewer'],
        email: 'cq@example.cn',
      },
    })
    expect((await admin.patch('/api/users/nobody', { displayName: 'X' })).status).toBe(404)
    const empty = await admin.patch(`/api/users/${user.id}`, {})
    expect(empty.status).toBe(400)
    expect((await errorOf(empty)).code).toBe('invalid-body')
  })

  it('deactivating ends the live session at once, and the login then fails like a wrong password', async () => {
    const { user } = await create({
      username: 'leaving',
      displayName: '离职人员',
      roles: ['department'],
      password: 'Leaving-2024!',
    })
    const session = await logIn(t, 'leaving', 'Leaving-2024!')
    expect((await session.get('/api/tasks')).status).toBe(200)
    const response = await admin.patch(`/api/users/${user.id}`, { active: false })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { user: UserBody }).user.active).toBe(false)
    expect((await session.get('/api/tasks')).status).toBe(401)
    expect(
      await t.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute(),
    ).toEqual([])
    const login = (password: string) =>
      t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'leaving', password }),
      })
    const refused = await login('Leaving-2024!')
    const wrong = await login('Wrong-2024!!')
    expect(refused.status).toBe(401)
    expect(await errorOf(refused)).toEqual(await errorOf(wrong))
    const deactivated = (await userAudit()).find((entry) => entry.action === 'user.deactivate')!
    expect(JSON.parse(deactivated.payload)).toEqual({ username: 'leaving', sessionsEnded: 1 })
    expect((await admin.patch(`/api/users/${user.id}`, { active: true })).status).toBe(200)
    expect((await login('Leaving-2024!')).status).toBe(200)
  })

  it('will not let an administrator deactivate or de-admin themselves (409)', async () => {
    const me = (await (await admin.get('/api/auth/me')).json()) as { user: { id: string } }
    const off = await admin.patch(`/api/users/${me.user.id}`, { active: false })
    expect(off.status).toBe(409)
    expect((await errorOf(off)).issues).toEqual([
      expect.objectContaining({ pointer: '/active', code: 'self-lockout' }),
    ])
    const demoted = await admin.patch(`/api/users/${me.user.id}`, { roles: ['author'] })
    expect(demoted.status).toBe(409)
    expect((await admin.get('/api/users')).status).toBe(200)
  })
})

describe('POST /api/users/:id/password-reset', () => {
  it('issues a one-time password, ends the sessions and forces a change at the next login', async () => {
    const { user } = await create({
      username: 'forgetful',
      displayName: '忘记密码',
      roles: ['department'],
      password: 'Before-2024!',
    })
    const session = await logIn(t, 'forgetful', 'Before-2024!')
    const response = await admin.post(`/api/users/${user.id}/password-reset`)
    expect(response.status).toBe(200)
    const { oneTimePassword, user: reset } = (await response.json()) as {
      oneTimePassword: string
      user: UserBody
    }
    expect(reset.mustChangePassword).toBe(true)
    expect((await session.get('/api/auth/me')).status).toBe(401)
    const fresh = await logIn(t, 'forgetful', oneTimePassword)
    expect((await errorOf(await fresh.get('/api/tasks'))).code).toBe('password-change-required')
    const entry = (await userAudit()).find((row) => row.action === 'user.password-reset')!
    expect(JSON.parse(entry.payload)).toEqual({ username: 'forgetful', sessionsEnded: 1 })
    expect(entry.payload).not.toContain(oneTimePassword)
    expect((await admin.post('/api/users/nobody/password-reset')).status).toBe(404)
  })

  it('refuses Idempotency-Key where the answer holds a one-time password, so none is kept for a replay', async () => {
    const { user } = await create({
      username: 'keyed',
      displayName: '带键请求',
      roles: ['department'],
      password: 'Keyed-Pass-2024',
    })
    const reset = await admin.post(`/api/users/${user.id}/password-reset`, undefined, {
      'idempotency-key': 'reset-1',
    })
    expect(reset.status).toBe(400)
    expect((await errorOf(reset)).code).toBe('bad-request')
    const created = await admin.post(
      '/api/users',
      { username: 'keyed.two', displayName: 'X', roles: ['department'] },
      { 'idempotency-key': 'create-1' },
    )
    expect(created.status).toBe(400)
    expect(
      await t.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'keyed.two')
        .executeTakeFirst(),
    ).toBeUndefined()
    expect(
      ((await (await admin.get('/api/users')).json()) as { users: UserBody[] }).users.find(
        (entry) => entry.id === user.id,
      )!.mustChangePassword,
    ).toBe(false)
  })
})
