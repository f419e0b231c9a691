/**
 * @module /api/users — accounts, for system administrators (every account) and region
 * administrators (their region's accounts, account-rules.ts): list, create (with a generated
 * one-time password when none is given), change or deactivate, reset a password, import. Another
 * region's account is answered as not found; another administrator's account in its region a region
 * administrator lists but does not change (403). Every change writes through the write seam with its
 * audit entry.
 */
import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { userImportQuery, userListQuery } from '../../schemas/api/queries.schema.ts'
import { createUserBody, updateUserBody } from '../../schemas/api/requests.schema.ts'
import type { UserImportReport } from '../../schemas/api/responses.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import { oneTimePassword, passwordIssues } from '../auth/password-policy.ts'
import { hashPassword } from '../auth/passwords.ts'
import { AppError, notFound } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { queryOf } from '../http/middleware/query-of.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write, writesNothing } from '../http/write.ts'
import { takeImportSlot } from '../indicators/import/import-slots.ts'
import { XLSX_TYPE } from '../indicators/import/parse-table.ts'
import { readImportRequest } from '../indicators/import/read-request.ts'
import { accountIssues, managedRegion, managesAccount, mayChangeAccount } from './account-rules.ts'
import { createUser, findUser, listUsers, resetPassword, updateUser } from './user-admin.ts'
import { buildUserTemplate, MAX_USER_IMPORT_ROWS, planUserImport } from './user-import.ts'

/**
 * Refuses `Idempotency-Key` where the answer carries a one-time password: a replay would need the
 * password kept in plain text with the key. A retry without one is safe — a second create is a 409
 * for the taken username, a second reset just issues another password.
 */
const noReplayOfSecrets = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header('idempotency-key') !== undefined) {
    throw new AppError(400, 'bad-request', {
      zh: '此应答含一次性密码，不保存以供重放：请不带 Idempotency-Key 发送',
      en: 'This answer carries a one-time password, which is never kept for a replay: send it without Idempotency-Key',
    })
  }
  await next()
})

const invalid = (issues: RequestIssue[]) =>
  new AppError(
    422,
    'invalid-user',
    { zh: '用户信息有误，请按提示修改', en: 'The account details have problems; see the issues' },
    { issues },
  )

