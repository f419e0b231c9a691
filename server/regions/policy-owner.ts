/**
 * @module Which region a policy belongs to, settled when a version is published. An existing
 * policy stays in its region, and only that region's people (or those above every region) publish
 * it. A new policy goes into the publisher's region; a publisher above every region names one
 * (`regionId`), or gets the region the config names — found by its division code, or by name and
 * level — or, for a region not yet known, a new one made from the config. Either way the config's
 * `metadata.region` must name the region it is published into, so a plan never runs under
 * another region's name.
 */
import type { Kysely, Transaction } from 'kysely'
import type { PolicyConfig } from '../../schemas/index.ts'
import type { Database, RegionRow } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { createRegion, findRegion } from './region-store.ts'

export interface Publisher {
  actor: string
  /** The publisher's region; null for one above every region (a system admin, the demo seeding). */
  regionId: string | null
  /** The region asked for in the request, for a new policy. */
  requested?: string | undefined
}

type ConfigRegion = PolicyConfig['metadata']['region']

/**
 * The region the policy is published into, its ownership recorded for a new policy.
 * @throws AppError 409 for another region's policy, 422 `invalid-config` when the config names
 *   another region, 422 `invalid-region` for a region asked for that does not exist or is not the
 *   publisher's
 */
export async function claimPolicy(
  trx: Transaction<Database>,
  policyId: string,
  named: ConfigRegion,
  publisher: Publisher,
  now: Date,
): Promise<RegionRow> {
  const owner = await refuseOtherRegionsPolicy(trx, policyId, publisher)
  if (owner) {
    if (publisher.requested !== undefined && publisher.requested !== owner.region_id)
      throw regionRefused(
        '已发布的政策始终属于原地区，不能改到其他地区：请删去 regionId',
        'A published policy stays in its region: leave regionId out',
      )
    const region = (await findRegion(trx, owner.region_id))!
    agree(region, named)
    return region
  }
  const region = await newPolicyRegion(trx, named, publisher, now)
  agree(region, named)
  await trx
    .insertInto('policy')
    .values({
      id: policyId,
      region_id: region.id,
      created_at: now.toISOString(),
      created_by: publisher.actor,
    })
    .execute()
  return region
}

/**
 * The policy's owner, unless the policy is another region's than the publisher's: then one 409,
 * whatever else would be wrong with what was sent — nothing of that region's versions or sources
 * is told. Asked before a publish is checked any further, and again when it is stored.
 * @throws AppError 409 for another region's policy
 */
export async function refuseOtherRegionsPolicy(
  db: Kysely<Database> | Transaction<Database>,
  policyId: string,
  publisher: Pick<Publisher, 'regionId'>,
): Promise<{ region_id: string } | undefined> {
  const owner = await db
    .selectFrom('policy')
    .select('region_id')
    .where('id', '=', policyId)
    .executeTakeFirst()
  if (owner && publisher.regionId !== null && owner.region_id !== publisher.regionId)
    throw new AppError(409, 'conflict', {
      zh: `政策编号「${policyId}」已被其他地区使用：请在 metadata.id 中换一个编号`,
      en: `The policy id "${policyId}" is another region's: choose another metadata.id`,
    })
  return owner
}

async function newPolicyRegion(
  trx: Transaction<Database>,
  named: ConfigRegion,
  publisher: Publisher,
  now: Date,
): Promise<RegionRow> {
  const wanted = publisher.requested ?? publisher.regionId
  if (publisher.regionId !== null && wanted !== publisher.regionId)
    throw regionRefused(
      '只能发布到本人所在的地区：请删去 regionId',
      'You publish into your own region only: leave regionId out',
    )
  if (wanted !== null) {
    const region = await findRegion(trx, wanted)
    if (!region)
      throw regionRefused(
        `没有编号为「${wanted}」的地区：请从地区列表中选择`,
        `No region has the id "${wanted}": pick one from the list`,
      )
    return region
  }
  const found = await trx
    .selectFrom('region')
    .selectAll()
    .$call((query) =>
      named.code !== undefined
        ? query.where('division_code', '=', named.code)
        : query.where('name', '=', named.name).where('level', '=', named.level),
    )
    .execute()
  if (found.length > 1)
    throw regionRefused(
      `有多个名为「${named.name}」的地区：请用 regionId 指明发布到哪一个，或在配置中写明行政区划代码 metadata.region.code`,
      `Several regions are called "${named.name}": give regionId, or the division code as metadata.region.code`,
    )
  if (found[0]) return found[0]
  const parent =
    named.parent === undefined
      ? undefined
      : await trx.selectFrom('region').select('id').where('name', '=', named.parent).execute()
  const view = await createRegion(
    trx,
    {
      name: named.name,
      level: named.level,
      parentId: parent?.length === 1 ? parent[0]!.id : null,
      divisionCode: named.code ?? null,
    },
    { actor: publisher.actor, now },
  )
  return (await findRegion(trx, view.id))!
}

/** The config must name the region it is published into: by division code when both have one. */
function agree(region: RegionRow, named: ConfigRegion): void {
  const same =
    region.division_code !== null && named.code !== undefined
      ? region.division_code === named.code
      : region.name === named.name
  if (same) return
  const shown = `${region.name}${region.division_code ? `（${region.division_code}）` : ''}`
  const configured = `${named.name}${named.code ? `（${named.code}）` : ''}`
  throw new AppError(
    422,
    'invalid-config',
    {
      zh: `配置中的地区「${configured}」与发布到的地区「${shown}」不一致，未发布。`,
      en: `The config names the region "${configured}", but it is published into "${shown}"; nothing was published.`,
    },
    {
      issues: [
        {
          pointer: '/metadata/region',
          code: 'region-mismatch',
          message: {
            zh: `请把 metadata.region 改为「${region.name}」${region.division_code ? `（code: ${region.division_code}）` : ''}；若地区名称有误，请系统管理员在地区管理中更正`,
            en: `Set metadata.region to "${region.name}"${region.division_code ? ` (code: ${region.division_code})` : ''}; if the region's name is wrong, a system administrator corrects it under regions`,
          },
        },
      ],
    },
  )
}

function regionRefused(zh: string, en: string): AppError {
  return new AppError(
    422,
    'invalid-region',
    {
      zh: '发布到的地区有误，未发布',
      en: 'The region to publish into is wrong; nothing was published',
    },
    { issues: [{ pointer: '/regionId', code: 'bad-region', message: { zh, en } }] },
  )
}
