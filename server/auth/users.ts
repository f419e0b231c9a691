/** @module Accounts: users, their roles, and the units (or bodies) they act for in each policy. */
import type { Kysely } from 'kysely'
import { USER_ROLES } from '../../schemas/api/requests.schema.ts'
import type { Database, UserRow } from '../db/database.ts'
import type { Store } from '../db/group-commit.ts'
import type { CurrentUser } from '../http/env.ts'
import { newId } from '../ids.ts'
import { hashPassword } from './passwords.ts'
import { readJson } from '../db/json-columns.ts'
import { loadRegionReach } from '../access/region-reach.ts'
import type { SessionUser } from '../../schemas/api/responses.schema.ts'

export const ROLES = USER_ROLES
export type Role = (typeof ROLES)[number]

export interface NewUser {
  username: string
  displayName: string
  password: string
  /** The password's hash, when the caller already has it (the demo's accounts share one password). */
  passwordHash?: string
  roles: Role[]
  /** The account's region; none for an account above every region. */
  regionId?: string | null
  units?: Array<{ policyId: string; unitId: string }>
}

/** Creates a user (or, with the same username, returns the existing one unchanged). */
export async function ensureUser(store: Store, user: NewUser, now: string): Promise<UserRow> {
  const existing = await store.db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', user.username)
    .executeTakeFirst()
  if (existing) return existing
  const row: UserRow = {
    id: newId(),
    username: user.username,
    display_name: user.displayName,
    password_hash: user.passwordHash ?? (await hashPassword(user.password)),
    roles: JSON.stringify(user.roles),
    created_at: now,
    phone: null,
    email: null,
    active: 1,
    must_change_password: 0,
    updated_at: null,
    region_id: user.regionId ?? null,
  }
  await store.writes.run(async (trx) => {
    await trx.insertInto('app_user').values(row).execute()
    if (user.units?.length) {
      await trx
        .insertInto('user_unit')
        .values(
          user.units.map((unit) => ({
            user_id: row.id,
            policy_id: unit.policyId,
            unit_id: unit.unitId,
          })),
        )
        .execute()
    }
  })
  return row
}

/**
 * The user as routes see it: roles and units per policy, and whether a one-time password must be
 * changed first. A deactivated user is no one: undefined, as for an id that names nobody.
 */
export async function loadCurrentUser(
  db: Kysely<Database>,
  userId: string,
): Promise<CurrentUser | undefined> {
  const row = await db
    .selectFrom('app_user')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!row || row.active !== 1) return undefined
  const memberships = await db
    .selectFrom('user_unit')
    .select(['policy_id', 'unit_id'])
    .where('user_id', '=', userId)
    .execute()
  const units: Record<string, string[]> = {}
  for (const membership of memberships)
    (units[membership.policy_id] ??= []).push(membership.unit_id)
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    // A system administrator is above every region: `admin` held in a region (no route makes
    // one; a hand-edited row could) counts for nothing, so every role check agrees.
    roles: readJson('app_user', 'roles', row.roles).filter(
      (role) => row.region_id === null || role !== 'admin',
    ),
    regionId: row.region_id,
    reach: await loadRegionReach(db, row.region_id),
    units,
    mustChangePassword: row.must_change_password === 1,
  }
}

/** The user as the session answers show it (`GET /api/auth/me`, login): no internal reach. */
export function sessionUser(user: CurrentUser): SessionUser {
  const { reach: _reach, ...shown } = user
  return shown
}