export const userRoutes = new Hono<AppEnv>()
  .use('*', requireRole('admin', 'region-admin'))
  .get('/', queryOf(userListQuery), async (c) => {
    const region = managedRegion(c.get('user')) ?? c.req.query('regionId')
    return c.json({ users: await listUsers(c.get('deps').reads, region) })
  })
  .post('/', noReplayOfSecrets, validJson(createUserBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const admin = c.get('user')
    const { password, ...sent } = c.req.valid('json')
    // A region administrator's accounts are in its region unless it says otherwise (refused then).
    const body = {
      ...sent,
      regionId: sent.regionId !== undefined ? sent.regionId : (managedRegion(admin) ?? null),
    }
    const issues = [
      ...(password === undefined ? [] : passwordIssues(password, body.username, '/password')),
      ...(await accountIssues(reads, admin, {
        regionId: body.regionId,
        roles: body.roles,
        units: body.units ?? [],
      })),
    ]
    if (issues.length > 0) throw invalid(issues)
    const initialPassword = password === undefined ? oneTimePassword() : undefined
    const hash = await hashPassword(password ?? initialPassword!)
    const by = { actor: c.get('user').id, now: clock.now() }
    return write(c, async (trx) => {
      const user = await createUser(trx, body, { hash, oneTime: initialPassword !== undefined }, by)
      return c.json(initialPassword === undefined ? { user } : { user, initialPassword }, 201)
    })
  })
  .get('/import/template', async (c) =>
    c.body(new Uint8Array(await buildUserTemplate()), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="users-template.xlsx"; filename*=UTF-8''${encodeURIComponent('用户导入模板.xlsx')}`,
    }),
  )
  .post('/import', noReplayOfSecrets, queryOf(userImportQuery), async (c) => {
    const dryRun = c.req.query('dryRun') === 'true' || c.req.query('dryRun') === '1'
    const release = takeImportSlot(c.get('user').id)
    try {
      return await importUsers(c, dryRun)
    } finally {
      release()
    }
  })
  .patch('/:id', validJson(updateUserBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const body = c.req.valid('json')
    const before = await managedUser(c, c.req.param('id'))
    const issues = await accountIssues(reads, c.get('user'), {
      regionId: body.regionId !== undefined ? body.regionId : before.regionId,
      roles: body.roles ?? before.roles,
      units: body.units ?? before.units,
    })
    if (issues.length > 0) throw invalid(issues)
    const by = { actor: c.get('user').id, now: clock.now() }
    return write(c, async (trx) =>
      c.json({ user: await updateUser(trx, c.req.param('id'), body, by) }),
    )
  })
  .post('/:id/password-reset', noReplayOfSecrets, async (c) => {
    const { clock } = c.get('deps')
    const id = c.req.param('id')
    await managedUser(c, id)
    const password = oneTimePassword()
    const hash = await hashPassword(password)
    const by = { actor: c.get('user').id, now: clock.now() }
    return write(c, async (trx) =>
      c.json({ user: await resetPassword(trx, id, hash, by), oneTimePassword: password }),
    )
  })

/**
 * The account named, if this administrator manages it (404 as for no account otherwise) and may
 * change it (403 for another administrator's account, which a region administrator lists but
 * leaves to a system administrator).
 */
async function managedUser(c: Context<AppEnv>, id: string) {
  const user = await findUser(c.get('deps').reads, id)
  if (!user || !managesAccount(c.get('user'), user))
    throw notFound({ zh: '找不到该用户', en: 'No such user' })
  if (!mayChangeAccount(c.get('user'), user))
    throw new AppError(403, 'forbidden', {
      zh: '管理员账号由系统管理员修改：地区管理员只能修改本地区的普通账号（作者、部门、审核、领导）',
      en: "An administrator's account is changed by a system administrator: a region administrator changes its region's everyday accounts only (author, department, reviewer, leader)",
    })
  return user
}

/**
 * Reads and checks an import file; with `dryRun` answers the report, otherwise creates every
 * account in one transaction or none (422 `import-rejected` with the report).
 */
async function importUsers(c: Context<AppEnv>, dryRun: boolean) {
  const { reads, clock } = c.get('deps')
  const { bytes, table } = await readImportRequest(c, MAX_USER_IMPORT_ROWS)
  const admin = c.get('user')
  const plan = await planUserImport(reads, table, {
    admin,
    regionId: managedRegion(admin) ?? c.req.query('regionId') ?? null,
  })
  const bad = plan.rows.filter((row) => !row.ok)
  if (plan.fatal)
    throw new AppError(
      422,
      'import-rejected',
      {
        zh: `导入未执行：${plan.fatal.message.zh}`,
        en: `Nothing was imported: ${plan.fatal.message.en}`,
      },
      { issues: [{ ...plan.fatal, code: 'bad-file' }], dryRun, rows: plan.rows, created: [] },
    )
  if (dryRun) {
    writesNothing(c)
    return c.json({ dryRun, rows: plan.rows, created: [] } satisfies UserImportReport)
  }
  if (bad.length > 0)
    throw new AppError(
      422,
      'import-rejected',
      {
        zh: `导入未执行：${bad.length} 行有问题，未创建任何用户；改正后重新上传`,
        en: `Nothing was imported: ${bad.length} row(s) have problems and no account was created; fix them and upload again`,
      },
      {
        issues: bad.flatMap((row) =>
          row.issues.map((issue) => ({
            ...issue,
            code: 'invalid-row',
            row: row.row,
            column: issue.pointer.split('/').pop()!,
          })),
        ),
        dryRun,
        rows: plan.rows,
        created: [],
      },
    )
  // scrypt runs on libuv's thread pool: hashing every password at once before the transaction
  // keeps the write short and uses every thread.
  const passwords = plan.users.map(() => oneTimePassword())
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password)))
  const by = { actor: c.get('user').id, now: clock.now() }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return write(c, async (trx) => {
    const created: UserImportReport['created'] = []
    for (const [index, body] of plan.users.entries()) {
      const user = await createUser(trx, body, { hash: hashes[index]!, oneTime: true }, by)
      created.push({ user, initialPassword: passwords[index]! })
    }
    await appendAudit(trx, [
      {
        at: by.now.toISOString(),
        actor: by.actor,
        action: 'user.import',
        entity: 'user',
        entityId: 'import',
        payload: { created: created.length, rows: plan.rows.length, format: table.format, sha256 },
      },
    ])
    return c.json({ dryRun, rows: plan.rows, created } satisfies UserImportReport)
  })
}
