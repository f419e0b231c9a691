/**
 * @module Bulk accounts from a table (姓名, 用户名, 单位, 角色, 手机): each row is checked on its own
 * and against the rest of the file and the accounts already stored, and the report names every
 * problem by spreadsheet row and column (`/rows/3/用户名`). Nothing here writes; the route creates
 * the accounts only when every row is good (all or nothing, like the indicator import).
 *
 * A unit is written `<policyId>/<unitId>`, or as a unit's (or body's) name or id when exactly one
 * unit of the latest published versions bears it; a name that several policies use must be
 * written in the long form. Several units or roles are separated by `、`, `,` or `，`.
 */
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { USER_ROLES, USERNAME_PATTERN } from '../../schemas/api/requests.schema.ts'
import type { CreateUserBody } from '../../schemas/api/requests.schema.ts'
import type { LocalizedText } from '../../domain/compiler/config-issue.ts'
import type { Database } from '../db/database.ts'
import type { RequestIssue } from '../errors.ts'
import type { Cell, Table } from '../indicators/import/parse-table.ts'
import { configOf, listPolicies } from '../policies/repository.ts'
import { unitIssues } from './check-units.ts'
import type { CurrentUser } from '../http/env.ts'
import { regionIssues, roleIssues } from './account-rules.ts'

/** The columns of an import file, in the template's order. */
export const USER_IMPORT_COLUMNS = ['姓名', '用户名', '单位', '角色', '手机'] as const
type Column = (typeof USER_IMPORT_COLUMNS)[number]

/** The most rows one import takes: each costs a password hash. */
export const MAX_USER_IMPORT_ROWS = 1000

type Role = (typeof USER_ROLES)[number]

/** The names 用户管理 shows, which the template and its messages use too. */
const ROLE_NAMES_SHOWN = '政策配置、责任单位、审核、领导、地区管理员、系统管理员'

const ROLE_NAMES: Record<string, Role> = {
  政策配置: 'author',
  责任单位: 'department',
  审核: 'reviewer',
  领导: 'leader',
  地区管理员: 'region-admin',
  系统管理员: 'admin',
  // Short forms offices write, accepted as well.
  配置员: 'author',
  部门: 'department',
  管理员: 'admin',
  ...Object.fromEntries(USER_ROLES.map((role) => [role, role])),
}

/** English names a header may use instead of the Chinese ones. */
const COLUMN_ALIASES: Record<string, Column> = {
  displayname: '姓名',
  name: '姓名',
  username: '用户名',
  units: '单位',
  unit: '单位',
  roles: '角色',
  role: '角色',
  phone: '手机',
}

/** The template's hint row starts with this; an import skips a row whose 姓名 does. */
export const HINT_MARK = '（说明）'

export interface RowIssue {
  pointer: string
  message: LocalizedText
}

export interface ImportRow {
  row: number
  username: string
  /** 姓名, 单位 and 角色 as the file writes them (units and roles split at the separators). */
  displayName: string
  units: string[]
  roles: string[]
  ok: boolean
  issues: RowIssue[]
}

export interface UserImportPlan {
  /** A problem with the file as a whole (no header, missing columns, no rows). */
  fatal?: RowIssue
  rows: ImportRow[]
  /** The accounts to create, one per row, when every row is good. */
  users: Array<Omit<CreateUserBody, 'password'>>
}

const SEPARATORS = /[、,，;；]/

/**
 * Checks a table's rows against the rules and the database (read only). Every account goes into
 * `regionId` (null: above every region); unit names are looked up among that region's policies.
 */
