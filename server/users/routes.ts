/**
 * @module /api/users — accounts, for system administrators only: list, create (with a generated
 * one-time password when none is given), change or deactivate, reset a password. Every change
 * writes through the write seam with its audit entry.
 */
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { createUserBody, updateUserBody } from '../../schemas/api/requests.schema.ts'
import { oneTimePassword, passwordIssues } from '../auth/password-policy.ts'
import { hashPassword } from '../auth/passwords.ts'
import { AppError, notFound } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import type { AppEnv } from '../http/env.ts'
import { requireRole } from '../http/middleware/authenticate.ts'
import { validJson } from '../http/middleware/valid-json.ts'
import { write } from '../http/write.ts'
import { unitIssues } from './check-units.ts'
import { createUser, findUser, listUsers, resetPassword, updateUser } from './user-admin.ts'

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
  .use('*', requireRole('admin'))
  .get('/', async (c) => c.json({ users: await listUsers(c.get('deps').reads) }))
  .post('/', noReplayOfSecrets, validJson(createUserBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const { password, ...body } = c.req.valid('json')
    const issues = [
      ...(password === undefined ? [] : passwordIssues(password, body.username, '/password')),
      ...(await unitIssues(reads, body.units ?? [])),
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
  .patch('/:id', validJson(updateUserBody), async (c) => {
    const { reads, clock } = c.get('deps')
    const body = c.req.valid('json')
    const issues = await unitIssues(reads, body.units ?? [])
    if (issues.length > 0) throw invalid(issues)
    const by = { actor: c.get('user').id, now: clock.now() }
    return write(c, async (trx) =>
      c.json({ user: await updateUser(trx, c.req.param('id'), body, by) }),
    )
  })
  .post('/:id/password-reset', noReplayOfSecrets, async (c) => {
    const { reads, clock } = c.get('deps')
    const id = c.req.param('id')
    if (!(await findUser(reads, id))) throw notFound({ zh: '找不到该用户', en: 'No such user' })
    const password = oneTimePassword()
    const hash = await hashPassword(password)
    const by = { actor: c.get('user').id, now: clock.now() }
    return write(c, async (trx) =>
      c.json({ user: await resetPassword(trx, id, hash, by), oneTimePassword: password }),
    )
  })
