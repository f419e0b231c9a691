/**
 * @module What an administrator may make of an account, by region. A system administrator manages
 * every account; a region administrator only its region's, and gives them the everyday roles, never
 * an administrator's. An account's units must belong to policies of its region, a region
 * administrator needs a region and a system administrator has none (it is above every region).
 * Another administrator's account is not a region administrator's to change.
 * Each rule breaks as an issue at the field's pointer, all of them at once.
 */
import type { Kysely } from 'kysely'
import { REGION_GRANTABLE_ROLES } from '../../schemas/api/requests.schema.ts'
import type { Database } from '../db/database.ts'
import type { RequestIssue } from '../errors.ts'
import type { CurrentUser } from '../http/env.ts'
import { unitIssues } from './check-units.ts'

export interface AccountShape {
  regionId: string | null
  roles: readonly string[]
  units: ReadonlyArray<{ policyId: string; unitId: string }>
}

/** The region whose accounts this administrator manages; undefined for every account. */
export function managedRegion(admin: CurrentUser): string | undefined {
  if (admin.roles.includes('admin')) return undefined
  // A region administrator without a region manages no account: an id no region has.
  return admin.regionId ?? '\u0000none'
}

/** True when the administrator manages this account (else it is answered as not found). */
export function managesAccount(admin: CurrentUser, account: { regionId: string | null }): boolean {
  const region = managedRegion(admin)
  return region === undefined || account.regionId === region
}

/**
 * True when the administrator may change (or reset the password of) an account it manages: a
 * region administrator only one that holds nothing but the everyday roles it gives itself. Another
 * administrator's account — a peer's, or its own — is a system administrator's to change, as its
 * roles are a system administrator's to give and take away.
 */
export function mayChangeAccount(
  admin: CurrentUser,
  account: { roles: readonly string[] },
): boolean {
  return (
    managedRegion(admin) === undefined ||
    account.roles.every((role) => (REGION_GRANTABLE_ROLES as readonly string[]).includes(role))
  )
}

/**
 * The problems with an account as it would be after the change, at pointers under `base` (`''`
 * for a request body).
 */
export async function accountIssues(
  db: Kysely<Database>,
  admin: CurrentUser,
  account: AccountShape,
  base = '',
): Promise<RequestIssue[]> {
  const elsewhere = await unitRegionIssues(db, account, base)
  // A unit of a policy outside the account's region is looked up no further: whether that policy
  // or unit exists is another region's business, so it is answered alike either way.
  const outside = new Set(elsewhere.map((issue) => issue.pointer.split('/').at(-2)))
  const units = account.units.map((unit, index) => (outside.has(String(index)) ? null : unit))
  return [
    ...roleIssues(admin, account, base),
    ...(await regionIssues(db, admin, account.regionId, base)),
    ...(await unitIssues(db, units, `${base}/units`)),
    ...elsewhere,
  ]
}

/** The region an account is put in: one the administrator manages, and one that exists. */
export async function regionIssues(
  db: Kysely<Database>,
  admin: CurrentUser,
  regionId: string | null,
  base = '',
): Promise<RequestIssue[]> {
  const region = managedRegion(admin)
  if (region !== undefined && regionId !== region)
    return [
      {
        pointer: `${base}/regionId`,
        code: 'other-region',
        message: {
          zh: '地区管理员只能管理本地区的用户：请删去 regionId 或填写本地区',
          en: "A region administrator manages its own region's accounts only: leave regionId out or give your own region",
        },
      },
    ]
  if (regionId === null) return []
  const exists = await db
    .selectFrom('region')
    .select('id')
    .where('id', '=', regionId)
    .executeTakeFirst()
  if (exists) return []
  return [
    {
      pointer: `${base}/regionId`,
      code: 'unknown-region',
      message: {
        zh: `没有编号为「${regionId}」的地区：请先创建地区（POST /api/regions），或从地区列表中选择`,
        en: `No region has the id "${regionId}": create it first (POST /api/regions) or pick one from the list`,
      },
    },
  ]
}

/** The roles: ones this administrator may give, and administrator roles where they belong. */
export function roleIssues(
  admin: CurrentUser,
  account: Pick<AccountShape, 'regionId' | 'roles'>,
  base = '',
): RequestIssue[] {
  // A region administrator gives the everyday roles only; where the others belong is moot then.
  if (managedRegion(admin) !== undefined)
    return account.roles.flatMap((role, index) =>
      (REGION_GRANTABLE_ROLES as readonly string[]).includes(role)
        ? []
        : [
            {
              pointer: `${base}/roles/${index}`,
              code: 'role-not-grantable',
              message: {
                zh: `地区管理员不能授予「${role}」角色；可授予：${REGION_GRANTABLE_ROLES.join('、')}。管理员角色由系统管理员授予`,
                en: `A region administrator cannot give the role "${role}"; it may give: ${REGION_GRANTABLE_ROLES.join(', ')}. Administrator roles are given by a system administrator`,
              },
            },
          ],
    )
  const issues: RequestIssue[] = []
  if (account.roles.includes('admin') && account.regionId !== null)
    issues.push({
      pointer: `${base}/regionId`,
      code: 'admin-in-region',
      message: {
        zh: '系统管理员不属于任何地区：regionId 须为 null；管理一个地区请用「region-admin」角色',
        en: 'A system administrator is above every region: regionId must be null; use the role "region-admin" for one region',
      },
    })
  if (account.roles.includes('region-admin') && account.regionId === null)
    issues.push({
      pointer: `${base}/regionId`,
      code: 'region-admin-without-region',
      message: {
        zh: '地区管理员须属于一个地区：请给出 regionId',
        en: 'A region administrator belongs to one region: give regionId',
      },
    })
  return issues
}

/**
 * Units of an account in a region must be of that region's published policies: a unit of any
 * other policy — another region's, or one that does not exist — is one issue, the same for both.
 */
async function unitRegionIssues(
  db: Kysely<Database>,
  account: AccountShape,
  base: string,
): Promise<RequestIssue[]> {
  if (account.regionId === null || account.units.length === 0) return []
  const owners = await db
    .selectFrom('policy')
    .select(['id', 'region_id'])
    .where('id', 'in', [...new Set(account.units.map((unit) => unit.policyId))])
    .execute()
  const regionOf = new Map(owners.map((owner) => [owner.id, owner.region_id]))
  return account.units.flatMap((unit, index) => {
    if (regionOf.get(unit.policyId) === account.regionId) return []
    return [
      {
        pointer: `${base}/units/${index}/policyId`,
        code: 'unit-of-other-region',
        message: {
          zh: `「${unit.policyId}」不是该用户所在地区已发布的政策：只能给用户本地区政策中的单位`,
          en: `"${unit.policyId}" is not a published policy of this account's region: give units of its own region's policies only`,
        },
      },
    ]
  })
}