export async function planUserImport(
  db: Kysely<Database>,
  table: Table,
  into: { admin: CurrentUser; regionId: string | null },
): Promise<UserImportPlan> {
  const [header, ...body] = table.rows
  if (!header)
    return { fatal: fileIssue('文件中没有任何行', 'The file has no rows'), rows: [], users: [] }
  const columns = new Map<Column, number>()
  header.cells.forEach((cell, index) => {
    const text = textOf(cell).trim()
    const column = (USER_IMPORT_COLUMNS as readonly string[]).includes(text)
      ? (text as Column)
      : COLUMN_ALIASES[text.toLowerCase().replace(/[\s_-]/g, '')]
    if (column && !columns.has(column)) columns.set(column, index)
  })
  const missing = USER_IMPORT_COLUMNS.filter((column) => column !== '手机' && !columns.has(column))
  if (missing.length > 0)
    return {
      fatal: fileIssue(
        `第 ${header.row} 行应为表头，缺少列：${missing.join('、')}（请使用导入模板）`,
        `Row ${header.row} should be the header; missing columns: ${missing.join(', ')} (use the template)`,
      ),
      rows: [],
      users: [],
    }
  const regionProblem = (await regionIssues(db, into.admin, into.regionId))[0]
  if (regionProblem)
    return { fatal: { pointer: '/file', message: regionProblem.message }, rows: [], users: [] }
  const units = await unitNames(db, into.regionId)
  const existing = new Set(
    (await db.selectFrom('app_user').select('username').execute()).map((row) => row.username),
  )
  const firstRow = new Map<string, number>()
  const longForms = new Map<string, RequestIssue | undefined>()
  const regionOf =
    into.regionId === null
      ? undefined
      : new Map(
          (await db.selectFrom('policy').select(['id', 'region_id']).execute()).map((row) => [
            row.id,
            row.region_id,
          ]),
        )
  const rows: ImportRow[] = []
  const users: UserImportPlan['users'] = []
  for (const { row, cells } of body) {
    const cell = (column: Column) => {
      const index = columns.get(column)
      return index === undefined ? null : (cells[index] ?? null)
    }
    if (textOf(cell('姓名')).startsWith(HINT_MARK)) continue
    const issues: RowIssue[] = []
    const at = (column: Column, zh: string, en: string) =>
      issues.push({ pointer: `/rows/${row}/${column}`, message: { zh, en } })
    const text = (column: Column): string => {
      const value = cell(column)
      if (value !== null && typeof value === 'object') {
        at(column, '应为文字，不是日期或错误值', 'Should be text, not a date or an error value')
        return ''
      }
      return textOf(value).trim()
    }

    const displayName = text('姓名')
    if (displayName === '') at('姓名', '姓名必填', 'The name is required')
    else if (displayName.length > 100)
      at('姓名', '姓名最多 100 字', 'The name is at most 100 characters')

    const username = text('用户名')
    if (username === '') at('用户名', '用户名必填', 'The username is required')
    else if (!new RegExp(USERNAME_PATTERN).test(username))
      at(
        '用户名',
        `用户名「${username}」不合规：须为 3–64 个小写字母、数字或 . _ -`,
        `The username "${username}" is not allowed: 3–64 of a-z, 0-9, . _ -`,
      )
    else if (existing.has(username))
      at('用户名', `用户名「${username}」已被使用`, `The username "${username}" is taken`)
    else if (firstRow.has(username))
      at(
        '用户名',
        `用户名「${username}」与第 ${firstRow.get(username)} 行重复`,
        `The username "${username}" repeats row ${firstRow.get(username)}`,
      )
    else firstRow.set(username, row)

    const roles: Role[] = []
    const roleText = text('角色')
    for (const name of split(roleText)) {
      const role = ROLE_NAMES[name] ?? ROLE_NAMES[name.toLowerCase()]
      if (!role)
        at(
          '角色',
          `没有角色「${name}」；可用：${ROLE_NAMES_SHOWN}`,
          `No role "${name}"; use author, department, reviewer, leader, region-admin or admin`,
        )
      else if (!roles.includes(role)) roles.push(role)
    }
    if (roleText === '') at('角色', '角色必填', 'At least one role is required')
    for (const problem of roleIssues(into.admin, { regionId: into.regionId, roles }))
      at('角色', problem.message.zh, problem.message.en)

    const chosen: Array<{ policyId: string; unitId: string }> = []
    const unitText = text('单位')
    for (const name of split(unitText)) {
      const slash = name.indexOf('/')
      if (slash > 0) {
        const unit = { policyId: name.slice(0, slash).trim(), unitId: name.slice(slash + 1).trim() }
        const key = `${unit.policyId}/${unit.unitId}`
        // A thousand rows name the same few units: each is looked up once. A policy outside the
        // region is looked up no further (whether it or its unit exists is another region's).
        if (!longForms.has(key))
          longForms.set(
            key,
            regionOf !== undefined && regionOf.get(unit.policyId) !== into.regionId
              ? otherRegionUnit(unit.policyId)
              : (await unitIssues(db, [unit]))[0],
          )
        const problem = longForms.get(key)
        if (problem) at('单位', problem.message.zh, problem.message.en)
        else chosen.push(unit)
        continue
      }
      const found = units.get(name) ?? []
      if (found.length === 1) chosen.push(found[0]!)
      else if (found.length === 0)
        at(
          '单位',
          `已发布的政策中没有名为「${name}」的单位；可写作「政策id/单位id」`,
          `No unit of a published policy is called "${name}"; write it as "policyId/unitId"`,
        )
      else
        at(
          '单位',
          `「${name}」在多个政策中都有（${found.map((unit) => `${unit.policyId}/${unit.unitId}`).join('、')}），请写作「政策id/单位id」`,
          `"${name}" names units of several policies (${found.map((unit) => `${unit.policyId}/${unit.unitId}`).join(', ')}); write it as "policyId/unitId"`,
        )
    }

    const phone = text('手机')
    if (phone !== '' && !/^[0-9+() -]{3,32}$/.test(phone))
      at('手机', `手机号「${phone}」格式有误`, `The phone number "${phone}" is not valid`)

    rows.push({
      row,
      username,
      displayName,
      units: split(unitText),
      roles: split(roleText),
      ok: issues.length === 0,
      issues,
    })
    users.push({
      username,
      displayName,
      regionId: into.regionId,
      roles: roles,
      units: chosen,
      ...(phone === '' ? {} : { phone }),
    })
  }
  if (rows.length === 0)
    return {
      fatal: fileIssue('表头之下没有任何用户行', 'There are no user rows under the header'),
      rows,
      users: [],
    }
  return { rows, users }
}

