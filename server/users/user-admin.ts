/**
 * @module Accounts as an administrator manages them: list, create, change, deactivate, reset a
 * password. Every change writes in the caller's transaction with its audit entry, so the two
 * commit together; no password or hash ever enters an audit payload. Slow parts (hashing, the
 * unit check) are the caller's to do before the transaction opens.
 */
import type { Kysely, Transaction } from 'kysely'
import type { CreateUserBody, UpdateUserBody } from '../../schemas/api/requests.schema.ts'
import type { UserView } from '../../schemas/api/responses.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { AuditEntry } from '../audit/audit-log.ts'
import { endUserSessions } from '../auth/sessions.ts'
import type { Database, UserRow } from '../db/database.ts'
import { readJson } from '../db/json-columns.ts'
import { AppError, notFound } from '../errors.ts'
import { newId } from '../ids.ts'

type Unit = { policyId: string; unitId: string }

/** What an administrator sees of an account: never the password hash. */
export function userView(row: UserRow, units: Unit[]): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    email: row.email,
    roles: readJson('app_user', 'roles', row.roles),
    regionId: row.region_id,
    units,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Every account (of one region, when given), by username, with its units. */
export async function listUsers(
  db: Kysely<Database>,
  regionId: string | undefined = undefined,
): Promise<UserView[]> {
  let accounts = db.selectFrom('app_user').selectAll()
  if (regionId !== undefined) accounts = accounts.where('region_id', '=', regionId)
  const rows = await accounts.orderBy('username').execute()
  let units = db.selectFrom('user_unit').select(['user_id', 'policy_id', 'unit_id'])
  if (regionId !== undefined)
    units = units.where(
      'user_id',
      'in',
      db.selectFrom('app_user').select('id').where('region_id', '=', regionId),
    )
  const memberships = await units.orderBy('policy_id').orderBy('unit_id').execute()
  const byUser = new Map<string, Unit[]>()
  for (const row of memberships) {
    const list = byUser.get(row.user_id) ?? []
    list.push({ policyId: row.policy_id, unitId: row.unit_id })
    byUser.set(row.user_id, list)
  }
  return rows.map((row) => userView(row, byUser.get(row.id) ?? []))
}

/** One account with its units, or undefined. */
export async function findUser(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
): Promise<UserView | undefined> {
  const row = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const units = await db
    .selectFrom('user_unit')
    .select(['policy_id', 'unit_id'])
    .where('user_id', '=', id)
    .orderBy('policy_id')
    .orderBy('unit_id')
    .execute()
  return userView(
    row,
    units.map((unit) => ({ policyId: unit.policy_id, unitId: unit.unit_id })),
  )
}

/** Who does it and when: a user's id, or `system` for the command line. */
export interface Actor {
  actor: string
  now: Date
}

const audit = (
  trx: Transaction<Database>,
  by: Actor,
  action: string,
  userId: string,
  payload: Record<string, unknown>,
): Promise<void> => {
  const entry: AuditEntry = {
    at: by.now.toISOString(),
    actor: by.actor,
    action,
    entity: 'user',
    entityId: userId,
    payload,
  }
  return appendAudit(trx, [entry])
}

const duplicate = (username: string) =>
  new AppError(
    409,
    'conflict',
    { zh: `用户名「${username}」已被使用`, en: `The username "${username}" is taken` },
    {
      issues: [
        {
          pointer: '/username',
          code: 'username-taken',
          message: {
            zh: `用户名「${username}」已被使用，请换一个`,
            en: `The username "${username}" is taken; choose another`,
          },
        },
      ],
    },
  )

/**
 * Creates an account. `passwordHash` is of the password given or of a generated one-time one;
 * with `oneTime` the user must change it at first login.
 * @throws AppError 409 `conflict` when the username is taken
 */
export async function createUser(
  trx: Transaction<Database>,
  body: Omit<CreateUserBody, 'password'>,
  password: { hash: string; oneTime: boolean },
  by: Actor,
): Promise<UserView> {
  const taken = await trx
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', body.username)
    .executeTakeFirst()
  if (taken) throw duplicate(body.username)
  const units = dedupe(body.units ?? [])
  const row: UserRow = {
    id: newId(),
    username: body.username,
    display_name: body.displayName.trim(),
    password_hash: password.hash,
    roles: JSON.stringify(body.roles),
    created_at: by.now.toISOString(),
    phone: body.phone ?? null,
    email: body.email ?? null,
    active: 1,
    must_change_password: password.oneTime ? 1 : 0,
    updated_at: null,
    region_id: body.regionId ?? null,
  }
  await trx.insertInto('app_user').values(row).execute()
  if (units.length > 0)
    await trx
      .insertInto('user_unit')
      .values(
        units.map((unit) => ({ user_id: row.id, policy_id: unit.policyId, unit_id: unit.unitId })),
      )
      .execute()
  await audit(trx, by, 'user.create', row.id, {
    username: row.username,
    displayName: row.display_name,
    roles: body.roles,
    regionId: row.region_id,
    units,
    phone: row.phone,
    email: row.email,
    oneTimePassword: password.oneTime,
  })
  return userView(row, units)
}

