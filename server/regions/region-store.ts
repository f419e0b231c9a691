/**
 * @module Regions as a system administrator manages them: list, create, change. Every change
 * writes in the caller's transaction with its audit entry. A region's parent may not be itself or
 * a region below it (the tree stays a tree), and a division code names one region.
 */
import type { Kysely, Transaction } from 'kysely'
import type { CreateRegionBody, UpdateRegionBody } from '../../schemas/api/requests.schema.ts'
import type { RegionView } from '../../schemas/api/responses.schema.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Database, RegionRow } from '../db/database.ts'
import { AppError, notFound } from '../errors.ts'
import type { RequestIssue } from '../errors.ts'
import { newId } from '../ids.ts'
import { regionsBelow } from './region-tree.ts'

type Db = Kysely<Database> | Transaction<Database>

export function regionView(row: RegionRow): RegionView {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    divisionCode: row.division_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** The regions, of `only` when given, by division code then name. */
export async function listRegions(db: Db, only?: ReadonlySet<string>): Promise<RegionView[]> {
  const rows = await db.selectFrom('region').selectAll().execute()
  return rows
    .filter((row) => !only || only.has(row.id))
    .sort(
      (a, b) =>
        (a.division_code ?? '~').localeCompare(b.division_code ?? '~') ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map(regionView)
}

export async function findRegion(db: Db, id: string): Promise<RegionRow | undefined> {
  return db.selectFrom('region').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The regions a user reads: its own and those below it; every region for one above them all. */
export async function readableRegions(
  db: Db,
  regionId: string | null,
): Promise<ReadonlySet<string> | undefined> {
  if (regionId === null) return undefined
  const links = await db.selectFrom('region').select(['id', 'parent_id']).execute()
  return new Set([regionId, ...regionsBelow(links, regionId)])
}

/**
 * The problems with a region's parent and code as they would be after a change: a parent that
 * exists and is not the region or one below it, a code no other region has.
 */
async function regionIssues(
  db: Db,
  id: string | null,
  region: { parentId: string | null; divisionCode: string | null },
): Promise<RequestIssue[]> {
  const issues: RequestIssue[] = []
  if (region.parentId !== null) {
    const links = await db.selectFrom('region').select(['id', 'parent_id']).execute()
    if (!links.some((link) => link.id === region.parentId))
      issues.push({
        pointer: '/parentId',
        code: 'unknown-region',
        message: {
          zh: `没有编号为「${region.parentId}」的上级地区：请从地区列表中选择`,
          en: `No region has the id "${region.parentId}": pick the parent from the list`,
        },
      })
    else if (
      id !== null &&
      (region.parentId === id || regionsBelow(links, id).has(region.parentId))
    )
      issues.push({
        pointer: '/parentId',
        code: 'region-cycle',
        message: {
          zh: '上级地区不能是本地区或其下级地区',
          en: 'The parent cannot be the region itself or a region below it',
        },
      })
  }
  if (region.divisionCode !== null) {
    const holder = await db
      .selectFrom('region')
      .select(['id', 'name'])
      .where('division_code', '=', region.divisionCode)
      .executeTakeFirst()
    if (holder && holder.id !== id)
      issues.push({
        pointer: '/divisionCode',
        code: 'duplicate',
        message: {
          zh: `行政区划代码 ${region.divisionCode} 已属于地区「${holder.name}」`,
          en: `The division code ${region.divisionCode} is already the region "${holder.name}"'s`,
        },
      })
  }
  return issues
}

const invalid = (issues: RequestIssue[]) =>
  new AppError(
    422,
    'invalid-region',
    { zh: '地区信息有误，请按提示修改', en: 'The region has problems; see the issues' },
    { issues },
  )

/** Creates a region. @throws AppError 422 `invalid-region` for an unknown parent or a taken code */
export async function createRegion(
  trx: Transaction<Database>,
  body: CreateRegionBody,
  by: { actor: string; now: Date },
): Promise<RegionView> {
  const row: RegionRow = {
    id: newId(),
    name: body.name.trim(),
    level: body.level,
    parent_id: body.parentId ?? null,
    division_code: body.divisionCode ?? null,
    created_at: by.now.toISOString(),
    created_by: by.actor,
    updated_at: null,
  }
  const issues = await regionIssues(trx, null, {
    parentId: row.parent_id,
    divisionCode: row.division_code,
  })
  if (issues.length > 0) throw invalid(issues)
  await trx.insertInto('region').values(row).execute()
  await appendAudit(trx, [
    {
      at: row.created_at,
      actor: by.actor,
      action: 'region.create',
      entity: 'region',
      entityId: row.id,
      payload: {
        name: row.name,
        level: row.level,
        parentId: row.parent_id,
        divisionCode: row.division_code,
      },
    },
  ])
  return regionView(row)
}

/** Changes a region. @throws AppError 404 for an unknown id, 422 `invalid-region` */
export async function updateRegion(
  trx: Transaction<Database>,
  id: string,
  body: UpdateRegionBody,
  by: { actor: string; now: Date },
): Promise<RegionView> {
  const before = await findRegion(trx, id)
  if (!before) throw notFound({ zh: '找不到该地区', en: 'No such region' })
  const after = {
    name: body.name?.trim() ?? before.name,
    level: body.level ?? before.level,
    parent_id: body.parentId !== undefined ? body.parentId : before.parent_id,
    division_code: body.divisionCode !== undefined ? body.divisionCode : before.division_code,
  }
  const issues = await regionIssues(trx, id, {
    parentId: after.parent_id,
    divisionCode: after.division_code,
  })
  if (issues.length > 0) throw invalid(issues)
  const changes = Object.fromEntries(
    Object.entries(after).filter(([key, value]) => before[key as keyof typeof after] !== value),
  )
  if (Object.keys(changes).length === 0) return regionView(before)
  const updated = { ...before, ...after, updated_at: by.now.toISOString() }
  await trx
    .updateTable('region')
    .set({ ...after, updated_at: updated.updated_at })
    .where('id', '=', id)
    .execute()
  await appendAudit(trx, [
    {
      at: updated.updated_at,
      actor: by.actor,
      action: 'region.update',
      entity: 'region',
      entityId: id,
      payload: { name: before.name, changes },
    },
  ])
  return regionView(updated)
}