/** The template: the five columns and a hint row, every cell plain text. */
export async function buildUserTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('用户')
  sheet.columns = USER_IMPORT_COLUMNS.map((header) => ({ header, width: 24 }))
  sheet.getRow(1).font = { bold: true }
  // Cells are given as strings, so exceljs writes them as text: a value starting with "=" is
  // never a formula.
  sheet.addRow([
    `${HINT_MARK}姓名，必填（本行导入时跳过）`,
    '3–64 个小写字母、数字或 . _ -',
    '政策id/单位id，或唯一的单位名称；多个用、分隔',
    `${ROLE_NAMES_SHOWN}；多个用、分隔`,
    '可选',
  ]).font = { italic: true, color: { argb: 'FF808080' } }
  for (const column of [1, 2, 3, 4, 5]) sheet.getColumn(column).numFmt = '@'
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/**
 * Name or id → the units (and bodies) of the latest published versions that bear it, among the
 * policies of `regionId` (of every region for null).
 */
async function unitNames(
  db: Kysely<Database>,
  regionId: string | null,
): Promise<Map<string, Array<{ policyId: string; unitId: string }>>> {
  const names = new Map<string, Array<{ policyId: string; unitId: string }>>()
  const add = (key: string, unit: { policyId: string; unitId: string }) => {
    const list = names.get(key) ?? []
    if (!list.some((seen) => seen.policyId === unit.policyId && seen.unitId === unit.unitId))
      list.push(unit)
    names.set(key, list)
  }
  const inRegion =
    regionId === null
      ? undefined
      : new Set(
          (
            await db.selectFrom('policy').select('id').where('region_id', '=', regionId).execute()
          ).map((row) => row.id),
        )
  for (const version of await listPolicies(db)) {
    if (inRegion && !inRegion.has(version.policy_id)) continue
    const config = configOf(version)
    for (const unit of [...config.organizations.units, ...(config.governance?.bodies ?? [])]) {
      const target = { policyId: version.policy_id, unitId: unit.id }
      add(unit.name, target)
      add(unit.id, target)
    }
  }
  return names
}

function otherRegionUnit(policyId: string): RequestIssue {
  return {
    pointer: '/units',
    code: 'unit-of-other-region',
    message: {
      zh: `「${policyId}」不是导入的地区已发布的政策：只能给本地区政策中的单位`,
      en: `"${policyId}" is not a published policy of the region imported into: give units of its own policies only`,
    },
  }
}

function split(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** A cell as text; a number (a phone typed into Excel) as its digits. */
function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell)
  return ''
}

function fileIssue(zh: string, en: string): RowIssue {
  return { pointer: '/file', message: { zh, en } }
}