/**
 * Changes an account. `active: false` deactivates it: its sessions are deleted in this same
 * transaction, so they end at once. An administrator cannot deactivate or de-admin themselves
 * (someone must be left who can undo it).
 * @throws AppError 404 for an unknown id, 409 `conflict` for a change to oneself that would lock out
 */
export async function updateUser(
  trx: Transaction<Database>,
  id: string,
  body: UpdateUserBody,
  by: Actor,
): Promise<UserView> {
  const before = await findUser(trx, id)
  if (!before) throw notFound({ zh: '找不到该用户', en: 'No such user' })
  if (id === by.actor && body.active === false) {
    throw new AppError(
      409,
      'conflict',
      { zh: '不能停用自己的账号', en: 'You cannot deactivate your own account' },
      {
        issues: [
          {
            pointer: '/active',
            code: 'self-lockout',
            message: {
              zh: '请由另一位管理员停用此账号',
              en: 'Another administrator must deactivate this account',
            },
          },
        ],
      },
    )
  }
  if (
    id === by.actor &&
    body.roles &&
    before.roles.includes('admin') &&
    !body.roles.includes('admin')
  ) {
    throw new AppError(
      409,
      'conflict',
      { zh: '不能取消自己的管理员角色', en: 'You cannot remove your own admin role' },
      {
        issues: [
          {
            pointer: '/roles',
            code: 'self-lockout',
            message: {
              zh: '请由另一位管理员修改此角色',
              en: 'Another administrator must change this role',
            },
          },
        ],
      },
    )
  }
  const changes: Record<string, unknown> = {}
  const set: Partial<
    Pick<UserRow, 'display_name' | 'phone' | 'email' | 'roles' | 'active' | 'region_id'>
  > = {}
  if (body.displayName !== undefined && body.displayName.trim() !== before.displayName)
    set.display_name = changes.displayName = body.displayName.trim()
  if (body.phone !== undefined && body.phone !== before.phone)
    set.phone = changes.phone = body.phone
  if (body.email !== undefined && body.email !== before.email)
    set.email = changes.email = body.email
  if (body.roles && !sameSet(body.roles, before.roles)) {
    set.roles = JSON.stringify(body.roles)
    changes.roles = body.roles
  }
  if (body.regionId !== undefined && body.regionId !== before.regionId)
    set.region_id = changes.regionId = body.regionId
  const units = body.units ? dedupe(body.units) : undefined
  const unitKey = (list: Unit[]) => list.map((unit) => `${unit.policyId}/${unit.unitId}`)
  const unitsChanged = units !== undefined && !sameSet(unitKey(units), unitKey(before.units))
  if (unitsChanged) changes.units = units
  const deactivating = body.active === false && before.active
  const reactivating = body.active === true && !before.active
  if (deactivating || reactivating) set.active = body.active ? 1 : 0
  if (reactivating) changes.active = true
  if (Object.keys(set).length === 0 && !unitsChanged) return before
  await trx
    .updateTable('app_user')
    .set({ ...set, updated_at: by.now.toISOString() })
    .where('id', '=', id)
    .execute()
  if (unitsChanged) {
    await trx.deleteFrom('user_unit').where('user_id', '=', id).execute()
    if (units.length > 0)
      await trx
        .insertInto('user_unit')
        .values(
          units.map((unit) => ({ user_id: id, policy_id: unit.policyId, unit_id: unit.unitId })),
        )
        .execute()
  }
  if (Object.keys(changes).length > 0)
    await audit(trx, by, 'user.update', id, { username: before.username, changes })
  if (deactivating)
    await audit(trx, by, 'user.deactivate', id, {
      username: before.username,
      sessionsEnded: await endUserSessions(trx, id),
    })
  return (await findUser(trx, id))!
}

/**
 * Replaces an account's password (hashed by the caller): the user's sessions end, and with
 * `oneTime` (a generated password, the default) the user must change it at the next login.
 * @throws AppError 404 for an unknown id
 */
export async function resetPassword(
  trx: Transaction<Database>,
  id: string,
  hash: string,
  by: Actor,
  oneTime = true,
): Promise<UserView> {
  const before = await findUser(trx, id)
  if (!before) throw notFound({ zh: '找不到该用户', en: 'No such user' })
  await trx
    .updateTable('app_user')
    .set({
      password_hash: hash,
      must_change_password: oneTime ? 1 : 0,
      updated_at: by.now.toISOString(),
    })
    .where('id', '=', id)
    .execute()
  await audit(trx, by, 'user.password-reset', id, {
    username: before.username,
    sessionsEnded: await endUserSessions(trx, id),
  })
  return (await findUser(trx, id))!
}

/** Whether the database has an active administrator (the first start asks for one). */
export async function hasActiveAdmin(db: Kysely<Database>): Promise<boolean> {
  const rows = await db.selectFrom('app_user').select('roles').where('active', '=', 1).execute()
  return rows.some((row) => readJson('app_user', 'roles', row.roles).includes('admin'))
}

function dedupe(units: readonly Unit[]): Unit[] {
  const seen = new Map<string, Unit>()
  for (const unit of units)
    seen.set(`${unit.policyId}\u0000${unit.unitId}`, {
      policyId: unit.policyId,
      unitId: unit.unitId,
    })
  return [...seen.values()]
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
}
